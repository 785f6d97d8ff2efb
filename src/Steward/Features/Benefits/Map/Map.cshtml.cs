using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Steward.Features.Access;
using Steward.Features.Units;

namespace Steward.Features.Benefits.Map;

// A unit's benefits map, drawn and listed, with the forms a Benefits Manager builds it with: strategic
// objectives (on a portfolio), business changes, and links between what is on it.
[Requires(PmoArea.Benefits, PmoAction.Read)]
[PostRequires("Add", PmoArea.Benefits, PmoAction.Contribute)]
[PostRequires("Link", PmoArea.Benefits, PmoAction.Contribute)]
[PostRequires("Unlink", PmoArea.Benefits, PmoAction.Contribute)]
public sealed class MapModel(UnitQueries units, BenefitMapQueries queries, BenefitMapService service, AccessPolicy access) : PageModel
{
    public UnitView Unit { get; private set; } = default!;
    public BenefitMapView Map { get; private set; } = default!;
    public bool CanChange { get; private set; }

    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Description { get; set; }
    [BindProperty] public string? From { get; set; }
    [BindProperty] public string? To { get; set; }
    [BindProperty] public Guid LinkId { get; set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct) => await LoadAsync(code, ct) ? Page() : NotFound();

    // What to add: "objective" (a portfolio's) or a business change.
    [BindProperty] public string? Kind { get; set; }

    public Task<IActionResult> OnPostAddAsync(string code, CancellationToken ct) =>
        ActAsync(code, async () => Kind == "objective"
            ? $"Strategic objective {(await service.AddObjectiveAsync(code, new MapRecordInput(Title, Description), ct)).Reference} has been added"
            : $"Business change {(await service.AddChangeAsync(code, new MapRecordInput(Title, Description), ct)).Reference} has been added", ct);

    public Task<IActionResult> OnPostLinkAsync(string code, CancellationToken ct) =>
        ActAsync(code, async () =>
        {
            await service.LinkAsync(code, new MapLinkInput(From, To), ct);
            return $"{From} now contributes to {To}";
        }, ct);

    public Task<IActionResult> OnPostUnlinkAsync(string code, CancellationToken ct) =>
        ActAsync(code, async () =>
        {
            await service.UnlinkAsync(code, LinkId, ct);
            return "The link has been removed";
        }, ct);

    private async Task<IActionResult> ActAsync(string code, Func<Task<string>> act, CancellationToken ct)
    {
        if (await units.FindByCodeAsync(code, ct) is null)
        {
            return NotFound();
        }

        try
        {
            TempData["Notice"] = await act();
            return RedirectToPage(null, new { code });
        }
        catch (ValidationException invalid)
        {
            foreach (var failure in invalid.Errors)
            {
                var field = failure.PropertyName switch { "from" => nameof(From), "to" => nameof(To), "title" => nameof(Title), "description" => nameof(Description), "unit" => nameof(Kind), _ => string.Empty };
                ModelState.AddModelError(field, failure.ErrorMessage);
            }
        }

        await LoadAsync(code, ct);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<bool> LoadAsync(string code, CancellationToken ct)
    {
        if (await units.FindByCodeAsync(code, ct) is not { } unit)
        {
            return false;
        }

        Unit = unit;
        Map = await queries.MapAsync(unit, ct);
        CanChange = unit.IsOpen && await access.CanAsync(PmoArea.Benefits, PmoAction.Contribute, unit.Path, ct);
        return true;
    }
}
