using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Steward.Data;

namespace Steward.Features.Finance;

// The sums the finance views are made of, worked out by the database over a unit and everything below it.
// Months before this one are "closed": their actuals replace the forecast in the forecast outturn.
internal static class FinanceRollUp
{
    // One layer's money in one category and year across a subtree, month by month.
    public sealed record MonthlySum(FinanceLayer Layer, SpendingCategory Category, int Year, long[] Months);

    // One unit's layer: all years, the closed months of all years, the chosen year, its closed months.
    public sealed record UnitSum(Guid UnitId, FinanceLayer Layer, long Total, long Closed, long YearTotal, long YearClosed);

    public sealed class LineFigures
    {
        public Guid UnitId { get; set; }
        public FinanceLayer Layer { get; set; }
        public int Year { get; set; }
        public long Total { get; set; }
        public long Closed { get; set; }
    }

    public static IQueryable<FinanceLine> CurrentLines(StewardDbContext db, IQueryable<Guid> units, SpendingCategory? category)
    {
        var lines = db.FinanceLines.AsNoTracking().Where(l => l.Current && units.Contains(l.UnitId));
        return category is { } c ? lines.Where(l => l.Category == c) : lines;
    }

    public static async Task<List<MonthlySum>> MonthlyAsync(IQueryable<FinanceLine> lines, CancellationToken ct)
    {
        var sums = await lines.GroupBy(l => new { l.Layer, l.Category, l.Year }).Select(g => new
        {
            g.Key.Layer, g.Key.Category, g.Key.Year,
            P1 = g.Sum(l => l.P1), P2 = g.Sum(l => l.P2), P3 = g.Sum(l => l.P3), P4 = g.Sum(l => l.P4), P5 = g.Sum(l => l.P5), P6 = g.Sum(l => l.P6),
            P7 = g.Sum(l => l.P7), P8 = g.Sum(l => l.P8), P9 = g.Sum(l => l.P9), P10 = g.Sum(l => l.P10), P11 = g.Sum(l => l.P11), P12 = g.Sum(l => l.P12),
        }).ToListAsync(ct);
        return sums.Select(s => new MonthlySum(s.Layer, s.Category, s.Year, [s.P1, s.P2, s.P3, s.P4, s.P5, s.P6, s.P7, s.P8, s.P9, s.P10, s.P11, s.P12])).ToList();
    }

    // Per unit and layer, so a unit's position and the units below it come from one query.
    public static async Task<List<UnitSum>> PerUnitAsync(IQueryable<FinanceLine> lines, FinancialYear year, DateOnly today, CancellationToken ct)
    {
        var sums = await lines.Select(Figures(today)).GroupBy(f => new { f.UnitId, f.Layer }).Select(g => new
        {
            g.Key.UnitId, g.Key.Layer,
            Total = g.Sum(f => f.Total), Closed = g.Sum(f => f.Closed),
            YearTotal = g.Sum(f => f.Year == year.Start ? f.Total : 0), YearClosed = g.Sum(f => f.Year == year.Start ? f.Closed : 0),
        }).ToListAsync(ct);
        return sums.Select(s => new UnitSum(s.UnitId, s.Layer, s.Total, s.Closed, s.YearTotal, s.YearClosed)).ToList();
    }

    // Whether a month is closed depends on today, so the expression is built for it: a line of an earlier
    // year is all closed; of this year, the months before this one; of a later year, none.
    private static Expression<Func<FinanceLine, LineFigures>> Figures(DateOnly today)
    {
        var thisYear = FinancialYear.Of(today).Start;
        var thisPeriod = FinancialYear.PeriodOf(today);
        var line = Expression.Parameter(typeof(FinanceLine), "l");
        Expression Month(int period) => Expression.Property(line, $"P{period}");
        var total = Enumerable.Range(2, 11).Aggregate(Month(1), (sum, p) => Expression.Add(sum, Month(p)));
        var closedThisYear = Enumerable.Range(1, thisPeriod - 1).Aggregate((Expression)Expression.Constant(0L), (sum, p) => Expression.Add(sum, Month(p)));
        var year = Expression.Property(line, nameof(FinanceLine.Year));
        var closed = Expression.Condition(
            Expression.LessThan(year, Expression.Constant(thisYear)), total,
            Expression.Condition(Expression.Equal(year, Expression.Constant(thisYear)), closedThisYear, Expression.Constant(0L)));
        var body = Expression.MemberInit(
            Expression.New(typeof(LineFigures)),
            Expression.Bind(typeof(LineFigures).GetProperty(nameof(LineFigures.UnitId))!, Expression.Property(line, nameof(FinanceLine.UnitId))),
            Expression.Bind(typeof(LineFigures).GetProperty(nameof(LineFigures.Layer))!, Expression.Property(line, nameof(FinanceLine.Layer))),
            Expression.Bind(typeof(LineFigures).GetProperty(nameof(LineFigures.Year))!, year),
            Expression.Bind(typeof(LineFigures).GetProperty(nameof(LineFigures.Total))!, total),
            Expression.Bind(typeof(LineFigures).GetProperty(nameof(LineFigures.Closed))!, closed));
        return Expression.Lambda<Func<FinanceLine, LineFigures>>(body, line);
    }

    // A unit's (or a group's) position from its per-layer sums: outturn is closed actuals plus open forecast.
    public static (FinancePosition Year, FinancePosition WholeLife) Position(IEnumerable<UnitSum> sums)
    {
        long budget = 0, budgetYear = 0, actual = 0, actualClosed = 0, actualYear = 0, actualYearClosed = 0, forecastOpen = 0, forecastYearOpen = 0;
        foreach (var s in sums)
        {
            switch (s.Layer)
            {
                case FinanceLayer.Budget:
                    budget += s.Total;
                    budgetYear += s.YearTotal;
                    break;
                case FinanceLayer.Actual:
                    actual += s.Total;
                    actualClosed += s.Closed;
                    actualYear += s.YearTotal;
                    actualYearClosed += s.YearClosed;
                    break;
                default:
                    forecastOpen += s.Total - s.Closed;
                    forecastYearOpen += s.YearTotal - s.YearClosed;
                    break;
            }
        }

        return (new FinancePosition(new Money(budgetYear), new Money(actualYearClosed + forecastYearOpen), new Money(actualYear)),
            new FinancePosition(new Money(budget), new Money(actualClosed + forecastOpen), new Money(actual)));
    }
}
