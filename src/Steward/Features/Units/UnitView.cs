using Steward.Infrastructure.Registers;
using System.Text.Json.Serialization;
using Steward.Features.People;

namespace Steward.Features.Units;

// A unit as the API, the unit page and `steward units show` present it.
public sealed record UnitView(
    Guid Id,
    string Code,
    string Name,
    UnitKind Kind,
    UnitCategory Category,
    LifecycleStage Stage,
    UnitStatus Status,
    string? Description,
    string? Aims,
    UnitRef? Parent,
    PersonRef? Sro,
    PersonRef? Manager,
    PersonRef? PmoContact,
    DateOnly? BaselineStart,
    DateOnly? BaselineEnd,
    DateOnly? ForecastStart,
    DateOnly? ForecastEnd,
    int Version,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    DateTime? ClosedAt,
    DateTime? ArchivedAt,
    [property: JsonIgnore] string Path) : IUnitLocation, IVersionedView
{
    [JsonIgnore]
    public bool IsOpen => Status is UnitStatus.Active or UnitStatus.Paused;

    // Where the baseline and forecast dates come from: the unit's own, or its plan (UnitDates).
    public UnitDatesSource DatesFrom { get; init; } = UnitDatesSource.Unit;

    // The plan baseline the baseline dates are from, when they come from a plan.
    public string? BaselineName { get; init; }

    // Active, and its forecast end is in the past.
    public bool PastForecastEnd { get; init; }
}

public sealed record UnitRef(Guid Id, string Code, string Name, UnitKind Kind);

public sealed record UnitSummary(
    Guid Id,
    string Code,
    string Name,
    UnitKind Kind,
    UnitCategory Category,
    LifecycleStage Stage,
    UnitStatus Status,
    Guid? ParentId,
    DateOnly? ForecastEnd,
    int Version,
    DateTime UpdatedAt)
{
    public UnitDatesSource DatesFrom { get; init; } = UnitDatesSource.Unit;

    public bool PastForecastEnd { get; init; }
}
