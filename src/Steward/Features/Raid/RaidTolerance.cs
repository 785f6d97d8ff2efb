using Steward.Infrastructure;

namespace Steward.Features.Raid;

// How much a unit may hold before an item goes up the tree: a risk whose current score reaches
// RiskScore, or an issue at IssuePriority or worse, is outside this unit's tolerance and escalates to
// its parent. A field left empty is inherited from the nearest unit above that sets it.
public sealed class RaidTolerance : IVersionedRecord
{
    public const int ReasonMaxLength = 1000;

    public Guid Id { get; set; }
    public Guid UnitId { get; set; }
    public int? RiskScore { get; set; }
    public IssuePriority? IssuePriority { get; set; }

    // A dependency committed more than this many working days after it is needed.
    public int? DependencyLateDays { get; set; }

    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

// A unit's tolerance as it applies: its own values, and where each empty one is inherited from.
public sealed record EffectiveTolerance(int? RiskScore, IssuePriority? IssuePriority, int? DependencyLateDays = null)
{
    public static readonly EffectiveTolerance None = new(null, null);

    public bool Breached(Risk risk) =>
        risk.Status == RiskStatus.Open && !risk.IsOpportunity && RiskScore is { } threshold && risk.Score >= threshold;

    // Critical is the most severe priority, so "at or worse than" is "at or before" in the enum.
    public bool Breached(Issue issue) =>
        issue.Status != IssueStatus.Closed && IssuePriority is { } threshold && issue.Priority <= threshold;

    public bool Breached(Dependency dependency) =>
        dependency.IsOpen && DependencyLateDays is { } days && dependency.WorkingDaysLate > days;

    public EffectiveTolerance InheritFrom(EffectiveTolerance above) =>
        new(RiskScore ?? above.RiskScore, IssuePriority ?? above.IssuePriority, DependencyLateDays ?? above.DependencyLateDays);
}
