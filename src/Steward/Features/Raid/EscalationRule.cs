namespace Steward.Features.Raid;

// Where an item belongs by tolerance, given its unit and the units above it (nearest first), each with
// its effective tolerance. An item outside its unit's tolerance goes to the parent; if it is outside
// the parent's tolerance too it goes on up, so a portfolio sees what its programmes could not contain.
public static class EscalationRule
{
    public static Guid? TargetFor(IReadOnlyList<(Guid UnitId, EffectiveTolerance Tolerance)> chain, Func<EffectiveTolerance, bool> breaches)
    {
        Guid? target = null;
        for (var level = 0; level < chain.Count - 1; level++)
        {
            if (!breaches(chain[level].Tolerance))
            {
                break;
            }

            target = chain[level + 1].UnitId;
        }

        return target;
    }
}
