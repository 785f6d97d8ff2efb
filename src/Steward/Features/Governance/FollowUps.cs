using Steward.Features.Access;
using Steward.Features.Units;

namespace Steward.Features.Governance;

// What a risk or issue page shows of governance: its actions (a risk's are its mitigation actions)
// and the decisions taken about it.
public sealed record FollowUps(string Kind, string Reference, string UnitCode, IReadOnlyList<ActionView> Actions, IReadOnlyList<DecisionSummary> Decisions, bool CanRead, bool CanAddAction)
{
    public string ActionsHeading => Kind == "risk" ? "Mitigation actions" : "Actions";

    // itemOpen: whether the risk or issue is still open; a closed or realised one takes no new actions.
    public static async Task<FollowUps> LoadAsync(GovernanceQueries queries, AccessPolicy access, UnitView unit, Guid itemId, string kind, string reference, bool itemOpen, CancellationToken ct)
    {
        if (!await access.CanAsync(PmoArea.Governance, PmoAction.Read, unit.Path, ct))
        {
            return new FollowUps(kind, reference, unit.Code, [], [], false, false);
        }

        var canAdd = itemOpen && unit.IsOpen && await access.CanAsync(PmoArea.Governance, PmoAction.Contribute, unit.Path, ct);
        return new FollowUps(kind, reference, unit.Code, await queries.ActionsForAsync(itemId, ct), await queries.DecisionsAboutAsync(itemId, ct), true, canAdd);
    }
}
