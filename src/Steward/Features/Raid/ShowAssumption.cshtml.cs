using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Steward.Features.Access;
using Steward.Features.History;
using Steward.Features.Units;
using Steward.Infrastructure;

namespace Steward.Features.Raid;

// An assumption's page: validate it, mark it invalid and raise the issue or risk it now is, or reopen it.
[Requires(PmoArea.Raid, PmoAction.Read)]
public sealed class ShowAssumptionModel(UnitQueries units, AssumptionQueries queries, HistoryQueries history, AccessPolicy access) : PageModel
{
    // The register the entry was opened from, for the back link (RaidBackLink).
    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    public RaidBackLink Back { get; private set; } = default!;

    public UnitView Unit { get; private set; } = default!;
    public AssumptionView Assumption { get; private set; } = default!;
    public CursorPage<HistoryEntry> Events { get; private set; } = default!;
    public IReadOnlyDictionary<string, string> Names { get; private set; } = new Dictionary<string, string>();

    // Validate, mark invalid or reopen, each through its question page, where this person may and its state allows.
    public IReadOnlyList<RaidStatusStep> Steps { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string code, string reference, CancellationToken ct) =>
        await LoadAsync(code, reference, ct) ? Page() : NotFound();

    private async Task<bool> LoadAsync(string code, string reference, CancellationToken ct)
    {
        if (await units.FindByCodeAsync(code, ct) is not { } unit)
        {
            return false;
        }

        Unit = unit;
        Back = await RaidBackLink.ForAsync(units, access, unit, From, ct);
        Assumption = await queries.AssumptionAsync(unit, reference, ct);
        Events = await history.ListAsync(new HistoryFilter(RecordId: Assumption.Id), ct);
        Names = await history.NamesAsync(Events.Items, ct);
        Steps = await RaidStatusSteps.OfferedAsync(access, unit, RaidStatusSteps.For(Assumption.Status), ct);
        return true;
    }
}
