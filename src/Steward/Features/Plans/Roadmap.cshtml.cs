using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Steward.Features.Access;
using Steward.Features.Units;

namespace Steward.Features.Plans;

// The programme or portfolio roadmap: one line per plan below, its key milestones across the years,
// UK financial years marked, and milestones that slipped this week picked out.
[Requires(PmoArea.Planning, PmoAction.Read)]
public sealed class RoadmapModel(UnitQueries units, PlanQueries queries, TimeProvider clock) : PageModel
{
    public UnitView Unit { get; private set; } = default!;
    public Roadmap Roadmap { get; private set; } = default!;
    public DateTime Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        if (await units.FindByCodeAsync(code, ct) is not { } unit)
        {
            return NotFound();
        }

        Unit = unit;
        Today = clock.GetUtcNow().UtcDateTime;
        Roadmap = await queries.RoadmapAsync(unit, Today.Date.AddDays(-7), ct);
        return Page();
    }
}
