using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Steward.Features.Access;
using Steward.Features.History;
using Steward.Features.Units;
using Steward.Infrastructure;
using Steward.Infrastructure.Registers;
using Steward.Features.Tolerances;

namespace Steward.Features.Raid;

// An issue's page: summary, the risk it came from, close, and history.
[Requires(PmoArea.Raid, PmoAction.Read)]
public sealed class ShowIssueModel(UnitQueries units, IssueQueries queries, IssueRegister raid, HistoryQueries history, AccessPolicy access, Governance.GovernanceQueries governance, ToleranceQueries tolerances, TimeProvider clock) : PageModel
{
    // As the register flags it: an issue not closed by its target resolution date.
    public bool Overdue => Issue.Status != IssueStatus.Closed && Issue.TargetResolutionDate < DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    // The register the entry was opened from, for the back link (RaidBackLink).
    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    public RaidBackLink Back { get; private set; } = default!;

    public UnitView Unit { get; private set; } = default!;
    public IssueView Issue { get; private set; } = default!;
    public CursorPage<HistoryEntry> Events { get; private set; } = default!;
    public IReadOnlyDictionary<string, string> Names { get; private set; } = new Dictionary<string, string>();
    public bool CanEdit { get; private set; }
    public IReadOnlyList<RaidStatusStep> Steps { get; private set; } = [];

    // Open, with no resolution recorded, and this person could close it once one is: the page says what to do first.
    public bool CloseNeedsResolution { get; private set; }
    public EscalationPanel Escalation { get; private set; } = default!;
    public Governance.FollowUps FollowUps { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(string code, string reference, CancellationToken ct) =>
        await LoadAsync(code, reference, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostEscalateAsync(string code, string reference, int version, string? reason, CancellationToken ct) =>
        EntryPageActions.RunAsync(this, Load(code, reference, ct), () => Issue.Reference, async () =>
        {
            await raid.EscalateAsync(Issue.Id, version, reason, ct);
            return EscalationDone("escalated");
        }, "Reason");

    public Task<IActionResult> OnPostDeEscalateAsync(string code, string reference, int version, string? reason, CancellationToken ct) =>
        EntryPageActions.RunAsync(this, Load(code, reference, ct), () => Issue.Reference, async () =>
        {
            await raid.DeEscalateAsync(Issue.Id, version, reason, ct);
            return EscalationDone("handed back");
        }, "Reason");

    private Func<Task<bool>> Load(string code, string reference, CancellationToken ct) => () => LoadAsync(code, reference, ct);

    private RedirectResult EscalationDone(string done)
    {
        TempData["Notice"] = $"{Issue.Reference} has been {done}";
        return Redirect(RaidLinks.Issue(Unit.Code, Issue.Reference) + "#escalation");
    }

    private async Task<bool> LoadAsync(string code, string reference, CancellationToken ct)
    {
        if (await units.FindByCodeAsync(code, ct) is not { } unit)
        {
            return false;
        }

        Unit = unit;
        Back = await RaidBackLink.ForAsync(units, access, unit, From, ct);
        Issue = await queries.IssueAsync(unit, reference, ct);
        Events = await history.ListAsync(new HistoryFilter(RecordId: Issue.Id), ct);
        Names = await history.NamesAsync(Events.Items, ct);
        var open = Issue.Status != IssueStatus.Closed;
        CanEdit = open && await access.CanAsync(PmoArea.Raid, PmoAction.Contribute, unit.Path, ct);
        Steps = await RaidStatusSteps.OfferedAsync(access, unit, RaidStatusSteps.For(Issue.Status, Issue.Resolution), ct);
        CloseNeedsResolution = open && string.IsNullOrWhiteSpace(Issue.Resolution)
            && (await RaidStatusSteps.OfferedAsync(access, unit, [RaidStatusSteps.CloseIssue], ct)).Count > 0;
        // Handing back is decided where the item is held now.
        var canHandBack = open && Issue.Escalation is { } held && await access.CanAsync(PmoArea.Raid, PmoAction.Approve, UnitPath.Through(unit.Path, held.To.Id), ct);
        Escalation = await EscalationPanel.ForAsync(access, tolerances, unit.Path, Issue.Reference, Issue.Escalation, (ToleranceDimension.Issues, open ? RaidTolerance.Severity(Issue.Priority) : null), open && await access.CanAsync(PmoArea.Raid, PmoAction.Contribute, unit.Path, ct), canHandBack, Issue.Version, ct);
        FollowUps = await Governance.FollowUps.LoadAsync(governance, access, unit, Issue.Id, "issue", Issue.Reference, open, ct);
        return true;
    }
}
