using Microsoft.AspNetCore.Mvc;
using Steward.Data;
using Steward.Features.Access;
using Steward.Features.Units;

namespace Steward.Features.Raid;

[Requires(PmoArea.Raid, PmoAction.Contribute)]
public sealed class RaiseDependencyModel(StewardDbContext db, UnitQueries units, DependencyRegister raid) : DependencyFormPage(db)
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
        var input = ReadInput() with { Status = null };
        return await SubmitAsync(() => raid.CheckAsync(input, ct), async () =>
        {
            var dependency = await raid.RaiseAsync(unit.Id.ToString(), input, ct);
            TempData["Notice"] = $"Dependency {dependency.Reference} has been recorded";
            return Redirect(RaidLinks.Dependency(unit.Code, dependency.Reference));
        }, ct);
    }
}
