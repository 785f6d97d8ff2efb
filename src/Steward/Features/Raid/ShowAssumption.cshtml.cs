using Steward.Features.Access;
using Steward.Features.History;
using Steward.Features.Units;

namespace Steward.Features.Raid;

// An assumption's page: validate it, mark it invalid and raise the issue or risk it now is, or reopen it.
[Requires(PmoArea.Raid, PmoAction.Read)]
public sealed class ShowAssumptionModel(UnitQueries units, AssumptionQueries queries, HistoryQueries history, AccessPolicy access)
    : RaidEntryPage(units, history, access)
{
    public AssumptionView Assumption { get; private set; } = default!;

    protected override async Task<Guid> LoadEntryAsync(UnitView unit, string reference, CancellationToken ct)
    {
        Assumption = await queries.AssumptionAsync(unit, reference, ct);
        Steps = await RaidStatusSteps.OfferedAsync(Access, unit, RaidStatusSteps.For(Assumption.Status), ct);
        return Assumption.Id;
    }
}
