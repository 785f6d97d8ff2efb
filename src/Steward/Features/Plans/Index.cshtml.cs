using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Steward.Features.Access;
using Steward.Features.Units;

namespace Steward.Features.Plans;

// A unit's plan: the Gantt chart with the critical path, and the plan table in outline (the chart's
// accessible alternative), with variance against a chosen baseline.
[Requires(PmoArea.Planning, PmoAction.Read)]
public sealed class IndexModel(UnitQueries units, PlanQueries queries, IntegratedPlan integrated, TimeProvider clock) : PageModel
{
    public UnitView Unit { get; private set; } = default!;
    public PlanView Plan { get; private set; } = default!;
    public bool CanChange { get; private set; }
    public bool CanBaseline { get; private set; }
    public DateTime Today { get; private set; }
    public IReadOnlyList<CrossUnitLinkView> CrossUnitLinks { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public int? Baseline { get; set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        if (await units.FindByCodeAsync(code, ct) is not { } unit)
        {
            return NotFound();
        }

        Unit = unit;
        var baselines = await queries.BaselinesAsync(unit, ct);
        if (Baseline is { } chosen && baselines.All(b => b.Number != chosen))
        {
            Baseline = null;
        }

        Plan = await queries.PlanAsync(unit, Baseline, ct);
        CrossUnitLinks = await integrated.LinksAsync(unit, ct);
        CanChange = await queries.CanChangeAsync(unit, ct);
        CanBaseline = await queries.CanBaselineAsync(unit, ct);
        Today = clock.GetLocalNow().DateTime;
        return Page();
    }
}
