using Steward.Features.Access;
using Steward.Features.History;
using Steward.Features.Tolerances;
using Steward.Features.Units;
using Steward.Infrastructure.Registers;

namespace Steward.Features.Raid;

// An assumption's page: validate it, mark it invalid and raise the issue or risk it now is, or reopen it;
// escalate it or hand it back while it is still to be validated (no tolerance places assumptions: only a
// person escalates one).
[Requires(PmoArea.Raid, PmoAction.Read)]
[PostRequires("Escalate", PmoArea.Raid, PmoAction.Contribute)]
[PostRequires("DeEscalate", PmoArea.Raid, PmoAction.Approve)]
public sealed class ShowAssumptionModel(
    UnitQueries units, AssumptionQueries queries, AssumptionRegister raid, HistoryQueries history, AccessPolicy access, ToleranceQueries tolerances)
    : RaidEntryPage(units, history, access)
{
    public AssumptionView Assumption { get; private set; } = default!;

    protected override IEntryView Entry => Assumption;

    protected override string EntryLink => RaidLinks.Assumption(Unit.Code, Assumption.Reference);

    protected override Task EscalateAsync(Guid id, int version, string? reason, CancellationToken ct) => raid.EscalateAsync(id, version, reason, ct);

    protected override Task DeEscalateAsync(Guid id, int version, string? reason, CancellationToken ct) => raid.DeEscalateAsync(id, version, reason, ct);

    protected override async Task<Guid> LoadEntryAsync(UnitView unit, string reference, CancellationToken ct)
    {
        Assumption = await queries.AssumptionAsync(unit, reference, ct);
        Steps = await RaidStatusSteps.OfferedAsync(Access, unit, RaidStatusSteps.For(Assumption.Status), ct);
        await LoadEscalationAsync(tolerances, Assumption.Escalation, Assumption.Status == AssumptionStatus.Unvalidated, null, ct);
        return Assumption.Id;
    }
}
