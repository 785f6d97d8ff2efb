using Steward.Features.Access;
using Steward.Features.Units;

namespace Steward.Features.Raid;

// What a risk, issue or dependency page shows about escalation, and which of escalate / hand back the
// actor may use. CanSeeHolder: whether the unit holding it may be linked (its register would be a 404
// for someone with no role there, so it is named without a link).
public sealed record EscalationPanel(string Reference, Escalation? Escalation, bool CanEscalate, bool CanHandBack, int Version, bool CanSeeHolder = true)
{
    // Escalating is offered only where there is a level above the unit holding the item: at the top of
    // the tree the button could only answer 409.
    public static async Task<EscalationPanel> ForAsync(
        AccessPolicy access, string unitPath, string reference, Escalation? escalation, bool mayEscalate, bool canHandBack, int version, CancellationToken ct)
    {
        var heldAt = escalation is { } held ? UnitPath.Through(unitPath, held.To.Id) : unitPath;
        var canSeeHolder = escalation is null || await access.CanAsync(PmoArea.Raid, PmoAction.Read, heldAt, ct);
        return new EscalationPanel(reference, escalation, mayEscalate && UnitPath.Depth(heldAt) > 1, canHandBack, version, canSeeHolder);
    }
}
