using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Steward.Features.Access;
using Steward.Features.History;
using Steward.Features.Units;
using Steward.Infrastructure;

namespace Steward.Features.Governance;

[Requires(PmoArea.Governance, PmoAction.Read)]
public sealed class ShowDecisionModel(UnitQueries units, GovernanceQueries queries, HistoryQueries history, AccessPolicy access) : PageModel
{
    public UnitView Unit { get; private set; } = default!;
    public DecisionView Decision { get; private set; } = default!;
    public CursorPage<HistoryEntry> Events { get; private set; } = default!;
    public IReadOnlyDictionary<string, string> Names { get; private set; } = new Dictionary<string, string>();
    public bool CanContribute { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, string reference, CancellationToken ct)
    {
        if (await units.FindByCodeAsync(code, ct) is not { } unit)
        {
            return NotFound();
        }

        Unit = unit;
        Decision = await queries.DecisionAsync(unit, reference, ct);
        Events = await history.ListAsync(new HistoryFilter(RecordId: Decision.Id), ct);
        Names = await history.NamesAsync(Events.Items, ct);
        CanContribute = unit.IsOpen && await access.CanAsync(PmoArea.Governance, PmoAction.Contribute, unit.Path, ct);
        return Page();
    }
}
