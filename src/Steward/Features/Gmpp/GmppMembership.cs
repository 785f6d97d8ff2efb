using Steward.Features.Units;
using Steward.Infrastructure;

namespace Steward.Features.Gmpp;

// A unit on the Government Major Projects Portfolio: its GMPP id (the whole id is the key, since the
// numeric parts are reused: DFT_0048_2021-Q3), the annual report's category, the department that returns
// it, and when it joined and left. Projects imported from years that published no ids have none until
// someone records it.
public sealed class GmppMembership : IVersionedRecord
{
    public const int GmppIdMaxLength = 40;
    public const int DepartmentMaxLength = 40;

    public Guid Id { get; set; }
    public Guid UnitId { get; set; }
    public DeliveryUnit? Unit { get; set; }

    public string? GmppId { get; set; }
    public GmppCategory? Category { get; set; }
    public string? Department { get; set; }
    public DateOnly? Joined { get; set; }
    public DateOnly? Left { get; set; }

    // The department's narratives for the next return, edited in Steward (history keeps every version);
    // until someone writes them, the latest published return's are offered.
    public string? DcaCommentary { get; set; }
    public string? ScheduleNarrative { get; set; }
    public string? VarianceNarrative { get; set; }
    public string? WholeLifeCostNarrative { get; set; }
    public string? BenefitsNarrative { get; set; }

    // JSON: the fields the department withholds under an exemption of the Freedom of Information Act,
    // each published as the exemption's wording (GmppExemptions).
    public string? Withheld { get; set; }

    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

// The annual report's categories (uk-delivery-facts.md, "GMPP published data").
public enum GmppCategory
{
    TransformationAndServiceDelivery,
    InfrastructureAndConstruction,
    MilitaryCapability,
    Ict,
}
