using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Steward.Data;
using Steward.Features.Access;
using Steward.Features.Units;
using Steward.Infrastructure.GovUk;

namespace Steward.Features.Benefits;

// Close-out's hand-over: each benefit still to be realised gets its business-as-usual owner, who records
// its measurements from then on (also with no role in Steward).
[Requires(PmoArea.Benefits, PmoAction.Read)]
[PostRequires(null, PmoArea.Benefits, PmoAction.Contribute)]
public sealed class HandoverModel(StewardDbContext db, UnitQueries units, BenefitHandover handover, AccessPolicy access) : GovUkFormPage(db)
{
    public UnitView Unit { get; private set; } = default!;
    public IReadOnlyList<HandoverCandidate> Benefits { get; private set; } = [];
    public bool CanHandOver { get; private set; }

    [BindProperty] public List<HandoverInput> Items { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct) => await LoadAsync(code, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken ct)
    {
        if (!await LoadAsync(code, ct))
        {
            return NotFound();
        }

        try
        {
            var count = await handover.HandOverAsync(code, Items, ct);
            TempData["Notice"] = $"{count} {(count == 1 ? "benefit has" : "benefits have")} been handed over";
            return RedirectToPage(null, new { code });
        }
        catch (ValidationException invalid)
        {
            foreach (var failure in invalid.Errors)
            {
                // benefits[2].ownerId → Items[2].OwnerId, the select beside that benefit.
                var field = failure.PropertyName.Replace("benefits", "Items", StringComparison.Ordinal).Replace(".ownerId", ".OwnerId", StringComparison.Ordinal).Replace(".reference", ".OwnerId", StringComparison.Ordinal);
                ModelState.AddModelError(field, failure.ErrorMessage);
            }
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<bool> LoadAsync(string code, CancellationToken ct)
    {
        if (await units.FindByCodeAsync(code, ct) is not { } unit)
        {
            return false;
        }

        (Unit, Benefits) = (unit, await handover.CandidatesAsync(unit, ct));
        CanHandOver = unit.Status != UnitStatus.Archived && await access.CanAsync(PmoArea.Benefits, PmoAction.Contribute, unit.Path, ct);
        await LoadChoicesAsync(ct);
        return true;
    }
}
