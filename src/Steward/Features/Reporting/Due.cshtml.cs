using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Steward.Features.Access;
using Steward.Features.Units;

namespace Steward.Features.Reporting;

// Reports due and late at and below a unit: the portfolio's view of who has not reported.
[Requires(PmoArea.Reporting, PmoAction.Read)]
public sealed class DueModel(UnitQueries units, ReportQueries queries) : PageModel
{
    public UnitView Unit { get; private set; } = default!;
    public ReportsDueView Due { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        if (await units.FindByCodeAsync(code, ct) is not { } unit)
        {
            return NotFound();
        }

        Unit = unit;
        Due = await queries.DueAsync(unit, ct);
        return Page();
    }
}
