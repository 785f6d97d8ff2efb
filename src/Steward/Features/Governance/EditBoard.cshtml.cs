using Microsoft.AspNetCore.Mvc;
using Steward.Data;
using Steward.Features.Access;
using Steward.Features.History;
using Steward.Features.Units;
using Steward.Infrastructure.Registers;

namespace Steward.Features.Governance;

// A board's name, chair, members, cadence and terms of reference change as a programme moves on.
[Requires(PmoArea.Governance, PmoAction.Contribute)]
public sealed class EditBoardModel(StewardDbContext db, UnitQueries units, GovernanceQueries queries, GovernanceService governance, HistoryQueries history)
    : BoardFormPage(db, units)
{
    public BoardView Board { get; private set; } = default!;

    public Task<IActionResult> OnGetAsync(string code, Guid board, CancellationToken ct) =>
        ShowFormAsync(() => OpenAsync(code, board, ct), ct, () => Input = BoardForm.From(Board));

    public Task<IActionResult> OnPostAsync(string code, Guid board, CancellationToken ct) =>
        SaveFormAsync(() => OpenAsync(code, board, ct), ReadInput, governance.CheckAsync, async input =>
        {
            var saved = await governance.UpdateBoardAsync(Board.Id, Input.Version, input, ct);
            return new EntrySaved($"Your changes to {saved.Name} have been saved", GovernanceLinks.Board(Unit.Code, saved.Id));
        }, ct, async () => KeepTyped(await history.ChangedWhileEditingAsync(Board.Id, Board.Name, "the board's page", ct), Board.Version));

    private Task<bool> OpenAsync(string code, Guid board, CancellationToken ct) =>
        OpenUnitAsync(code, async () => Board = await queries.BoardAsync(Unit, board, ct), ct);
}
