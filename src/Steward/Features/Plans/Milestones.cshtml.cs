using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Steward.Features.Access;
using Steward.Features.Units;

namespace Steward.Features.Plans;

// The guidance's first warning sign, made visible at every level: which key milestones moved right
// since the last period, and the milestone trend chart (forecast date against reporting date).
[Requires(PmoArea.Planning, PmoAction.Read)]
public sealed class MilestonesModel(UnitQueries units, PlanQueries queries, TimeProvider clock) : PageModel
{
    public UnitView Unit { get; private set; } = default!;
    public MilestoneDrift Drift { get; private set; } = default!;
    public IReadOnlyList<MilestoneTrend> Trend { get; private set; } = [];
    public DateTime Today { get; private set; }

    // Only a unit with a plan of its own leads back to it; a portfolio's milestones are all below it.
    public bool HasPlan { get; private set; }

    // The period: a week by default, as the weekly report reads it.
    [BindProperty(SupportsGet = true)]
    public int Days { get; set; } = 7;

    [BindProperty(SupportsGet = true)]
    public bool All { get; set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        if (await units.FindByCodeAsync(code, ct) is not { } unit)
        {
            return NotFound();
        }

        Unit = unit;
        Days = Math.Clamp(Days, 1, 366);
        Today = clock.GetUtcNow().UtcDateTime;
        Drift = await queries.DriftAsync(unit, Today.Date.AddDays(-Days), All, ct);
        Trend = await queries.TrendAsync(unit, All, 20, ct);
        HasPlan = await queries.HasPlanAsync(unit.Id, ct);
        return Page();
    }
}
