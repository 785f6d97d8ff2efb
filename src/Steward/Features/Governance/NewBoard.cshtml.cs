using Microsoft.AspNetCore.Mvc;
using Steward.Data;
using Steward.Features.Access;
using Steward.Features.Units;
using Steward.Infrastructure.Registers;

namespace Steward.Features.Governance;

[Requires(PmoArea.Governance, PmoAction.Contribute)]
public sealed class NewBoardModel(StewardDbContext db, UnitQueries units, GovernanceService governance) : BoardFormPage(db, units)
{
    public Task<IActionResult> OnGetAsync(string code, CancellationToken ct) => ShowFormAsync(() => OpenUnitAsync(code, ct), ct);

    public Task<IActionResult> OnPostAsync(string code, CancellationToken ct) =>
        SaveFormAsync(() => OpenUnitAsync(code, ct), ReadInput, governance.CheckAsync, async input =>
        {
            var board = await governance.CreateBoardAsync(Unit.Id.ToString(), input, ct);
            return new EntrySaved($"{board.Name} has been set up", GovernanceLinks.Board(Unit.Code, board.Id));
        }, ct);
}
