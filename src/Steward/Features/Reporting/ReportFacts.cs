using Steward.Features.Finance;

namespace Steward.Features.Reporting;

// What a status report quotes from Steward's registers, gathered live while it is a draft and frozen
// into its snapshot when it is submitted. Lists are capped (the top few, as a board reads them); units
// are named by code so a snapshot stays small and readable after units are renamed.
public sealed record ReportFacts(
    string Unit,
    string Period,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    DateTime GatheredAt,
    ScheduleFacts Schedule,
    RaidFacts Raid,
    GovernanceFacts Governance,
    FinanceFacts? Finance,
    BenefitFacts? Benefits,
    IReadOnlyList<ToleranceFact> Tolerances);

// Forecast end against the baseline (EndDriftDays: later is positive), and the key milestones of the period.
public sealed record ScheduleFacts(
    DateOnly? ForecastEnd, DateOnly? BaselineEnd, int? EndDriftDays,
    IReadOnlyList<MilestoneFact> Due, IReadOnlyList<MilestoneFact> Met, IReadOnlyList<MilestoneFact> Missed, IReadOnlyList<MilestoneFact> Moved);

// Deadline: the date it must be met by, where the plan sets one; MovedDays: how far its forecast moved this period.
public sealed record MilestoneFact(string Unit, int Uid, string Name, DateOnly? Forecast, DateOnly? Deadline, DateOnly? Finished, int? MovedDays);

// Top open threats by score and open issues by priority, each with what changed since the last report
// (Previous: its score or priority then; New: not in it). Gone: those the last report listed that are no
// longer open.
public sealed record RaidFacts(
    int OpenRisks, int OpenIssues, IReadOnlyList<RiskFact> TopRisks, IReadOnlyList<IssueFact> TopIssues, IReadOnlyList<string> GoneSinceLastReport,
    IReadOnlyList<DependencyFact> DependenciesAtRisk);

public sealed record RiskFact(string Reference, string Unit, string Title, int Score, int? PreviousScore, bool New);

public sealed record IssueFact(string Reference, string Unit, string Title, string Priority, string? PreviousPriority, bool New);

public sealed record DependencyFact(string Reference, string Unit, string Title, DateOnly NeededBy, DateOnly? Committed, string Status);

public sealed record GovernanceFacts(IReadOnlyList<ActionFact> ActionsDue, IReadOnlyList<DecisionFact> Decisions);

public sealed record ActionFact(string Reference, string Unit, string Description, DateOnly DueOn, string Status, string? Owner, bool Overdue);

public sealed record DecisionFact(string Reference, string Unit, string Title, DateOnly DecidedOn);

// Money for the month, the financial year and the whole life, against budget and the cost tolerance.
public sealed record FinanceFacts(
    string Year, string? Month, FinancePosition? MonthPosition, FinancePosition YearPosition, FinancePosition WholeLife,
    decimal? YearVariancePercent, bool YearBeyondTolerance, decimal? WholeLifeGrowthPercent, bool WholeLifeBeyondTolerance);

// This financial year's monetised benefits planned against realised, and how many are behind or unmeasured.
public sealed record BenefitFacts(int Benefits, string Year, Money Planned, Money Realised, int BeyondTolerance, int MeasurementsOverdue);

// One tolerance dimension as it stands: the value measured, the unit's limit and whether it is beyond it.
public sealed record ToleranceFact(string Dimension, string Measure, decimal? Value, decimal? Limit, bool Breached, string? LimitSetAt);
