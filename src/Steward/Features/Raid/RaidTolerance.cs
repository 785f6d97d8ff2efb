using Steward.Features.Tolerances;

namespace Steward.Features.Raid;

// RAID items as deviations the tolerance engine judges: a risk by its current score, an issue by the
// severity of its priority, a dependency by the working days it is committed late. Null: the item is
// not placed by tolerance (it is closed, or an opportunity).
public static class RaidTolerance
{
    public const int ReasonMaxLength = 1000;

    public static decimal? Deviation(Risk risk) => risk.Status == RiskStatus.Open && !risk.IsOpportunity ? risk.Score : null;

    public static decimal? Deviation(Issue issue) => issue.Status != IssueStatus.Closed ? Severity(issue.Priority) : null;

    public static decimal? Deviation(Dependency dependency) => dependency.IsOpen ? dependency.WorkingDaysLate : null;

    public static int Severity(IssuePriority priority) => priority switch
    {
        IssuePriority.Critical => IssueSeverity.Critical,
        IssuePriority.High => IssueSeverity.High,
        IssuePriority.Medium => IssueSeverity.Medium,
        _ => IssueSeverity.Low,
    };

    // The RAID pages and API speak of the score or priority at which items escalate; the engine holds the
    // most a unit keeps. A unit that keeps everything (a limit at the top of the scale) escalates nothing.
    public static decimal? HeldScore(int? escalateAt) => escalateAt - 1;

    public static int? EscalateAtScore(decimal? held) => held is { } h && h < 25 ? (int)h + 1 : null;

    public static decimal? HeldSeverity(IssuePriority? escalateAt) => escalateAt is { } p ? Severity(p) - 1 : null;

    public static IssuePriority? EscalateAtPriority(decimal? held) =>
        held is { } h && h < IssueSeverity.Critical ? Enum.GetValues<IssuePriority>().First(p => Severity(p) == (int)h + 1) : null;

    public static int? LateDays(decimal? held) => held is { } h ? (int)h : null;
}

// A unit's RAID tolerances as they apply, in the words of the RAID pages: escalate risks at this score or
// more, issues at this priority or worse, dependencies late by more than this many working days.
public sealed record EffectiveTolerance(int? RiskScore, IssuePriority? IssuePriority, int? DependencyLateDays = null)
{
    public static EffectiveTolerance Of(ToleranceLadder ladder) => new(
        RaidTolerance.EscalateAtScore(ladder.For(ToleranceDimension.Risk).Levels[0].Over?.Limit),
        RaidTolerance.EscalateAtPriority(ladder.For(ToleranceDimension.Issues).Levels[0].Over?.Limit),
        RaidTolerance.LateDays(ladder.For(ToleranceDimension.Dependencies).Levels[0].Over?.Limit));
}
