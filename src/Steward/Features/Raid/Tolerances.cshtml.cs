using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Steward.Features.Access;
using Steward.Features.Units;
using Steward.Infrastructure;

namespace Steward.Features.Raid;

// A unit's RAID tolerances: shown to every reader, set by those who approve RAID items there.
[Requires(PmoArea.Raid, PmoAction.Read)]
[PostRequires(null, PmoArea.Raid, PmoAction.Approve)]
public sealed class TolerancesModel(UnitQueries units, RaidQueries queries, RaidLog raid, AccessPolicy access) : PageModel
{
    public UnitView Unit { get; private set; } = default!;
    public ToleranceView Current { get; private set; } = default!;
    public bool CanSet { get; private set; }

    [BindProperty] public int? RiskScore { get; set; }
    [BindProperty] public IssuePriority? IssuePriority { get; set; }
    [BindProperty] public int? DependencyLateDays { get; set; }
    [BindProperty] public int? Version { get; set; }

    public static IEnumerable<SelectListItem> Scores =>
        Enumerable.Range(1, 25).Reverse().Select(s => new SelectListItem($"{s} or more ({RaidLabels.Band(s).ToLowerInvariant()})", s.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    public static IEnumerable<SelectListItem> Priorities =>
        Enum.GetValues<IssuePriority>().Select(p => new SelectListItem(p == Raid.IssuePriority.Critical ? "Critical" : $"{RaidLabels.Of(p)} or worse", p.ToString()));

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        if (!await LoadAsync(code, ct))
        {
            return NotFound();
        }

        RiskScore = Current.RiskScore;
        IssuePriority = Current.IssuePriority;
        DependencyLateDays = Current.DependencyLateDays;
        Version = Current.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken ct)
    {
        if (!await LoadAsync(code, ct))
        {
            return NotFound();
        }

        try
        {
            await raid.SetTolerancesAsync(Unit.Id.ToString(), Current.Version is null ? null : Version ?? 0, RiskScore, IssuePriority, DependencyLateDays, ct);
            TempData["Notice"] = $"The RAID tolerances of {Unit.Name} have been saved, and the items below it placed again";
            return Redirect(RaidLinks.Tolerances(Unit.Code));
        }
        catch (ValidationException invalid)
        {
            foreach (var error in invalid.Errors)
            {
                ModelState.AddModelError(char.ToUpperInvariant(error.PropertyName[0]) + error.PropertyName[1..], error.ErrorMessage);
            }

            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        catch (StaleVersionException)
        {
            ModelState.AddModelError(string.Empty, $"Someone else changed the tolerances of {Unit.Name} while you were editing. They now show what is saved; choose again and save.");
            ModelState.Remove(nameof(RiskScore));
            ModelState.Remove(nameof(IssuePriority));
            ModelState.Remove(nameof(DependencyLateDays));
            DependencyLateDays = Current.DependencyLateDays;
            ModelState.Remove(nameof(Version));
            RiskScore = Current.RiskScore;
            IssuePriority = Current.IssuePriority;
            Version = Current.Version;
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
        Current = await queries.TolerancesAsync(unit, ct);
        CanSet = await access.CanAsync(PmoArea.Raid, PmoAction.Approve, unit.Path, ct);
        return true;
    }
}
