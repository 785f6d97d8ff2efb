using Steward.Features.People;
using Steward.Infrastructure.Registers;

namespace Steward.Features.Governance;

// An entry in the decisions log: what was decided, why, what else was considered, and by whom —
// a board at one of its meetings, or a person (an SRO deciding between boards).
public sealed class Decision : NumberedEntry
{
    public const string ReferencePrefix = "DEC-";
    public const int TitleMaxLength = 300;
    public const int TextMaxLength = 8000;

    protected override string ReferencePrefixOfKind => ReferencePrefix;

    public required string Title { get; set; }
    public string? Rationale { get; set; }
    public string? OptionsConsidered { get; set; }
    public DateOnly DecidedOn { get; set; }

    public Guid? BoardId { get; set; }
    public Board? Board { get; set; }
    public Guid? MeetingId { get; set; }
    public Meeting? Meeting { get; set; }
    public Guid? DecidedById { get; set; }
    public Person? DecidedBy { get; set; }

    public List<DecisionLink> Links { get; set; } = [];
}

// A RAID item the decision was about, by reference (R-0042) so the log reads as people quote it.
public sealed class DecisionLink
{
    public Guid Id { get; set; }
    public Guid DecisionId { get; set; }
    public Guid ItemId { get; set; }
    public required string Reference { get; set; }

    // The unit whose register holds the item, for linking to its page.
    public Guid UnitId { get; set; }
}
