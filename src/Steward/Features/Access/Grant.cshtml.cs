using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Steward.Features.Units;

namespace Steward.Features.Access;

[Requires(PmoArea.Access, PmoAction.Administer)]
public sealed class GrantModel(UnitQueries units, RoleService roles) : PageModel
{
    public static readonly IReadOnlyList<SelectListItem> RoleChoices =
        Enum.GetValues<StewardRole>().Select(r => new SelectListItem(AccessLabels.Of(r), r.ToString())).ToList();

    public static readonly IReadOnlyList<string> FieldOrder = ["Input.Email", "Input.Role"];

    [BindProperty]
    public GrantForm Input { get; set; } = new();

    public UnitView Unit { get; private set; } = default!;

    // email and role: filled in when the unit's page offers a named SRO or manager the role that goes with it.
    public async Task<IActionResult> OnGetAsync(string code, string? email, string? role, CancellationToken ct)
    {
        if (await units.FindByCodeAsync(code, ct) is not { } unit)
        {
            return NotFound();
        }

        Unit = unit;
        Input = new GrantForm { Email = email, Role = Enum.TryParse<StewardRole>(role, out var chosen) && Enum.IsDefined(chosen) ? chosen.ToString() : null };
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
            var role = Enum.TryParse<StewardRole>(Input.Role, out var parsed) && Enum.IsDefined(parsed) ? parsed : (StewardRole?)null;
            await roles.GrantAsync(Input.Email, role, unit.Code, ct);
            TempData["Notice"] = $"{Input.Email?.Trim()} is now {AccessLabels.Of(role!.Value)} on {unit.Name}";
            return Redirect(UnitLinks.Unit(unit.Code) + "#roles");
        }
        catch (ValidationException invalid)
        {
            foreach (var error in invalid.Errors)
            {
                ModelState.AddModelError($"Input.{char.ToUpperInvariant(error.PropertyName[0])}{error.PropertyName[1..]}", error.ErrorMessage);
            }

            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        catch (AccessDeniedException denied)
        {
            ModelState.AddModelError("Input.Role", denied.Message);
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }
    }

    public sealed class GrantForm
    {
        public string? Email { get; set; }
        public string? Role { get; set; }
    }
}
