using Steward.Data;

namespace Steward.Features.Units;

// Puts the plan's dates on units that have a plan, so the unit page, the API and the command line show
// the dates the plan shows, and flags an active unit whose forecast end has passed.
public sealed class UnitDates(IEnumerable<IUnitSchedules> schedules, TimeProvider clock, StewardDbContext db, CommittedReads<Guid, UnitSchedule?> scheduleOf)
{
    private DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    public async Task<UnitView> ApplyAsync(UnitView unit, CancellationToken ct = default)
    {
        // One unit is what every API request on a unit shows, so its plan's dates are kept until the next commit.
        var plan = await scheduleOf.GetAsync(db, unit.Id, async id => (await SchedulesAsync([id], ct)).GetValueOrDefault(id));
        var dated = plan is not null
            ? unit with
            {
                ForecastStart = plan.Start, ForecastEnd = plan.Finish,
                BaselineStart = plan.BaselineName is null ? unit.BaselineStart : plan.BaselineStart,
                BaselineEnd = plan.BaselineName is null ? unit.BaselineEnd : plan.BaselineFinish,
                DatesFrom = UnitDatesSource.Plan, BaselineName = plan.BaselineName,
            }
            : unit;
        return dated with { PastForecastEnd = unit.Status == UnitStatus.Active && dated.ForecastEnd < Today };
    }

    public async Task<IReadOnlyList<UnitSummary>> ApplyAsync(IReadOnlyList<UnitSummary> units, CancellationToken ct = default)
    {
        var found = await SchedulesAsync(units.Select(u => u.Id).ToList(), ct);
        return units.Select(u =>
        {
            var dated = found.TryGetValue(u.Id, out var plan) ? u with { ForecastEnd = plan.Finish, DatesFrom = UnitDatesSource.Plan } : u;
            return dated with { PastForecastEnd = u.Status == UnitStatus.Active && dated.ForecastEnd < Today };
        }).ToList();
    }

    private async Task<IReadOnlyDictionary<Guid, UnitSchedule>> SchedulesAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        var all = new Dictionary<Guid, UnitSchedule>();
        foreach (var source in schedules)
        {
            foreach (var (id, schedule) in await source.OfAsync(ids, ct))
            {
                all[id] = schedule;
            }
        }

        return all;
    }
}
