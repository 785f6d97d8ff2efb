using Microsoft.AspNetCore.Mvc;
using Steward.Data;
using Steward.Features.Access;
using Steward.Features.Units;

namespace Steward.Features.Raid;

[Requires(PmoArea.Raid, PmoAction.Contribute)]
public sealed class RaiseRiskModel(StewardDbContext db, UnitQueries units, RiskRegister raid) : RiskFormPage(db)
{
    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        if (await units.FindByCodeAsync(code, ct) is not { } unit)
        {
            return NotFound();
        }

        Unit = unit;
        await LoadChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken ct)
    {
        if (await units.FindByCodeAsync(code, ct) is not { } unit)
        {
            return NotFound();
        }

        Unit = unit;
        var input = ReadInput();
        return await SubmitAsync(() => raid.CheckAsync(input, ct), async () =>
        {
            var risk = await raid.RaiseAsync(unit.Id.ToString(), input, ct);
            TempData["Notice"] = $"Risk {risk.Reference} has been raised";
            return Redirect(RaidLinks.Risk(unit.Code, risk.Reference));
        }, ct);
    }
}
