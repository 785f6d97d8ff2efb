using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Units;
using Steward.Scheduling;

namespace Steward.Features.Plans;

// Where a plan's calendar comes from: its own, else that of the nearest unit above with one (so a
// portfolio's calendar holds for every programme and project below that sets none), else Standard
// hours with the bank holidays of England and Wales.
public sealed class PlanCalendars(StewardDbContext db, UnitQueries units)
{
    public async Task<(PlanCalendar Calendar, UnitRef? From)> EffectiveAsync(string? own, UnitView unit, CancellationToken ct = default)
    {
        if (own is not null)
        {
            return (PlanCalendar.Parse(own), null);
        }

        var ancestors = await units.AncestorsAsync(unit.Parent?.Id, ct);
        var ids = ancestors.Select(a => a.Id).ToList();
        var set = await db.Plans.AsNoTracking().Where(p => ids.Contains(p.UnitId) && p.Calendar != null).Select(p => new { p.UnitId, p.Calendar }).ToListAsync(ct);
        foreach (var ancestor in Enumerable.Reverse(ancestors))
        {
            if (set.FirstOrDefault(s => s.UnitId == ancestor.Id) is { } found)
            {
                return (PlanCalendar.Parse(found.Calendar!), ancestor);
            }
        }

        return (PlanCalendar.Default, null);
    }

    public async Task<WorkCalendar> ForAsync(UnitPlan plan, UnitView unit, CancellationToken ct = default)
    {
        var (calendar, _) = await EffectiveAsync(plan.Calendar, unit, ct);
        return calendar.ToWorkCalendar(plan.Start.Year - 1, Math.Max(plan.Start.Year, (plan.Finish ?? plan.Start).Year) + 10);
    }
}
