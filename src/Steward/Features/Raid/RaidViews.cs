using Steward.Features.People;
using Steward.Features.Units;
using Steward.Infrastructure.Registers;

namespace Steward.Features.Raid;

// A risk as the API and its page present it.
public sealed record RiskView(
    Guid Id,
    string Reference,
    UnitRef Unit,
    string Title,
    string? Cause,
    string? Event,
    string? Effect,
    string? Category,
    bool IsOpportunity,
    PersonRef Owner,
    PersonRef? RaisedBy,
    DateOnly RaisedOn,
    DateOnly? ProximityDate,
    RiskScore? Inherent,
    RiskScore Current,
    RiskScore? Target,
    RiskResponse? Response,
    DateOnly? NextReviewDate,
    RiskStatus Status,
    DateTime? ClosedAt,
    string? StatusReason,
    string? RealisedIssue,
    Escalation? Escalation,
    int Version,
    DateTime CreatedAt,
    DateTime UpdatedAt) : IEntryView;

public sealed record RiskScore(int Likelihood, int Impact)
{
    public int Score => Likelihood * Impact;

    public static RiskScore? Of(int? likelihood, int? impact) =>
        likelihood is { } l && impact is { } i ? new RiskScore(l, i) : null;
}

// One line of the roll-up register.
public sealed record RiskSummary(
    Guid Id,
    string Reference,
    UnitRef Unit,
    string Title,
    bool IsOpportunity,
    PersonRef Owner,
    int Likelihood,
    int Impact,
    int Score,
    RiskResponse? Response,
    DateOnly? NextReviewDate,
    bool ReviewOverdue,
    RiskStatus Status,
    UnitRef? EscalatedTo,
    int Version);

public sealed record IssueView(
    Guid Id,
    string Reference,
    UnitRef Unit,
    string Title,
    string? Description,
    IssuePriority Priority,
    string? Impact,
    PersonRef Owner,
    DateOnly RaisedOn,
    DateOnly? TargetResolutionDate,
    string? Resolution,
    IssueStatus Status,
    DateTime? ClosedAt,
    string? StatusReason,
    string? FromRisk,
    Escalation? Escalation,
    int Version,
    DateTime CreatedAt,
    DateTime UpdatedAt) : IEntryView;

public sealed record IssueSummary(
    Guid Id,
    string Reference,
    UnitRef Unit,
    string Title,
    IssuePriority Priority,
    PersonRef Owner,
    DateOnly RaisedOn,
    DateOnly? TargetResolutionDate,
    bool Overdue,
    IssueStatus Status,
    string? FromRisk,
    UnitRef? EscalatedTo,
    int Version);

// Open risks counted by likelihood × impact: 25 cells, every one present, zero or not.
public sealed record HeatMap(IReadOnlyList<HeatMapCell> Cells, int Total)
{
    public int Count(int likelihood, int impact) =>
        Cells.FirstOrDefault(c => c.Likelihood == likelihood && c.Impact == impact)?.Count ?? 0;
}

public sealed record HeatMapCell(int Likelihood, int Impact, int Count);

// Where an item has been escalated to, and whether a person put it there (with their reason) or its tolerances did.
public sealed record Escalation(UnitRef To, bool ByHand, string? Reason);

// A unit's RAID tolerances: what it sets itself (null: inherited) and what applies there.
public sealed record ToleranceView(int? RiskScore, IssuePriority? IssuePriority, int? DependencyLateDays, int? Version, EffectiveTolerance Effective);

// A dependency as the API and its page present it: who needs what from whom, by when.
public sealed record DependencyView(
    Guid Id,
    string Reference,
    UnitRef Unit,
    string Title,
    string? Description,
    UnitRef? ProviderUnit,
    string? ExternalParty,
    DateOnly NeededBy,
    DateOnly? CommittedDate,
    bool IsLate,
    int WorkingDaysLate,
    PersonRef Owner,
    PersonRef? ProviderOwner,
    DependencyStatus Status,
    string? StatusReason,
    Escalation? Escalation,
    int Version,
    DateTime CreatedAt,
    DateTime UpdatedAt) : IEntryView;

public sealed record AssumptionView(
    Guid Id,
    string Reference,
    UnitRef Unit,
    string Statement,
    string? ImpactIfWrong,
    PersonRef Owner,
    DateOnly? ValidationDue,
    bool ValidationOverdue,
    AssumptionStatus Status,
    string? StatusReason,
    string? FollowUp,
    Escalation? Escalation,
    int Version,
    DateTime CreatedAt,
    DateTime UpdatedAt) : IEntryView;
