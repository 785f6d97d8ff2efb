using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Steward.Features.Access;
using Steward.Features.Units;
using Steward.Infrastructure;

namespace Steward.Features.Raid;

// The likelihood and impact levels that apply at a unit; a portfolio's approvers name and define them.
[Requires(PmoArea.Raid, PmoAction.Read)]
[PostRequires(null, PmoArea.Raid, PmoAction.Approve)]
public sealed class ScaleModel(UnitQueries units, RiskScales scales, AccessPolicy access) : PageModel
{
    public UnitView Unit { get; private set; } = default!;
    public RiskScaleView Current { get; private set; } = default!;
    public bool CanSet { get; private set; }

    [BindProperty] public List<ScaleLevelInput> Likelihood { get; set; } = [];
    [BindProperty] public List<ScaleLevelInput> Impact { get; set; } = [];
    [BindProperty] public int? Version { get; set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        if (!await LoadAsync(code, ct))
        {
            return NotFound();
        }

        Likelihood = [.. Current.Likelihood.Select(l => new ScaleLevelInput(l.Name, l.Definition))];
        Impact = [.. Current.Impact.Select(l => new ScaleLevelInput(l.Name, l.Definition))];
        Version = Current.SetOn?.Id == Unit.Id ? Current.Version : null;
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
            await scales.SetAsync(Unit.Id.ToString(), Version, new RiskScaleInput(Likelihood, Impact), ct);
            TempData["Notice"] = $"The likelihood and impact levels of {Unit.Code} have been saved";
            return Redirect(RaidLinks.Scale(Unit.Code));
        }
        catch (ValidationException invalid)
        {
            foreach (var error in invalid.Errors)
            {
                ModelState.AddModelError(error.PropertyName, error.ErrorMessage);
            }

            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        catch (StaleVersionException)
        {
            ModelState.AddModelError(string.Empty, "Someone else changed these levels a moment ago. Check them below and save again.");
            await LoadAsync(code, ct);
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
        Current = await scales.EffectiveAsync(unit.Path, ct);
        CanSet = unit.Kind == UnitKind.Portfolio && await access.CanAsync(PmoArea.Raid, PmoAction.Approve, unit.Path, ct);
        return true;
    }
}
