using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Steward.Features.Access;
using Steward.Features.Units;

namespace Steward.Features.Finance;

// The breaches of cost tolerance at and below a unit: those escalated to it first (its board must act on
// them), then the rest, each with the level that now holds it.
[Requires(PmoArea.Finance, PmoAction.Read)]
public sealed class BreachesModel(UnitQueries units, CostToleranceBreaches breaches) : PageModel
{
    public UnitView Unit { get; private set; } = default!;
    public CostBreachesView Breaches { get; private set; } = default!;
    public IReadOnlyList<CostToleranceBreach> EscalatedHere { get; private set; } = [];
    public IReadOnlyList<CostToleranceBreach> Elsewhere { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        if (await units.FindByCodeAsync(code, ct) is not { } unit)
        {
            return NotFound();
        }

        Unit = unit;
        Breaches = await breaches.ListAsync(unit, ct);
        EscalatedHere = Breaches.Breaches.Where(b => b.EscalatedTo?.Id == unit.Id).ToList();
        Elsewhere = Breaches.Breaches.Where(b => b.EscalatedTo?.Id != unit.Id).ToList();
        return Page();
    }
}
