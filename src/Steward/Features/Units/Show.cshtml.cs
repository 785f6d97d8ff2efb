using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Steward.Features.Units;

public sealed class ShowModel(UnitQueries queries) : PageModel
{
    public UnitView Unit { get; private set; } = default!;
    public IReadOnlyList<UnitRef> Ancestors { get; private set; } = [];
    public IReadOnlyList<UnitSummary> Children { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        if (await queries.FindByCodeAsync(code, ct) is not { } unit)
        {
            return NotFound();
        }

        Unit = unit;
        Ancestors = await queries.AncestorsAsync(unit.Parent?.Id, ct);
        Children = await queries.ChildrenAsync(unit.Id, ct);
        return Page();
    }
}
