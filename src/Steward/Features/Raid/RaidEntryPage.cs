using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Steward.Features.Access;
using Steward.Features.History;
using Steward.Features.Tolerances;
using Steward.Features.Units;
using Steward.Infrastructure;
using Steward.Infrastructure.Registers;

namespace Steward.Features.Raid;

// What a RAID entry's page shows whatever its register: the unit, the way back to the register it was
// opened from, the status steps the reader may take, escalation (escalate one level up, hand back one
// level down) and the entry's history. Each register's page reads its own entry (LoadEntryAsync) and adds
// what only it has (reviews, follow-ups).
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

    public EscalationPanel Escalation { get; private set; } = default!;

    protected AccessPolicy Access => access;

    // The entry as loaded, and its page's address.
    protected abstract IEntryView Entry { get; }

    protected abstract string EntryLink { get; }

    public async Task<IActionResult> OnGetAsync(string code, string reference, CancellationToken ct) =>
        await LoadAsync(code, reference, ct) ? Page() : NotFound();

    // Escalating needs contribute on the entry's unit, handing back approve where it is held now. Each page
    // declares both with [PostRequires] on its own unit (refused before the handler runs); the register
    // checks again where the entry is held.
    public Task<IActionResult> OnPostEscalateAsync(string code, string reference, int version, string? reason, CancellationToken ct) =>
        EntryPageActions.RunAsync(this, Load(code, reference, ct), () => Entry.Reference, async () =>
        {
            await EscalateAsync(Entry.Id, version, reason, ct);
            return EscalationDone("escalated");
        }, "Reason");

    public Task<IActionResult> OnPostDeEscalateAsync(string code, string reference, int version, string? reason, CancellationToken ct) =>
        EntryPageActions.RunAsync(this, Load(code, reference, ct), () => Entry.Reference, async () =>
        {
            await DeEscalateAsync(Entry.Id, version, reason, ct);
            return EscalationDone("handed back");
        }, "Reason");

    // Reads the entry named by reference in the unit's register and what its page shows; returns its id.
    protected abstract Task<Guid> LoadEntryAsync(UnitView unit, string reference, CancellationToken ct);

    protected abstract Task EscalateAsync(Guid id, int version, string? reason, CancellationToken ct);

    protected abstract Task DeEscalateAsync(Guid id, int version, string? reason, CancellationToken ct);

    // The escalation panel: where the entry is held, why, and what this person may do about it while it is
    // open. measured: the tolerance dimension it is judged on and its value (null where none applies).
    protected async Task LoadEscalationAsync(
        ToleranceQueries tolerances, Escalation? escalation, bool open, (ToleranceDimension Dimension, decimal? Deviation)? measured, CancellationToken ct)
    {
        // Handing back is decided where the item is held now.
        var canHandBack = open && escalation is { } held && await access.CanAsync(PmoArea.Raid, PmoAction.Approve, UnitPath.Through(Unit.Path, held.To.Id), ct);
        var canEscalate = open && await access.CanAsync(PmoArea.Raid, PmoAction.Contribute, Unit.Path, ct);
        Escalation = await EscalationPanel.ForAsync(access, tolerances, Unit.Path, Entry.Reference, escalation, measured, canEscalate, canHandBack, Entry.Version, ct);
    }

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
    private RedirectResult EscalationDone(string done)
    {
        TempData["Notice"] = $"{Entry.Reference} has been {done}";
        return Redirect(EntryLink + "#escalation");
    }
}
