using Steward.Features.Access;
using Steward.Features.Tolerances;
using Steward.Features.Units;

namespace Steward.Features.Raid;

// What a risk, issue or dependency page shows about escalation, and which of escalate / hand back the
// actor may use. CanSeeHolder: whether the unit holding it may be linked (its register would be a 404
// for someone with no role there, so it is named without a link). Steps: for an item escalated by
// tolerance, the tolerance of each level it passed and of the level that holds it.
public sealed record EscalationPanel(
    string Reference, Escalation? Escalation, bool CanEscalate, bool CanHandBack, int Version, bool CanSeeHolder = true,
    ToleranceDimension? Dimension = null, decimal? Deviation = null, IReadOnlyList<ToleranceStep>? Steps = null)
{
    // Escalating is offered only where there is a level above the unit holding the item: at the top of
    // the tree the button could only answer 409.
    public static async Task<EscalationPanel> ForAsync(
        AccessPolicy access, ToleranceQueries tolerances, string unitPath, string reference, Escalation? escalation,
        (ToleranceDimension Dimension, decimal? Deviation)? measured, bool mayEscalate, bool canHandBack, int version, CancellationToken ct)
    {
        var heldAt = escalation is { } held ? UnitPath.Through(unitPath, held.To.Id) : unitPath;
        var canSeeHolder = escalation is null || await access.CanAsync(PmoArea.Raid, PmoAction.Read, heldAt, ct);
        var steps = escalation is { ByHand: false } && measured is { Deviation: { } deviation } judged
            ? (await tolerances.EvaluateAsync(unitPath, judged.Dimension, deviation, ct)).Steps
            : null;
        return new EscalationPanel(reference, escalation, mayEscalate && UnitPath.Depth(heldAt) > 1, canHandBack, version, canSeeHolder,
            measured?.Dimension, measured?.Deviation, steps);
    }

    // "scores 16", "is critical", "is committed 12 working days late".
    public string Measured => (Dimension, Deviation) switch
    {
        (ToleranceDimension.Risk, { } score) => $"scores {score:0}",
        (ToleranceDimension.Issues, { } severity) => $"is {IssueSeverity.Name((int)severity).ToLowerInvariant()} priority",
        (_, { } days) => $"is committed {days:0} working days late",
        _ => string.Empty,
    };
}
