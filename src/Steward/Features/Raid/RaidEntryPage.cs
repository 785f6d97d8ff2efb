using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Steward.Features.Access;
using Steward.Features.History;
using Steward.Features.Units;
using Steward.Infrastructure;

namespace Steward.Features.Raid;

// What a RAID entry's page shows whatever its register: the unit, the way back to the register it was
// opened from, the status steps the reader may take, and the entry's history. Each register's page reads
// its own entry (LoadEntryAsync) and adds what only it has (reviews, escalation, follow-ups).
public abstract class RaidEntryPage(UnitQueries units, HistoryQueries history, AccessPolicy access) : PageModel
{
    // The register the entry was opened from, for the back link (RaidBackLink).
    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    public RaidBackLink Back { get; private set; } = default!;
    public UnitView Unit { get; private set; } = default!;
    public CursorPage<HistoryEntry> Events { get; private set; } = default!;
    public IReadOnlyDictionary<string, string> Names { get; private set; } = new Dictionary<string, string>();

    // The status steps offered, each through its question page, where this person may and the entry's state allows.
    public IReadOnlyList<RaidStatusStep> Steps { get; protected set; } = [];

    protected AccessPolicy Access => access;

    public async Task<IActionResult> OnGetAsync(string code, string reference, CancellationToken ct) =>
        await LoadAsync(code, reference, ct) ? Page() : NotFound();

    // Reads the entry named by reference in the unit's register and what its page shows; returns its id.
    protected abstract Task<Guid> LoadEntryAsync(UnitView unit, string reference, CancellationToken ct);

    protected Func<Task<bool>> Load(string code, string reference, CancellationToken ct) => () => LoadAsync(code, reference, ct);

    protected async Task<bool> LoadAsync(string code, string reference, CancellationToken ct)
    {
        if (await units.FindByCodeAsync(code, ct) is not { } unit)
        {
            return false;
        }

        Unit = unit;
        Back = await RaidBackLink.ForAsync(units, access, unit, From, ct);
        var id = await LoadEntryAsync(unit, reference, ct);
        Events = await history.ListAsync(new HistoryFilter(RecordId: id), ct);
        Names = await history.NamesAsync(Events.Items, ct);
        return true;
    }

    // After escalating or handing back: the entry's page at its escalation panel, saying what was done.
    protected RedirectResult EscalationDone(string reference, string entryLink, string done)
    {
        TempData["Notice"] = $"{reference} has been {done}";
        return Redirect(entryLink + "#escalation");
    }
}
