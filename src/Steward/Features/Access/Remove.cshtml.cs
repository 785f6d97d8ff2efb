using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Steward.Features.Units;
using Steward.Infrastructure;

namespace Steward.Features.Access;

[Requires(PmoArea.Access, PmoAction.Administer)]
public sealed class RemoveModel(UnitQueries units, RoleService roles) : PageModel
{
    public UnitView Unit { get; private set; } = default!;
    public RoleHolder Holder { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(string code, Guid id, CancellationToken ct) =>
        await LoadAsync(code, id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string code, Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(code, id, ct))
        {
            return NotFound();
        }

        try
        {
            await roles.RevokeAsync(id, ct);
            TempData["Notice"] = $"{Holder.PersonName} no longer holds {AccessLabels.Of(Holder.Role)} on {Unit.Name}";
            return Redirect(UnitLinks.Unit(Unit.Code) + "#roles");
        }
        catch (Exception refused) when (refused is RecordStateConflictException or AccessDeniedException)
        {
            ModelState.AddModelError(string.Empty, refused.Message);
            Response.StatusCode = refused is AccessDeniedException ? StatusCodes.Status403Forbidden : StatusCodes.Status409Conflict;
            return Page();
        }
    }

    private async Task<bool> LoadAsync(string code, Guid id, CancellationToken ct)
    {
        if (await units.FindByCodeAsync(code, ct) is not { } unit)
        {
            return false;
        }

        Unit = unit;
        Holder = (await roles.OnUnitAsync(unit.Id, unit.Path, ct)).FirstOrDefault(h => h.Id == id && h.IsOnThisUnit)!;
        return Holder is not null;
    }
}
