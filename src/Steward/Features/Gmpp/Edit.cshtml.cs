using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Steward.Features.Access;
using Steward.Features.Units;
using Steward.Infrastructure;
using Steward.Infrastructure.GovUk;

namespace Steward.Features.Gmpp;

// Marking a unit as on the GMPP, or changing its entry.
[Requires(PmoArea.Reporting, PmoAction.Approve)]
public sealed class EditModel(UnitQueries units, GmppQueries queries, GmppMembershipService memberships) : PageModel
{
    public UnitView Unit { get; private set; } = default!;

    [BindProperty] public string? GmppId { get; set; }
    [BindProperty] public string? Category { get; set; }
    [BindProperty] public string? Department { get; set; }
    [BindProperty] public DateParts Joined { get; set; } = new();
    [BindProperty] public DateParts Left { get; set; } = new();
    [BindProperty] public int? Version { get; set; }

    public static IReadOnlyList<SelectListItem> Categories { get; } =
        [new("Not recorded", string.Empty), .. Enum.GetValues<GmppCategory>().Select(c => new SelectListItem(GmppValues.CategoryLabel(c), c.ToString()))];

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        if (await units.FindByCodeAsync(code, ct) is not { } unit)
        {
            return NotFound();
        }

        Unit = unit;
        if ((await queries.UnitAsync(unit, ct)).Membership is { } m)
        {
            (GmppId, Category, Department, Joined, Left, Version) = (m.GmppId, m.Category?.ToString(), m.Department, DateParts.From(m.Joined), DateParts.From(m.Left), m.Version);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken ct)
    {
        if (await units.FindByCodeAsync(code, ct) is not { } unit)
        {
            return NotFound();
        }

        Unit = unit;
        var joined = Joined.Read("The date it joined", out var joinedError);
        var left = Left.Read("The date it left", out var leftError);
        if (joinedError is not null)
        {
            ModelState.AddModelError(nameof(Joined), joinedError);
        }

        if (leftError is not null)
        {
            ModelState.AddModelError(nameof(Left), leftError);
        }

        try
        {
            if (ModelState.ErrorCount == 0)
            {
                await memberships.SetAsync(unit.Id.ToString(), Version, new GmppMembershipInput(GmppId, Category, Department, joined, left), ct);
                TempData["Notice"] = $"The GMPP entry of {unit.Code} has been saved";
                return Redirect(GmppLinks.Unit(unit.Code));
            }
        }
        catch (ValidationException invalid)
        {
            foreach (var failure in invalid.Errors)
            {
                ModelState.AddModelError(char.ToUpperInvariant(failure.PropertyName[0]) + failure.PropertyName[1..], failure.ErrorMessage);
            }
        }
        catch (StaleVersionException)
        {
            ModelState.AddModelError(string.Empty, $"Someone else changed the GMPP entry of {unit.Code} since you opened this page: open it again to see their change");
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
        catch (PreconditionRequiredException)
        {
            ModelState.AddModelError(string.Empty, $"Someone else recorded the GMPP entry of {unit.Code} since you opened this page: open it again to see it");
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
