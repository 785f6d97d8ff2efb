namespace Steward.Features.Units;

// A unit's dates as its plan has them: forecast from the schedule, baseline from the plan's latest
// baseline. Where a unit has a plan, these are its dates; its typed ones wait for when it has none.
public sealed record UnitSchedule(DateOnly Start, DateOnly Finish, DateOnly? BaselineStart, DateOnly? BaselineFinish, string? BaselineName);

// Provided by the plans service; the delivery tree asks it without knowing how plans are kept.
public interface IUnitSchedules
{
    Task<IReadOnlyDictionary<Guid, UnitSchedule>> OfAsync(IReadOnlyCollection<Guid> unitIds, CancellationToken ct);
}

public enum UnitDatesSource
{
    Unit,
    Plan,
}
