using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Steward.Features.Access;
using Steward.Features.Units;
using Steward.Infrastructure;

namespace Steward.Features.Gmpp;

// The narratives for a unit's next GMPP return, and the fields it withholds under an exemption.
[Requires(PmoArea.Reporting, PmoAction.Contribute)]
public sealed class NarrativesModel(UnitQueries units, GmppQueries queries, GmppMembershipService memberships) : PageModel
{
    public UnitView Unit { get; private set; } = default!;
    public DateOnly? OfferedFrom { get; private set; }
    public bool NotOnGmpp { get; private set; }

    [BindProperty] public string? DcaCommentary { get; set; }
    [BindProperty] public string? ScheduleNarrative { get; set; }
    [BindProperty] public string? VarianceNarrative { get; set; }
    [BindProperty] public string? WholeLifeCostNarrative { get; set; }
    [BindProperty] public string? BenefitsNarrative { get; set; }
    [BindProperty] public Dictionary<string, string> Withheld { get; set; } = [];
    [BindProperty] public int Version { get; set; }

    public static IReadOnlyList<SelectListItem> Exemptions { get; } = GmppExemptions.Known.Select(k => new SelectListItem(k.Wording, k.Key)).ToList();

    public static string FieldKey(GmppField field) => EnumText.Of(field);

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        if (await units.FindByCodeAsync(code, ct) is not { } unit)
        {
            return NotFound();
        }

        Unit = unit;
        if (await queries.NarrativesAsync(unit.Id, ct) is not { } view)
        {
            NotOnGmpp = true;
            return Page();
        }

        (DcaCommentary, ScheduleNarrative, VarianceNarrative, WholeLifeCostNarrative, BenefitsNarrative, OfferedFrom, Version) =
            (view.DcaCommentary, view.ScheduleNarrative, view.VarianceNarrative, view.WholeLifeCostNarrative, view.BenefitsNarrative, view.OfferedFrom, view.Version);
        Withheld = view.Withheld.ToDictionary(w => FieldKey(w.Field), w => GmppExemptions.KeyOf(w.Exemption) ?? string.Empty);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken ct)
    {
        if (await units.FindByCodeAsync(code, ct) is not { } unit)
        {
            return NotFound();
        }

        Unit = unit;
        try
        {
            var withheld = Withheld.Where(w => !string.IsNullOrEmpty(w.Value)).ToDictionary(w => w.Key, w => w.Value);
            await memberships.SetNarrativesAsync(unit.Id.ToString(), Version,
                new GmppNarrativesInput(DcaCommentary, ScheduleNarrative, VarianceNarrative, WholeLifeCostNarrative, BenefitsNarrative, withheld), ct);
            TempData["Notice"] = $"The GMPP narratives of {unit.Code} have been saved";
            return Redirect(GmppLinks.Unit(unit.Code));
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
            ModelState.AddModelError(string.Empty, $"Someone else changed the GMPP entry of {unit.Code} since you opened this page: open it again to see their change");
            Response.StatusCode = StatusCodes.Status409Conflict;
        }

        return Page();
    }
}
