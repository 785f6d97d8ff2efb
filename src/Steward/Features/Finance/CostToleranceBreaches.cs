using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Tolerances;
using Steward.Features.Units;

namespace Steward.Features.Finance;

// Every unit at or below one whose money breaches its cost tolerance, this financial year or over its
// whole life, overspend or underspend, with the level the breach escalates to (the first level above whose
// tolerance holds it). Worked out from the stored roll-ups in one grouped query, so the whole department
// is judged at once; kept until anything is committed. Status reports and exceptions read it from here.
public sealed class CostToleranceBreaches(StewardDbContext db, TimeProvider clock, CommittedReads<CostBreachesKey, CostBreachesView> committed)
{
    public const string InYearMeasure = "in-year variance";
    public const string WholeLifeMeasure = "whole-life cost growth";

    public async Task<CostBreachesView> ListAsync(IUnitLocation unit, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return await committed.GetAsync(db, new CostBreachesKey(unit.Id, today), key => ReadAsync(unit, key.Today, ct));
    }

    private async Task<CostBreachesView> ReadAsync(IUnitLocation unit, DateOnly today, CancellationToken ct)
    {
        var year = FinancialYear.Of(today);
        var y = year.Start;
        var subtree = db.IdsUnder(unit.Path);
        // Per unit and layer: the years before this one, this year month by month, the years after; enough
        // to tell what has been spent (months ended) from what is forecast, as the finance page does.
        var sums = await db.FinanceRollups.AsNoTracking().Where(r => subtree.Contains(r.UnitId))
            .GroupBy(r => new { r.UnitId, r.Layer })
            .Select(g => new
            {
                g.Key.UnitId,
                g.Key.Layer,
                Before = g.Sum(r => r.Year < y ? r.P1 + r.P2 + r.P3 + r.P4 + r.P5 + r.P6 + r.P7 + r.P8 + r.P9 + r.P10 + r.P11 + r.P12 : 0L),
                After = g.Sum(r => r.Year > y ? r.P1 + r.P2 + r.P3 + r.P4 + r.P5 + r.P6 + r.P7 + r.P8 + r.P9 + r.P10 + r.P11 + r.P12 : 0L),
                P1 = g.Sum(r => r.Year == y ? r.P1 : 0L), P2 = g.Sum(r => r.Year == y ? r.P2 : 0L), P3 = g.Sum(r => r.Year == y ? r.P3 : 0L),
                P4 = g.Sum(r => r.Year == y ? r.P4 : 0L), P5 = g.Sum(r => r.Year == y ? r.P5 : 0L), P6 = g.Sum(r => r.Year == y ? r.P6 : 0L),
                P7 = g.Sum(r => r.Year == y ? r.P7 : 0L), P8 = g.Sum(r => r.Year == y ? r.P8 : 0L), P9 = g.Sum(r => r.Year == y ? r.P9 : 0L),
                P10 = g.Sum(r => r.Year == y ? r.P10 : 0L), P11 = g.Sum(r => r.Year == y ? r.P11 : 0L), P12 = g.Sum(r => r.Year == y ? r.P12 : 0L),
            })
            .ToListAsync(ct);

        var above = UnitPath.Ids(unit.Path);
        var units = await db.Units.AsNoTracking().Where(u => subtree.Contains(u.Id) || above.Contains(u.Id))
            .Select(u => new { Ref = new UnitRef(u.Id, u.Code, u.Name, u.Kind), u.Path }).ToDictionaryAsync(u => u.Ref.Id, ct);
        var tolerances = await db.Tolerances.AsNoTracking().Where(t => subtree.Contains(t.UnitId) || above.Contains(t.UnitId)).ToDictionaryAsync(t => t.UnitId, ct);

        var breaches = new List<CostToleranceBreach>();
        foreach (var money in sums.GroupBy(s => s.UnitId))
        {
            // The years either side stand in as one closed and one open year: all that the positions need of them.
            var monthly = money.SelectMany(s => new[]
            {
                new FinanceSums.MonthlySum(s.Layer, SpendingCategory.RdelProgramme, y - 1, [s.Before, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]),
                new FinanceSums.MonthlySum(s.Layer, SpendingCategory.RdelProgramme, y, [s.P1, s.P2, s.P3, s.P4, s.P5, s.P6, s.P7, s.P8, s.P9, s.P10, s.P11, s.P12]),
                new FinanceSums.MonthlySum(s.Layer, SpendingCategory.RdelProgramme, y + 1, [s.After, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]),
            });
            var (inYear, wholeLife) = FinanceQueries.Positions(monthly, year, today);
            var owner = units[money.Key];
            var cost = new ToleranceLadder(UnitPath.Ids(owner.Path), tolerances).For(ToleranceDimension.Cost);
            foreach (var (measure, position) in new[] { ($"{InYearMeasure} {year}", inYear), (WholeLifeMeasure, wholeLife) })
            {
                if (position.VariancePercent is not { } percent || cost.Judge(percent) is not { Breached: true, Limit: { } limit } verdict)
                {
                    continue;
                }

                var heldAt = cost.EscalatesTo(percent) is { } holder ? units[holder].Ref : null;
                breaches.Add(new CostToleranceBreach(owner.Ref, measure, position, percent, verdict.Side, limit.Limit, units[limit.SetAt].Ref, verdict.By!.Value, heldAt));
            }
        }

        var ordered = breaches.OrderByDescending(b => Math.Abs(b.VariancePercent)).ThenBy(b => b.Unit.Code).ThenBy(b => b.Measure).ToList();
        return new CostBreachesView(units[unit.Id].Ref, year.ToString(), sums.Select(s => s.UnitId).Distinct().Count(), ordered);
    }
}

public readonly record struct CostBreachesKey(Guid Unit, DateOnly Today);

// A unit's money beyond its cost tolerance: by how much, whose limit it breaks, and which level above now
// holds it (none when no level above can: the top of the tree owns it).
public sealed record CostToleranceBreach(
    UnitRef Unit, string Measure, FinancePosition Position, decimal VariancePercent, ToleranceSide Side, decimal Limit, UnitRef LimitSetAt, decimal By, UnitRef? EscalatedTo);

// UnitsJudged: the units at or below with money to judge.
public sealed record CostBreachesView(UnitRef Unit, string Year, int UnitsJudged, IReadOnlyList<CostToleranceBreach> Breaches);
