using Steward.Features.Units;
using Steward.Infrastructure;

namespace Steward.Features.Reporting;

// A delivery confidence assessment from outside the unit: the IPA's (now NISTA's) or departmental
// assurance's, recorded by an assurance role apart from the SRO's own, as GMPP data carries both.
public sealed class IndependentDca : IVersionedRecord
{
    public const int CommentMaxLength = 4000;

    public Guid Id { get; set; }
    public Guid UnitId { get; set; }
    public DeliveryUnit? Unit { get; set; }

    public DateOnly AssessedOn { get; set; }
    public AssessmentSource Source { get; set; }
    public DcaRating Rating { get; set; }
    public DcaScale Scale { get; set; }
    public string? Comment { get; set; }
    public string? RecordedBy { get; set; }

    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

public enum AssessmentSource
{
    Ipa,
    Departmental,
}
