namespace Steward.Features.Raid;

// A risk's editable fields, for raising one and for replacing them all on an edit (If-Match required).
public sealed record RiskInput(
    string? Title,
    Guid? OwnerId,
    int? Likelihood,
    int? Impact,
    string? Cause = null,
    string? Event = null,
    string? Effect = null,
    string? Category = null,
    bool IsOpportunity = false,
    Guid? RaisedById = null,
    DateOnly? RaisedOn = null,
    DateOnly? ProximityDate = null,
    int? InherentLikelihood = null,
    int? InherentImpact = null,
    int? TargetLikelihood = null,
    int? TargetImpact = null,
    RiskResponse? Response = null,
    DateOnly? NextReviewDate = null);

// An issue's editable fields. Closing is its own action; status here moves only between open and resolved.
public sealed record IssueInput(
    string? Title,
    Guid? OwnerId,
    IssuePriority? Priority,
    string? Description = null,
    string? Impact = null,
    DateOnly? RaisedOn = null,
    DateOnly? TargetResolutionDate = null,
    string? Resolution = null,
    IssueStatus? Status = null);

// Why an item is being escalated or handed back; kept with it and in its history.
public sealed record EscalationInput(string? Reason);

// A unit's own RAID tolerances; null inherits from the nearest unit above that sets one.
public sealed record ToleranceInput(int? RiskScore, IssuePriority? IssuePriority, int? DependencyLateDays = null);

// A dependency's editable fields. ProviderUnit is a unit's code or id; ExternalParty names someone
// outside Steward (another department, a supplier). Exactly one of the two.
public sealed record DependencyInput(
    string? Title,
    Guid? OwnerId,
    DateOnly? NeededBy,
    string? ProviderUnit = null,
    string? ExternalParty = null,
    string? Description = null,
    DateOnly? CommittedDate = null,
    Guid? ProviderOwnerId = null,
    DependencyStatus? Status = null);

// An assumption's editable fields. Its status changes by validating or invalidating it.
public sealed record AssumptionInput(string? Statement, Guid? OwnerId, string? ImpactIfWrong = null, DateOnly? ValidationDue = null);

// Marking an assumption invalid: what proved it wrong, and what to raise because of it: "issue", "risk" or nothing.
public sealed record InvalidationInput(string? Raise = null, string? Reason = null);

// Why an entry's status is being changed (closed, realised, reopened, validated); kept with it and in its history.
public sealed record StatusChangeInput(string? Reason);
