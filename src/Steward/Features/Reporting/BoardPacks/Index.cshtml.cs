using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Steward.Features.Access;
using Steward.Features.Units;

namespace Steward.Features.Reporting.BoardPacks;

// A unit's board packs, and asking for one for a period.
[Requires(PmoArea.Reporting, PmoAction.Read)]
[PostRequires(null, PmoArea.Reporting, PmoAction.Contribute)]
public sealed class IndexModel(UnitQueries units, BoardPackService packs, BoardPackPrinter printer, ReportingRuleBook rules, ReportQueries reports, AccessPolicy access) : PageModel
{
    public UnitView Unit { get; private set; } = default!;
    public IReadOnlyList<BoardPackView> Packs { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Periods { get; private set; } = [];
    public bool CanRequest { get; private set; }
    public string? Unavailable => printer.Unavailable;

    [BindProperty]
    public string? Period { get; set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct) => await LoadAsync(code, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken ct)
    {
        if (!await LoadAsync(code, ct))
        {
            return NotFound();
        }

        try
        {
            var pack = await packs.RequestAsync(Unit, new BoardPackRequest(Period), ct);
            return Redirect(BoardPackLinks.Pack(code, pack.Id));
        }
        catch (ValidationException invalid)
        {
            foreach (var failure in invalid.Errors)
            {
                ModelState.AddModelError(nameof(Period), failure.ErrorMessage);
            }

            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        catch (BoardPackPrinterMissing missing)
        {
            ModelState.AddModelError(nameof(Period), missing.Message);
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return Page();
        }
    }

    private async Task<bool> LoadAsync(string code, CancellationToken ct)
    {
        if (await units.FindByCodeAsync(code, ct) is not { } unit)
        {
            return false;
        }

        Unit = unit;
        Packs = await packs.ListAsync(unit, ct);
        CanRequest = await access.CanAsync(PmoArea.Reporting, PmoAction.Contribute, unit.Path, ct);
        // The last twelve ended periods of the unit's cadence, the latest first.
        var period = (await rules.ForAsync(unit, ct)).LastEnded(reports.Today);
        var periods = new List<SelectListItem>();
        for (var i = 0; i < 12; i++, period = period.Previous())
        {
            periods.Add(new SelectListItem(period.Describe(), period.Key));
        }

        Periods = periods;
        return true;
    }
}
