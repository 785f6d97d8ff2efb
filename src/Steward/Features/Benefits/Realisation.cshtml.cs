using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Steward.Features.Access;
using Steward.Features.Units;

namespace Steward.Features.Benefits;

// "Are we getting the benefits from our investment?": a unit's benefits and those below it rolled up by
// financial year, category and status, with what is overdue and what is beyond tolerance.
[Requires(PmoArea.Benefits, PmoAction.Read)]
public sealed class RealisationModel(UnitQueries units, BenefitRollups rollups) : PageModel
{
    public UnitView Unit { get; private set; } = default!;
    public BenefitRollupView Rollup { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        if (await units.FindByCodeAsync(code, ct) is not { } unit)
        {
            return NotFound();
        }

        (Unit, Rollup) = (unit, await rollups.ForAsync(unit, ct));
        return Page();
    }
}
