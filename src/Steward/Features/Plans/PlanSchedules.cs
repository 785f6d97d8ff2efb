using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Units;

namespace Steward.Features.Plans;

// A scheduled plan's dates for the unit it belongs to: the project start and the scheduled finish, and the
// span of the baseline set most recently. A plan with nothing scheduled yet leaves the unit's own dates.
internal sealed class PlanSchedules(StewardDbContext db) : IUnitSchedules
{
    public async Task<IReadOnlyDictionary<Guid, UnitSchedule>> OfAsync(IReadOnlyCollection<Guid> unitIds, CancellationToken ct)
    {
        var plans = await db.Plans.AsNoTracking().Where(p => unitIds.Contains(p.UnitId) && p.Finish != null)
            .Select(p => new { p.Id, p.UnitId, p.Start, Finish = p.Finish!.Value }).ToListAsync(ct);
        if (plans.Count == 0)
        {
            return new Dictionary<Guid, UnitSchedule>();
        }

        var planIds = plans.Select(p => p.Id).ToList();
        var baselines = (await db.PlanBaselines.AsNoTracking().Where(b => planIds.Contains(b.PlanId))
                .Select(b => new { b.PlanId, b.Name, b.SetAt, Start = b.Tasks.Min(t => (DateTime?)t.Start), Finish = b.Tasks.Max(t => (DateTime?)t.Finish) })
                .ToListAsync(ct))
            .Where(b => b.Start is not null && b.Finish is not null)
            .GroupBy(b => b.PlanId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(b => b.SetAt).First());
        return plans.ToDictionary(p => p.UnitId, p => baselines.TryGetValue(p.Id, out var b)
            ? new UnitSchedule(DateOnly.FromDateTime(p.Start), DateOnly.FromDateTime(p.Finish), DateOnly.FromDateTime(b.Start!.Value), DateOnly.FromDateTime(b.Finish!.Value), b.Name)
            : new UnitSchedule(DateOnly.FromDateTime(p.Start), DateOnly.FromDateTime(p.Finish), null, null, null));
    }
}
