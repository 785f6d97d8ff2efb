using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Steward.Features.Access;
using Steward.Features.Units;
using Steward.Infrastructure;
using Steward.Infrastructure.Registers;

namespace Steward.Features.Governance;

// A unit's governance at a glance: its boards and those below, the meetings coming up, and the
// actions and decisions logs (rolled up), with overdue actions flagged.
[Requires(PmoArea.Governance, PmoAction.Read)]
public sealed class IndexModel(UnitQueries units, GovernanceQueries queries, AccessPolicy access, TimeProvider clock) : PageModel
{
    public UnitView Unit { get; private set; } = default!;
    public IReadOnlyList<BoardView> Boards { get; private set; } = [];
    public IReadOnlyList<MeetingSummary> Upcoming { get; private set; } = [];
    public CursorPage<ActionView> Actions { get; private set; } = default!;
    public CursorPage<DecisionSummary> Decisions { get; private set; } = default!;
    public int OverdueActions { get; private set; }
    public bool CanContribute { get; private set; }

    [BindProperty(SupportsGet = true)]
    public bool Overdue { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        if (await units.FindByCodeAsync(code, ct) is not { } unit)
        {
            return NotFound();
        }

        Unit = unit;
        Boards = await queries.BoardsAsync(unit, ct);
        Upcoming = await queries.MeetingsAsync(unit, null, clock.GetUtcNow().UtcDateTime.AddHours(-12), 10, ct);
        var filter = new ActionListQuery { Status = Status is "" ? null : Status, Overdue = Overdue }.Filter();
        Actions = await queries.ActionsAsync(unit, filter, new RegisterPage(100), ct);
        OverdueActions = await queries.OverdueActionCountAsync(unit, ct);
        Decisions = await queries.DecisionsAsync(unit, null, new RegisterPage(20), ct);
        CanContribute = unit.IsOpen && await access.CanAsync(PmoArea.Governance, PmoAction.Contribute, unit.Path, ct);
        return Page();
    }
}
