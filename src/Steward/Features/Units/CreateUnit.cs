namespace Steward.Features.Units;

// Everything but the code, name and kind is optional; nullable so a missing field is a validation
// message naming it, not a JSON error.
public sealed record CreateUnit(
    string? Code,
    string? Name,
    UnitKind? Kind,
    Guid? ParentId = null,
    UnitCategory? Category = null,
    LifecycleStage? Stage = null,
    string? Description = null,
    string? Aims = null,
    Guid? SroId = null,
    Guid? ManagerId = null,
    Guid? PmoContactId = null,
    DateOnly? BaselineStart = null,
    DateOnly? BaselineEnd = null,
    DateOnly? ForecastStart = null,
    DateOnly? ForecastEnd = null);
