using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Access;
using Steward.Features.Tolerances;
using Steward.Features.Units;
using Steward.Infrastructure.Registers;

namespace Steward.Features.Finance;

// What a unit's finance pages and API show: the unit and everything below it, summed by the database.
public sealed class FinanceQueries(
    StewardDbContext db, RegisterUnits units, AccessPolicy access, ToleranceQueries tolerances, TimeProvider clock, CommittedReads<FinanceViewKey, FinanceView> committed)
{
    public const string Register = "finance";

    public Task<IUnitLocation> RequireReadableUnitAsync(string unitKey, CancellationToken ct) => units.ReadableAsync(PmoArea.Finance, unitKey, Register, ct);

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<int?> VersionAsync(Guid unitId, CancellationToken ct) =>
        await db.Finances.AsNoTracking().Where(f => f.UnitId == unitId).Select(f => (int?)f.Version).FirstOrDefaultAsync(ct);

    // Whether this reader sees only the totals of a unit's money: they hold nothing but the Viewer role
    // there, and the unit or one above it says viewers see totals only.
    public async Task<bool> TotalsOnlyAsync(IUnitLocation unit, CancellationToken ct)
    {
        if (!await access.HoldsOnlyAsync(StewardRole.Viewer, unit.Path, ct))
        {
            return false;
        }

        var ids = UnitPath.Ids(unit.Path);
        return await db.Finances.AsNoTracking().AnyAsync(f => ids.Contains(f.UnitId) && f.TotalsOnlyForViewers, ct);
    }

    // what: what is refused ("its lines").
    public async Task DemandDetailAsync(IUnitLocation unit, string what, CancellationToken ct)
    {
        if (await TotalsOnlyAsync(unit, ct))
        {
            throw new AccessDeniedException($"People who view {unit.Code} are shown only the totals of its money, not {what}: the department has chosen so.");
        }
    }

    // Kept until anything is committed (CommittedReads): a finance page is read far more often than money
    // changes, and month end's readers all ask for the same few units.
    public async Task<FinanceView> ViewAsync(IUnitLocation unit, FinancialYear? chosenYear, SpendingCategory? category, CancellationToken ct)
    {
        var totalsOnly = await TotalsOnlyAsync(unit, ct);
        if (totalsOnly && category is not null)
        {
            throw new AccessDeniedException($"People who view {unit.Code} are shown only the totals of its money, not each spending category: the department has chosen so.");
        }

        var today = Today;
        var view = await committed.GetAsync(db, new FinanceViewKey(unit.Id, chosenYear ?? FinancialYear.Of(today), category, today),
            key => ReadViewAsync(unit, key.Year, key.Category, key.Today, ct));
        return totalsOnly ? view.Totals() : view;
    }

    private async Task<FinanceView> ReadViewAsync(IUnitLocation unit, FinancialYear? chosenYear, SpendingCategory? category, DateOnly today, CancellationToken ct)
    {
        var year = chosenYear ?? FinancialYear.Of(today);
        var finance = await db.Finances.AsNoTracking().Where(f => f.UnitId == unit.Id).Select(f => new { f.Version, f.Baseline, f.TotalsOnlyForViewers }).FirstOrDefaultAsync(ct);
        // The unit's own roll-ups hold it and everything below it; each child's hold that child's branch.
        var children = await db.Units.AsNoTracking().Where(u => u.ParentId == unit.Id).OrderBy(u => u.Code)
            .Select(u => new UnitRef(u.Id, u.Code, u.Name, u.Kind)).ToListAsync(ct);
        var self = await db.Units.AsNoTracking().Where(u => u.Id == unit.Id).Select(u => new UnitRef(u.Id, u.Code, u.Name, u.Kind)).FirstAsync(ct);
        var ids = children.Select(c => c.Id).Append(unit.Id).ToList();
        var rollups = db.FinanceRollups.AsNoTracking().Where(r => ids.Contains(r.UnitId));
        if (category is { } only)
        {
            rollups = rollups.Where(r => r.Category == only);
        }

        var sums = (await rollups.ToListAsync(ct))
            .Select(r => (r.UnitId, Sum: new FinanceSums.MonthlySum(r.Layer, r.Category, r.Year, Enumerable.Range(1, FinancialYear.Periods).Select(p => r[p]).ToArray())))
            .ToLookup(r => r.UnitId, r => r.Sum);
        var monthly = sums[unit.Id].ToList();
        var (yearPosition, wholeLife) = Positions(monthly, year, today);
        // Each unit below judged against its own cost tolerance, so a breach further down shows at every level.
        var ladders = children.Count == 0 || category is not null ? null : await tolerances.LaddersBelowAsync(unit.Path, children.Select(c => c.Id).ToList(), ct);
        var below = children.Select(c =>
        {
            var (y, w) = Positions(sums[c.Id], year, today);
            var cost = ladders?[c.Id].For(ToleranceDimension.Cost);
            var beyond = cost is not null && new[] { y.VariancePercent, w.VariancePercent }.Any(v => v is { } percent && cost.Judge(percent).Breached);
            return new UnitFinanceRow(c, y, w, beyond);
        }).ToList();

        var thisYear = FinancialYear.Of(today);
        var thisPeriod = FinancialYear.PeriodOf(today);
        FinancePosition? month = null;
        if (year == thisYear)
        {
            long Of(FinanceLayer layer) => monthly.Where(m => m.Layer == layer && m.Year == year.Start).Sum(m => m.Months[thisPeriod - 1]);
            month = new FinancePosition(new Money(Of(FinanceLayer.Budget)), new Money(Of(FinanceLayer.Forecast)), new Money(Of(FinanceLayer.Actual)));
        }

        return new FinanceView(
            self, finance?.Version, finance?.Baseline ?? 0, year.ToString(), category is { } c ? Infrastructure.EnumText.Of(c) : null,
            thisYear.PeriodLabel(thisPeriod), month, yearPosition, wholeLife,
            await ToleranceAsync($"Variance in {year}", unit, yearPosition, category, ct),
            await ToleranceAsync("Whole-life cost growth", unit, wholeLife, category, ct),
            Phasing(monthly, today), Curve(monthly, today), below, await OwnLinesAsync(unit.Id, null, ct, year), finance?.TotalsOnlyForViewers ?? false);
    }

    // year: only that year's lines (the finance view's); default every year.
    public async Task<IReadOnlyList<FinanceLineView>> OwnLinesAsync(Guid unitId, int? baseline, CancellationToken ct, FinancialYear? year = null)
    {
        var query = db.FinanceLines.AsNoTracking().Where(l => l.UnitId == unitId);
        if (year is { } only)
        {
            query = query.Where(l => l.Year == only.Start);
        }

        query = baseline is { } number ? query.Where(l => l.Layer == FinanceLayer.Budget && l.Baseline == number) : query.Where(l => l.Current);
        var lines = await query.OrderBy(l => l.Layer).ThenBy(l => l.Year).ThenBy(l => l.Category).ThenBy(l => l.CostType).ToListAsync(ct);
        return lines.Select(View).ToList();
    }

    public async Task<IReadOnlyList<FinanceBaselineView>> BaselinesAsync(Guid unitId, CancellationToken ct)
    {
        var current = await db.Finances.AsNoTracking().Where(f => f.UnitId == unitId).Select(f => f.Baseline).FirstOrDefaultAsync(ct);
        var totals = await db.FinanceLines.AsNoTracking().Where(l => l.UnitId == unitId && l.Layer == FinanceLayer.Budget)
            .GroupBy(l => l.Baseline)
            .Select(g => new { Baseline = g.Key, Total = g.Sum(l => l.P1 + l.P2 + l.P3 + l.P4 + l.P5 + l.P6 + l.P7 + l.P8 + l.P9 + l.P10 + l.P11 + l.P12) })
            .ToDictionaryAsync(t => t.Baseline, t => t.Total, ct);
        var baselines = await db.FinanceBaselines.AsNoTracking().Where(b => b.UnitId == unitId).OrderByDescending(b => b.Number).ToListAsync(ct);
        return baselines.Select(b => new FinanceBaselineView(b.Number, b.Number == current, b.Reason, b.Decision, b.ApprovedOn, b.ApprovedBy, new Money(totals.GetValueOrDefault(b.Number)))).ToList();
    }

    // The unit's own changes, newest first, each with why.
    public async Task<IReadOnlyList<FinanceChangeView>> ChangesAsync(Guid unitId, int limit, CancellationToken ct)
    {
        var changes = await db.FinanceChanges.AsNoTracking().Where(c => c.UnitId == unitId).OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id).Take(limit).ToListAsync(ct);
        return changes.Select(c => new FinanceChangeView(Infrastructure.EnumText.Of(c.Layer), c.Baseline, c.Reason, c.Lines, new Money(c.Before), new Money(c.After), c.By, c.CreatedAt)).ToList();
    }

    // Every current line of the unit and the units below it, for a download.
    public async Task<List<FinanceExportRow>> ExportRowsAsync(IUnitLocation unit, FinancialYear? year, SpendingCategory? category, CancellationToken ct)
    {
        var lines = FinanceSums.CurrentLines(db, db.IdsUnder(unit.Path), category);
        if (year is { } y)
        {
            lines = lines.Where(l => l.Year == y.Start);
        }

        var rows = await lines.Join(db.Units, l => l.UnitId, u => u.Id, (l, u) => new { Line = l, u.Code, u.Name })
            .OrderBy(r => r.Code).ThenBy(r => r.Line.Layer).ThenBy(r => r.Line.Year).ThenBy(r => r.Line.Category).ThenBy(r => r.Line.CostType)
            .ToListAsync(ct);
        return rows.Select(r => new FinanceExportRow(r.Code, r.Name, View(r.Line))).ToList();
    }

    private static FinanceLineView View(FinanceLine l) => new(
        Infrastructure.EnumText.Of(l.Layer), l.Baseline, Infrastructure.EnumText.Of(l.Category), Infrastructure.EnumText.Of(l.CostType), l.FinancialYear.ToString(),
        Enumerable.Range(1, FinancialYear.Periods).Select(p => new Money(l[p])).ToList(), new Money(l.Total), l.Reason);

    private async Task<CostToleranceCheck> ToleranceAsync(string measure, IUnitLocation unit, FinancePosition position, SpendingCategory? category, CancellationToken ct)
    {
        // A tolerance is on the unit's whole budget: a view of one category is not judged against it.
        if (category is not null || position.VariancePercent is not { } percent)
        {
            return new CostToleranceCheck(measure, position.VariancePercent, null);
        }

        return new CostToleranceCheck(measure, percent, await tolerances.EvaluateAsync(unit.Path, ToleranceDimension.Cost, percent, ct));
    }

    // The year shown and the whole life, from monthly sums.
    internal static (FinancePosition Year, FinancePosition WholeLife) Positions(IEnumerable<FinanceSums.MonthlySum> sums, FinancialYear year, DateOnly today)
    {
        var byYear = sums.GroupBy(s => s.Year).ToList();
        var shown = byYear.Where(g => g.Key == year.Start).Select(g => PositionOf(g, year, today)).FirstOrDefault() ?? FinancePosition.Zero;
        var wholeLife = byYear.Aggregate(FinancePosition.Zero, (total, g) => total + PositionOf(g, new FinancialYear(g.Key), today));
        return (shown, wholeLife);
    }

    private static List<PhasingYear> Phasing(List<FinanceSums.MonthlySum> monthly, DateOnly today)
    {
        var years = monthly.Select(m => m.Year).Distinct().Order();
        var result = new List<PhasingYear>();
        foreach (var y in years)
        {
            var cells = new List<PhasingCell>();
            foreach (var category in Enum.GetValues<SpendingCategory>())
            {
                var position = PositionOf(monthly.Where(m => m.Year == y && m.Category == category), new FinancialYear(y), today);
                if (position != FinancePosition.Zero || category != SpendingCategory.Ame)
                {
                    cells.Add(new PhasingCell(category, position));
                }
            }

            result.Add(new PhasingYear(new FinancialYear(y).ToString(), cells, cells.Aggregate(FinancePosition.Zero, (sum, c) => sum + c.Position)));
        }

        return result;
    }

    private static FinancePosition PositionOf(IEnumerable<FinanceSums.MonthlySum> sums, FinancialYear year, DateOnly today)
    {
        long budget = 0, forecast = 0, actuals = 0;
        foreach (var s in sums)
        {
            for (var p = 1; p <= FinancialYear.Periods; p++)
            {
                var closed = Closed(year, p, today);
                switch (s.Layer)
                {
                    case FinanceLayer.Budget: budget += s.Months[p - 1]; break;
                    case FinanceLayer.Actual:
                        actuals += s.Months[p - 1];
                        forecast += closed ? s.Months[p - 1] : 0;
                        break;
                    default: forecast += closed ? 0 : s.Months[p - 1]; break;
                }
            }
        }

        return new FinancePosition(new Money(budget), new Money(forecast), new Money(actuals));
    }

    private static bool Closed(FinancialYear year, int period, DateOnly today) => year.FirstDayOf(period) < new DateOnly(today.Year, today.Month, 1);

    // Cumulative budget, forecast outturn and actuals month by month from the first year with money to the last.
    private static List<CurvePoint> Curve(List<FinanceSums.MonthlySum> monthly, DateOnly today)
    {
        if (monthly.Count == 0)
        {
            return [];
        }

        var first = monthly.Min(m => m.Year);
        var last = monthly.Max(m => m.Year);
        var points = new List<CurvePoint>();
        long budget = 0, forecast = 0, actuals = 0;
        for (var y = first; y <= last; y++)
        {
            var year = new FinancialYear(y);
            var ofYear = monthly.Where(m => m.Year == y).ToList();
            for (var p = 1; p <= FinancialYear.Periods; p++)
            {
                var closed = Closed(year, p, today);
                long Sum(FinanceLayer layer) => ofYear.Where(m => m.Layer == layer).Sum(m => m.Months[p - 1]);
                budget += Sum(FinanceLayer.Budget);
                actuals += Sum(FinanceLayer.Actual);
                forecast += closed ? Sum(FinanceLayer.Actual) : Sum(FinanceLayer.Forecast);
                points.Add(new CurvePoint(year.ToString(), p, year.ShortMonth(p), new Money(budget), new Money(forecast), closed ? new Money(actuals) : null));
            }
        }

        return points;
    }
}

public readonly record struct FinanceViewKey(Guid Unit, FinancialYear Year, SpendingCategory? Category, DateOnly Today);

public sealed record FinanceExportRow(string UnitCode, string UnitName, FinanceLineView Line);
