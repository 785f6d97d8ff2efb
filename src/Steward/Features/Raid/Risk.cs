using Steward.Features.People;
using Steward.Infrastructure.Registers;

namespace Steward.Features.Raid;

// A threat (or an opportunity) to a unit's objectives, scored on the 5 × 5 likelihood × impact scale.
public sealed class Risk : RaidEntry
{
    public const string ReferencePrefix = "R-";
    public const int TitleMaxLength = 200;
    public const int TextMaxLength = 4000;
    public const int CategoryMaxLength = 100;

    protected override string ReferencePrefixOfKind => ReferencePrefix;

    // The first two ids on the unit's path: the top-level unit the risk rolls up to, and the unit below
    // that (null for a risk on a top-level unit). Copies kept by RiskRollupLevels, so a portfolio's or
    // top programme's register reads its first page in score order from one index instead of sorting
    // every risk of hundreds of units. Derived, so not history.
    public Guid? RollupLevel1Id { get; set; }
    public Guid? RollupLevel2Id { get; set; }

    public required string Title { get; set; }
    public string? Cause { get; set; }
    public string? Event { get; set; }
    public string? Effect { get; set; }
    public string? Category { get; set; }
    public bool IsOpportunity { get; set; }

    public Guid? RaisedById { get; set; }
    public Person? RaisedBy { get; set; }
    public DateOnly RaisedOn { get; set; }
    public DateOnly? ProximityDate { get; set; }

    public int? InherentLikelihood { get; set; }
    public int? InherentImpact { get; set; }
    public int Likelihood { get; set; }
    public int Impact { get; set; }
    public int? TargetLikelihood { get; set; }
    public int? TargetImpact { get; set; }

    // Likelihood × impact, kept so registers can filter and sort on it in the database.
    public int Score { get; set; }

    public RiskResponse? Response { get; set; }
    public DateOnly? NextReviewDate { get; set; }
    public RiskStatus Status { get; set; }
    public DateTime? ClosedAt { get; set; }

    // The issue this risk became when it was realised.
    public Guid? RealisedIssueId { get; set; }
}
