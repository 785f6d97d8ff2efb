using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Steward.Data;
using Steward.Features.Access;
using Steward.Features.History;
using Steward.Features.Units;
using Steward.Infrastructure;

namespace Steward.Features.Raid;

[Requires(PmoArea.Raid, PmoAction.Contribute)]
public sealed class EditRiskModel(StewardDbContext db, UnitQueries units, RaidQueries queries, RaidService raid, HistoryQueries history) : RiskFormPage(db)
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
        var input = ReadInput();
        return await SubmitAsync(() => raid.CheckAsync(input, ct), async () =>
        {
            await raid.UpdateRiskAsync(Risk.Id, Input.Version, input, ct);
            TempData["Notice"] = $"Your changes to {Risk.Reference} have been saved";
            return Redirect($"/units/{unit.Code}/risks/{Risk.Reference}");
        }, ct, async () =>
        {
            // Keep what was typed; take the current version, so saving again is a deliberate choice.
            var latest = (await history.ListAsync(new HistoryFilter(RecordId: Risk.Id, Limit: 1), ct)).Items is [var last, ..] ? last : null;
            ModelState.AddModelError(string.Empty, latest is null
                ? $"{Risk.Reference} was changed by someone else while you were editing. Check their changes on the risk's page, then save again to keep yours."
                : $"{Risk.Reference} was changed by {latest.Actor.Split(" (")[0]} at {latest.At:HH:mm} while you were editing. Check their changes on the risk's page, then save again to keep yours.");
            ModelState.Remove("Input.Version");
            Input.Version = Risk.Version;
        });
    }
}
