using Steward.Features.Finance;
using Steward.Features.People;
using Steward.Features.Units;
using Steward.Infrastructure.Registers;

namespace Steward.Features.Benefits;

public sealed record BenefitView(
    Guid Id, string Reference, UnitRef Unit, string Title, string? Description, UnitRef? OwningUnit, PersonRef? Owner,
    string Category, string Nature, string Class, bool IsDisbenefit,
    string? Kpi, string? UnitOfMeasure, string Direction, string? MeasuredBy, string? Frequency,
    decimal? BaselineValue, DateOnly? BaselineDate, decimal? TargetValue, DateOnly? TargetDate, Money? MonetisedValue,
    string? Confidence, string Status, int Version, DateTime CreatedAt, DateTime UpdatedAt) : IEntryView
{
    public IReadOnlyList<ProfilePointView> Profile { get; init; } = [];

    // Newest first, each with the plan on its date and whether it is behind.
    public IReadOnlyList<MeasurementView> Measurements { get; init; } = [];

    // When the next measurement is due (MeasurementDue), and whether that date has passed.
    public DateOnly? MeasurementDueOn { get; init; }
    public bool MeasurementOverdue { get; init; }

    // The latest measurement against the plan on its date, in % of the planned progress (negative: behind,
    // or for a dis-benefit more of it than expected), and what the unit's benefits tolerance says of it.
    public decimal? DeviationPercent { get; init; }
    public Tolerances.ToleranceEvaluation? Tolerance { get; init; }

    // When it was handed to its business-as-usual owner at close-out.
    public DateOnly? HandedOverOn { get; init; }

    // The RAID items and milestones it is linked to.
    public IReadOnlyList<RelatedItemView> Related { get; init; } = [];
}

public sealed record ProfilePointView(DateOnly On, decimal Value, Money? Money);

// Planned: where the profile says the measure should be on that date (none before the plan starts);
// Variance: measured minus planned.
public sealed record MeasurementView(Guid Id, DateOnly MeasuredOn, decimal Value, string? Evidence, string? RecordedBy, DateTime RecordedAt, decimal? Planned, decimal? Variance, bool Behind);

// A row of the register.
public sealed record BenefitSummary(
    string Reference, UnitRef Unit, string Title, PersonRef? Owner, string Category, bool IsDisbenefit, string Status,
    decimal? BaselineValue, decimal? TargetValue, string? UnitOfMeasure, DateOnly? TargetDate, Money? MonetisedValue, bool MeasurementOverdue = false);
