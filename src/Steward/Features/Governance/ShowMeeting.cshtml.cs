using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Steward.Features.Access;
using Steward.Features.History;
using Steward.Features.Units;
using Steward.Infrastructure;

namespace Steward.Features.Governance;

// A meeting's page: when and where, the agenda, what the board needs in front of it (its pack), who came,
// the minutes, and what was decided and assigned there.
[Requires(PmoArea.Governance, PmoAction.Read)]
public sealed class ShowMeetingModel(UnitQueries units, GovernanceQueries queries, MeetingPack pack, HistoryQueries history, AccessPolicy access) : PageModel
{
    public UnitView Unit { get; private set; } = default!;
    public MeetingView Meeting { get; private set; } = default!;
    public MeetingPackView Pack { get; private set; } = default!;
    public CursorPage<HistoryEntry> Events { get; private set; } = default!;
    public IReadOnlyDictionary<string, string> Names { get; private set; } = new Dictionary<string, string>();
    public bool CanContribute { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, Guid meeting, CancellationToken ct)
    {
        if (await units.FindByCodeAsync(code, ct) is not { } unit)
        {
            return NotFound();
        }

        Unit = unit;
        Meeting = await queries.MeetingAsync(unit, meeting, ct);
        Pack = await pack.ForAsync(unit, Meeting, ct);
        Events = await history.ListAsync(new HistoryFilter(RecordId: Meeting.Id), ct);
        Names = await history.NamesAsync(Events.Items, ct);
        CanContribute = unit.IsOpen && await access.CanAsync(PmoArea.Governance, PmoAction.Contribute, unit.Path, ct);
        return Page();
    }
}
