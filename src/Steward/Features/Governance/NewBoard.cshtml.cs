using Microsoft.AspNetCore.Mvc;
using Steward.Data;
using Steward.Features.Access;
using Steward.Features.Units;

namespace Steward.Features.Governance;

[Requires(PmoArea.Governance, PmoAction.Contribute)]
public sealed class NewBoardModel(StewardDbContext db, UnitQueries units, GovernanceService governance) : BoardFormPage(db)
{
    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        if (await units.FindByCodeAsync(code, ct) is not { } unit)
        {
            return NotFound();
        }

        Unit = unit;
        await LoadChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken ct)
    {
        if (await units.FindByCodeAsync(code, ct) is not { } unit)
        {
            return NotFound();
        }

        Unit = unit;
        var input = ReadInput();
        return await SubmitAsync(() => governance.CheckAsync(input, ct), async () =>
        {
            var board = await governance.CreateBoardAsync(unit.Id.ToString(), input, ct);
            TempData["Notice"] = $"{board.Name} has been set up";
            return Redirect(GovernanceLinks.Board(unit.Code, board.Id));
        }, ct);
    }
}
