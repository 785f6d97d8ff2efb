namespace Steward.Features.Tolerances;

public enum ToleranceSide
{
    Over,
    Under,
}

// One side of a tolerance as it applies at a level, and the unit whose own setting it is.
public sealed record ToleranceLimit(decimal Limit, Guid SetAt);

// What a level's tolerance says of a deviation: within it, or beyond it by how much.
public sealed record ToleranceVerdict(Guid UnitId, decimal Deviation, ToleranceSide Side, ToleranceLimit? Limit)
{
    public decimal? By => Limit is { } limit && Beyond > limit.Limit ? Beyond - limit.Limit : null;

    public bool Breached => By is not null;

    private decimal Beyond => Side == ToleranceSide.Over ? Deviation : -Deviation;
}

// A unit's tolerance on one dimension, inheritance resolved: each side is the unit's own or the nearest
// one set above it. A side nobody sets holds everything.
public sealed record ToleranceLevel(Guid UnitId, ToleranceLimit? Over, ToleranceLimit? Under)
{
    public ToleranceVerdict Judge(decimal deviation) =>
        deviation >= 0 ? new(UnitId, deviation, ToleranceSide.Over, Over) : new(UnitId, deviation, ToleranceSide.Under, Under);
}

// One dimension's levels from a unit up to the top of the tree, nearest first.
public sealed class ToleranceChain(IReadOnlyList<ToleranceLevel> levels)
{
    public IReadOnlyList<ToleranceLevel> Levels => levels;

    public ToleranceVerdict Judge(decimal deviation) => levels[0].Judge(deviation);

    // An item outside its unit's tolerance goes to the parent; if it is outside the parent's too it goes on
    // up, so a portfolio sees what its programmes could not contain. The verdict of every level it passed,
    // and of the one that holds it (the top of the tree holds what nobody else can, breached or not).
    public IReadOnlyList<ToleranceVerdict> Climb(decimal deviation)
    {
        var steps = new List<ToleranceVerdict>();
        foreach (var level in levels)
        {
            var verdict = level.Judge(deviation);
            steps.Add(verdict);
            if (!verdict.Breached)
            {
                break;
            }
        }

        return steps;
    }

    // The unit above the item's own that holds it by tolerance, or none if its own unit does.
    public Guid? EscalatesTo(decimal deviation)
    {
        var holder = Climb(deviation)[^1].UnitId;
        return holder == levels[0].UnitId ? null : holder;
    }
}

// Every dimension's chain for one unit: what the evaluator is given, built once per unit per request.
public sealed class ToleranceLadder
{
    private readonly ToleranceChain[] chains;

    public ToleranceLadder(IReadOnlyList<Guid> unitIdsTopFirst, IReadOnlyDictionary<Guid, UnitTolerances> own)
    {
        if (unitIdsTopFirst.Count == 0)
        {
            throw new ArgumentException("A ladder needs at least the unit itself.", nameof(unitIdsTopFirst));
        }

        chains = Enum.GetValues<ToleranceDimension>().Select(d => new ToleranceChain(Resolve(unitIdsTopFirst, own, d))).ToArray();
    }

    public Guid UnitId => chains[0].Levels[0].UnitId;

    public ToleranceChain For(ToleranceDimension dimension) => chains[(int)dimension];

    private static List<ToleranceLevel> Resolve(IReadOnlyList<Guid> ids, IReadOnlyDictionary<Guid, UnitTolerances> own, ToleranceDimension dimension)
    {
        var levels = new List<ToleranceLevel>(ids.Count);
        ToleranceLimit? over = null, under = null;
        foreach (var id in ids)
        {
            if (own.TryGetValue(id, out var set))
            {
                var (o, u) = set.Of(dimension);
                over = o is { } ov ? new ToleranceLimit(ov, id) : over;
                under = u is { } uv ? new ToleranceLimit(uv, id) : under;
            }

            levels.Add(new ToleranceLevel(id, over, under));
        }

        levels.Reverse();
        return levels;
    }
}
