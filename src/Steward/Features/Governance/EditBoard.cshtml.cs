using Microsoft.AspNetCore.Mvc;
using Steward.Data;
using Steward.Features.Access;
using Steward.Features.History;
using Steward.Features.Units;

namespace Steward.Features.Governance;

// A board's name, chair, members, cadence and terms of reference change as a programme moves on.
[Requires(PmoArea.Governance, PmoAction.Contribute)]
public sealed class EditBoardModel(StewardDbContext db, UnitQueries units, GovernanceQueries queries, GovernanceService governance, HistoryQueries history)
    : BoardFormPage(db)
{
    public BoardView Board { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(string code, Guid board, CancellationToken ct)
    {
        if (!await LoadAsync(code, board, ct))
        {
            return NotFound();
        }

        Input = BoardForm.From(Board);
        await LoadChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, Guid board, CancellationToken ct)
    {
        if (!await LoadAsync(code, board, ct))
        {
            return NotFound();
        }

        var input = ReadInput();
        return await SubmitAsync(() => governance.CheckAsync(input, ct), async () =>
        {
            var saved = await governance.UpdateBoardAsync(Board.Id, Input.Version, input, ct);
            TempData["Notice"] = $"Your changes to {saved.Name} have been saved";
            return Redirect(GovernanceLinks.Board(Unit.Code, saved.Id));
        }, ct, async () =>
        {
            ModelState.AddModelError(string.Empty, await history.ChangedWhileEditingAsync(Board.Id, Board.Name, "the board's page", ct));
            ModelState.Remove("Input.Version");
            Input.Version = Board.Version;
        });
    }

    private async Task<bool> LoadAsync(string code, Guid board, CancellationToken ct)
    {
        if (await units.FindByCodeAsync(code, ct) is not { } unit)
        {
            return false;
        }

        Unit = unit;
        Board = await queries.BoardAsync(unit, board, ct);
        return true;
    }
}
