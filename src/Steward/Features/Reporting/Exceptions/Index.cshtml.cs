using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Steward.Features.Access;
using Steward.Features.Units;
using Steward.Infrastructure;

namespace Steward.Features.Reporting.Exceptions;

// Exceptions at and below a unit, open ones first by age; and measuring against tolerances now.
[Requires(PmoArea.Reporting, PmoAction.Read)]
[PostRequires("Scan", PmoArea.Reporting, PmoAction.Contribute)]
public sealed class IndexModel(UnitQueries units, ExceptionQueries queries, ExceptionService service, AccessPolicy access) : PageModel
{
    public UnitView Unit { get; private set; } = default!;
    public IReadOnlyList<ExceptionView> Exceptions { get; private set; } = [];
    public bool CanScan { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct) => await LoadAsync(code, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostScanAsync(string code, CancellationToken ct)
    {
        if (!await LoadAsync(code, ct))
        {
            return NotFound();
        }

        try
        {
            var opened = await service.ScanAsync(Unit.Id.ToString(), ct);
            TempData["Notice"] = opened.Count == 0 ? "Nothing new is beyond tolerance" : $"Opened {string.Join(", ", opened.Select(e => e.Reference))}";
            return Redirect(ExceptionLinks.Exceptions(code));
        }
        catch (RecordStateConflictException conflict)
        {
            ModelState.AddModelError(string.Empty, conflict.Message);
            Response.StatusCode = StatusCodes.Status409Conflict;
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
        Exceptions = await queries.ListAsync(unit, null, ct);
        CanScan = unit.Status is UnitStatus.Active or UnitStatus.Paused && await access.CanAsync(PmoArea.Reporting, PmoAction.Contribute, unit.Path, ct);
        return true;
    }
}
