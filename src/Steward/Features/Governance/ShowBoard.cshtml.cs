using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Steward.Features.Access;
using Steward.Features.Units;
using Steward.Infrastructure;
using Steward.Infrastructure.Registers;

namespace Steward.Features.Governance;

[Requires(PmoArea.Governance, PmoAction.Read)]
public sealed class ShowBoardModel(UnitQueries units, GovernanceQueries queries, AccessPolicy access) : PageModel
{
    public UnitView Unit { get; private set; } = default!;
    public BoardView Board { get; private set; } = default!;
    public IReadOnlyList<MeetingSummary> Meetings { get; private set; } = [];
    public CursorPage<DecisionSummary> Decisions { get; private set; } = default!;
    public bool CanContribute { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, Guid board, CancellationToken ct)
    {
        if (await units.FindByCodeAsync(code, ct) is not { } unit)
        {
            return NotFound();
        }

        Unit = unit;
        Board = await queries.BoardAsync(unit, board, ct);
        Meetings = await queries.MeetingsAsync(unit, board, null, 100, ct);
        Decisions = await queries.DecisionsAsync(unit, board, new RegisterPage(50), ct);
        CanContribute = unit.IsOpen && await access.CanAsync(PmoArea.Governance, PmoAction.Contribute, unit.Path, ct);
        return Page();
    }
}
