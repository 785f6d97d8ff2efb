using Microsoft.AspNetCore.Mvc;
using Steward.Features.Access;
using Steward.Features.History;
using Steward.Features.Units;
using Steward.Infrastructure.Registers;
using Steward.Features.Tolerances;

namespace Steward.Features.Raid;

// An issue's page: summary, the risk it came from, close, and history.
[Requires(PmoArea.Raid, PmoAction.Read)]
[PostRequires("Escalate", PmoArea.Raid, PmoAction.Contribute)]
[PostRequires("DeEscalate", PmoArea.Raid, PmoAction.Approve)]
public sealed class ShowIssueModel(
    UnitQueries units, IssueQueries queries, IssueRegister raid, HistoryQueries history, AccessPolicy access, Governance.GovernanceQueries governance, ToleranceQueries tolerances, TimeProvider clock)
    : RaidEntryPage(units, history, access)
{
    // As the register flags it: an issue not closed by its target resolution date.
    public bool Overdue => Issue.Status != IssueStatus.Closed && Issue.TargetResolutionDate < DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public IssueView Issue { get; private set; } = default!;
    public bool CanEdit { get; private set; }

    // Open, with no resolution recorded, and this person could close it once one is: the page says what to do first.
    public bool CloseNeedsResolution { get; private set; }
    public Governance.FollowUps FollowUps { get; private set; } = default!;

    protected override IEntryView Entry => Issue;

    protected override string EntryLink => RaidLinks.Issue(Unit.Code, Issue.Reference);

    protected override Task EscalateAsync(Guid id, int version, string? reason, CancellationToken ct) => raid.EscalateAsync(id, version, reason, ct);

    protected override Task DeEscalateAsync(Guid id, int version, string? reason, CancellationToken ct) => raid.DeEscalateAsync(id, version, reason, ct);

    protected override async Task<Guid> LoadEntryAsync(UnitView unit, string reference, CancellationToken ct)
    {
        Issue = await queries.IssueAsync(unit, reference, ct);
        var open = Issue.Status != IssueStatus.Closed;
        CanEdit = open && await Access.CanAsync(PmoArea.Raid, PmoAction.Contribute, unit.Path, ct);
        Steps = await RaidStatusSteps.OfferedAsync(Access, unit, RaidStatusSteps.For(Issue.Status, Issue.Resolution), ct);
        CloseNeedsResolution = open && string.IsNullOrWhiteSpace(Issue.Resolution)
            && (await RaidStatusSteps.OfferedAsync(Access, unit, [RaidStatusSteps.CloseIssue], ct)).Count > 0;
        await LoadEscalationAsync(tolerances, Issue.Escalation, open, (ToleranceDimension.Issues, open ? RaidTolerance.Severity(Issue.Priority) : null), ct);
        FollowUps = await Governance.FollowUps.LoadAsync(governance, Access, unit, Issue.Id, "issue", Issue.Reference, open, ct);
        return Issue.Id;
    }
}
