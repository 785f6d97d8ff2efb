using Microsoft.AspNetCore.Mvc;
using Steward.Data;
using Steward.Features.Access;
using Steward.Features.History;
using Steward.Features.Units;

namespace Steward.Features.Raid;

[Requires(PmoArea.Raid, PmoAction.Contribute)]
public sealed class EditRiskModel(StewardDbContext db, UnitQueries units, RiskQueries queries, RiskRegister raid, HistoryQueries history) : RiskFormPage(db)
{
    public RiskView Risk { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(string code, string reference, CancellationToken ct)
    {
        if (await units.FindByCodeAsync(code, ct) is not { } unit)
        {
            return NotFound();
        }

        Unit = unit;
        Risk = await queries.RiskAsync(unit, reference, ct);
        Input = RiskForm.From(Risk);
        await LoadChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, string reference, CancellationToken ct)
    {
        if (await units.FindByCodeAsync(code, ct) is not { } unit)
        {
            return NotFound();
        }

        Unit = unit;
        Risk = await queries.RiskAsync(unit, reference, ct);
        // The form does not show who raised the risk or when; saving it keeps them.
        var input = ReadInput() with { RaisedById = Risk.RaisedBy?.Id, RaisedOn = Risk.RaisedOn };
        return await SubmitAsync(() => raid.CheckAsync(input, ct), async () =>
        {
            await raid.UpdateAsync(Risk.Id, Input.Version, input, ct);
            TempData["Notice"] = $"Your changes to {Risk.Reference} have been saved";
            return Redirect(RaidLinks.Risk(unit.Code, Risk.Reference));
        }, ct, async () =>
        {
            // Keep what was typed; take the current version, so saving again is a deliberate choice.
            ModelState.AddModelError(string.Empty, await history.ChangedWhileEditingAsync(Risk.Id, Risk.Reference, "the risk's page", ct));
            ModelState.Remove("Input.Version");
            Input.Version = Risk.Version;
        });
    }
}
