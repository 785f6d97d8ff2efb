using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Steward.Features.Access;
using Steward.Features.Units;
using Steward.Infrastructure;

namespace Steward.Features.Reporting;

// Setting how a unit (and the units below that set nothing) reports.
[Requires(PmoArea.Reporting, PmoAction.Approve)]
public sealed class CycleModel(UnitQueries units, ReportQueries queries, ReportingCycles cycles) : PageModel
{
    public UnitView Unit { get; private set; } = default!;
    public ReportingCycleView Current { get; private set; } = default!;

    [BindProperty] public string? Cadence { get; set; }
    [BindProperty] public string? DueDays { get; set; }
    [BindProperty] public string? Scale { get; set; }
    [BindProperty] public string? SelfApproval { get; set; }
    [BindProperty] public int Version { get; set; }

    public static IReadOnlyList<SelectListItem> Cadences { get; } = Enum.GetValues<ReportingCadence>().Select(c => new SelectListItem(ReportingPeriod.Word(c), EnumText.Of(c))).ToList();

    public static IReadOnlyList<SelectListItem> Scales { get; } =
        [new("As the unit above decides", string.Empty), new("Three-point (Green, Amber, Red)", "three-point"), new("Five-point (Green, Amber/Green, Amber, Amber/Red, Red)", "five-point")];

    public static IReadOnlyList<SelectListItem> SelfApprovals { get; } =
        [new("As the unit above decides", string.Empty), new("Allowed", "allowed"), new("Not allowed: someone else approves", "forbidden")];

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        if (!await LoadAsync(code, ct))
        {
            return NotFound();
        }

        (Cadence, DueDays, Version) = (Current.Cadence, Current.DueDays.ToString(System.Globalization.CultureInfo.InvariantCulture), Current.Version);
        Scale = Current.ScaleSetAt?.Id == Unit.Id ? Current.Scale : string.Empty;
        SelfApproval = Current.SelfApprovalSetAt?.Id == Unit.Id ? Current.ForbidSelfApproval ? "forbidden" : "allowed" : string.Empty;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken ct)
    {
        if (!await LoadAsync(code, ct))
        {
            return NotFound();
        }

        int? due = int.TryParse(DueDays, System.Globalization.CultureInfo.InvariantCulture, out var d) ? d : null;
        try
        {
            var input = new ReportingCycleInput(Cadence, due, string.IsNullOrEmpty(Scale) ? null : Scale, SelfApproval switch { "forbidden" => true, "allowed" => false, _ => null });
            await cycles.SetCycleAsync(Unit.Id.ToString(), Current.OwnCycle ? Version : null, input, ct);
            TempData["Notice"] = $"How {Unit.Code} reports has been saved";
            return Redirect(ReportingLinks.Reports(code));
        }
        catch (ValidationException invalid)
        {
            foreach (var failure in invalid.Errors)
            {
                ModelState.AddModelError(char.ToUpperInvariant(failure.PropertyName[0]) + failure.PropertyName[1..], failure.ErrorMessage);
            }

            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        catch (StaleVersionException)
        {
            ModelState.AddModelError(string.Empty, $"Someone else changed how {Unit.Code} reports since you opened this page: it shows their change now; save again to replace it");
            Version = Current.Version;
            Response.StatusCode = StatusCodes.Status409Conflict;
        }

        return Page();
    }

    private async Task<bool> LoadAsync(string code, CancellationToken ct)
    {
        if (await units.FindByCodeAsync(code, ct) is not { } unit)
        {
            return false;
        }

        Unit = unit;
        Current = await queries.CycleAsync(unit, ct);
        return true;
    }
}
