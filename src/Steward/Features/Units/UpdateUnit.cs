namespace Steward.Features.Units;

// A full replacement of a unit's editable fields. Kind is fixed at creation; the parent changes by a move.
public sealed record UpdateUnit(
    string? Code,
    string? Name,
    UnitCategory? Category,
    LifecycleStage? Stage,
    UnitStatus? Status = null,
    string? Description = null,
    string? Aims = null,
    Guid? SroId = null,
    Guid? ManagerId = null,
    Guid? PmoContactId = null,
    DateOnly? BaselineStart = null,
    DateOnly? BaselineEnd = null,
    DateOnly? ForecastStart = null,
    DateOnly? ForecastEnd = null);
