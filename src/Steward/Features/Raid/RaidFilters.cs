namespace Steward.Features.Raid;

public enum RiskSort
{
    Score,
    Reference,
    NextReview,
    Updated,
}

public enum IssueSort
{
    Priority,
    Reference,
    TargetResolution,
    Updated,
}

// What the roll-up risk register can be narrowed to. Status defaults to open, as a weekly review wants.
public sealed record RiskFilter(
    RiskStatus? Status = RiskStatus.Open,
    bool AllStatuses = false,
    Guid? OwnerId = null,
    int? MinScore = null,
    int? Likelihood = null,
    int? Impact = null,
    bool OverdueReview = false,
    string? Text = null,
    bool Escalated = false);

public sealed record IssueFilter(
    IssueStatus? Status = IssueStatus.Open,
    bool AllStatuses = false,
    Guid? OwnerId = null,
    IssuePriority? Priority = null,
    bool Overdue = false,
    string? Text = null,
    bool Escalated = false);

// Dependencies of the unit and below, either side: what they need (needs), what they provide to others
// (provides), or both (the default).
public sealed record DependencyFilter(
    DependencyStatus? Status = null,
    bool OpenOnly = true,
    bool Late = false,
    string Direction = "both",
    bool Escalated = false,
    Guid? OwnerId = null,
    string? Text = null);
