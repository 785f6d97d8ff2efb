using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Steward.Features.Access;
using Steward.Features.Units;

namespace Steward.Features.Benefits;

[Requires(PmoArea.Benefits, PmoAction.Read)]
public sealed class ShowModel(UnitQueries units, BenefitQueries queries, AccessPolicy access) : PageModel
{
    public UnitView Unit { get; private set; } = default!;
    public BenefitView Benefit { get; private set; } = default!;
    public bool CanChange { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, string reference, CancellationToken ct)
    {
        if (await units.FindByCodeAsync(code, ct) is not { } unit)
        {
            return NotFound();
        }

        Unit = unit;
        Benefit = await queries.BenefitAsync(unit, reference, ct);
        CanChange = unit.Status != UnitStatus.Archived && await access.CanAsync(PmoArea.Benefits, PmoAction.Contribute, unit.Path, ct);
        return Page();
    }

    public static string Label<T>(string? value, Func<T, string> label) where T : struct, Enum =>
        value is null ? "Not set" : label(Enum.GetValues<T>().First(v => Infrastructure.EnumText.Of(v) == value));
}
