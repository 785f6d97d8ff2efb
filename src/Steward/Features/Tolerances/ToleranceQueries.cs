using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Units;

namespace Steward.Features.Tolerances;

// Reads tolerances and evaluates deviations against them. Callers check the reader's access to the unit.
public sealed class ToleranceQueries(StewardDbContext db)
{
    public async Task<ToleranceLadder> LadderAsync(string unitPath, CancellationToken ct = default)
    {
        var ids = UnitPath.Ids(unitPath);
        var own = await db.Tolerances.AsNoTracking().Where(t => ids.Contains(t.UnitId)).ToDictionaryAsync(t => t.UnitId, ct);
        return new ToleranceLadder(ids, own);
    }

    // The ladders of several units below one (children of parentPath), from one query.
    public async Task<IReadOnlyDictionary<Guid, ToleranceLadder>> LaddersBelowAsync(string parentPath, IReadOnlyCollection<Guid> childIds, CancellationToken ct = default)
    {
        var above = UnitPath.Ids(parentPath);
        var ids = above.Concat(childIds).ToList();
        var own = await db.Tolerances.AsNoTracking().Where(t => ids.Contains(t.UnitId)).ToDictionaryAsync(t => t.UnitId, ct);
        return childIds.ToDictionary(id => id, id => new ToleranceLadder([.. above, id], own));
    }

    public async Task<UnitTolerancesView> ViewAsync(IUnitLocation unit, CancellationToken ct = default)
    {
        var ladder = await LadderAsync(unit.Path, ct);
        var own = await db.Tolerances.AsNoTracking().FirstOrDefaultAsync(t => t.UnitId == unit.Id, ct);
        var levels = await LevelsAsync(unit.Path, ct);
        var bands = ToleranceMeasure.All.Select(m =>
        {
            var (over, under) = own?.Of(m.Dimension) ?? (null, null);
            var applies = ladder.For(m.Dimension).Levels[0];
            return new ToleranceBandView(m.Dimension, m.Label, m.Quantity, over, under,
                applies.Over?.Limit, applies.Over is { } o ? levels[o.SetAt] : null,
                applies.Under?.Limit, applies.Under is { } u ? levels[u.SetAt] : null, m.HasUnder);
        }).ToList();
        return new UnitTolerancesView(levels[unit.Id], own?.Version, bands);
    }

    // A positive value is a deviation over plan (later, dearer, a higher score), a negative one under it.
    public Task<ToleranceEvaluation> EvaluateAsync(IUnitLocation unit, ToleranceDimension dimension, decimal value, CancellationToken ct = default) =>
        EvaluateAsync(unit.Path, dimension, value, ct);

    public async Task<ToleranceEvaluation> EvaluateAsync(string unitPath, ToleranceDimension dimension, decimal value, CancellationToken ct = default)
    {
        var ladder = await LadderAsync(unitPath, ct);
        var chain = ladder.For(dimension);
        var levels = await LevelsAsync(unitPath, ct);
        var verdict = chain.Judge(value);
        var steps = chain.Climb(value)
            .Select(v => new ToleranceStep(levels[v.UnitId], v.Limit?.Limit, v.Limit is { } l ? levels[l.SetAt] : null, v.Breached, v.By))
            .ToList();
        var heldAt = chain.EscalatesTo(value) is { } above ? levels[above] : null;
        return new ToleranceEvaluation(levels[ladder.UnitId], dimension, value, verdict.Side, verdict.Breached, verdict.Limit?.Limit, verdict.By,
            verdict.Limit is { } limit ? levels[limit.SetAt] : null, heldAt, steps);
    }

    private async Task<Dictionary<Guid, UnitRef>> LevelsAsync(string unitPath, CancellationToken ct)
    {
        var ids = UnitPath.Ids(unitPath);
        return await db.Units.AsNoTracking().Where(u => ids.Contains(u.Id))
            .Select(u => new UnitRef(u.Id, u.Code, u.Name, u.Kind)).ToDictionaryAsync(u => u.Id, ct);
    }
}
