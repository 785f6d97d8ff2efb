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
    // The parent is read here rather than taken from a UnitView, which leaves out a parent the actor
    // may not see: the calendar a plan is scheduled on must not depend on who is looking.
    public async Task<(PlanCalendar Calendar, UnitRef? From)> EffectiveAsync(string? own, Guid unitId, CancellationToken ct = default)
    {
        if (own is not null)
        {
            return (PlanCalendar.Parse(own), null);
        }

        var parentId = await db.Units.AsNoTracking().Where(u => u.Id == unitId).Select(u => u.ParentId).FirstOrDefaultAsync(ct);
        var ancestors = await units.AncestorsAsync(parentId, ct);
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

    public async Task<WorkCalendar> ForAsync(UnitPlan plan, CancellationToken ct = default)
    {
        var (calendar, _) = await EffectiveAsync(plan.Calendar, plan.UnitId, ct);
        return calendar.ToWorkCalendar(plan.Start.Year - 1, Math.Max(plan.Start.Year, (plan.Finish ?? plan.Start).Year) + 10);
    }
}
