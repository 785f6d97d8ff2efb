using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Units;

namespace Steward.Features.Finance;

// Money for every programme and project of a synthetic portfolio, for the finance benchmarks: N financial
// years from 2022-23, four spending categories, a budget (baseline 1), a forecast and actuals for months
// before the synthetic "today", every month filled: 10 years are 1.2 million lines, 14 million values.
// Written in batches through EF Core, so each line gets its history event as a real one would; the
// roll-ups are worked out once at the end.
public sealed class SyntheticFinance(int years, int seed)
{
    private const int BatchSize = 20_000;
    private static readonly SpendingCategory[] Categories = [SpendingCategory.RdelAdministration, SpendingCategory.RdelProgramme, SpendingCategory.Cdel, SpendingCategory.NonGovernment];

    public async Task SeedAsync(StewardDbContext db, IProgress<int> progress, CancellationToken ct = default)
    {
        var units = await db.Units.AsNoTracking().Where(u => u.Kind != UnitKind.Portfolio).Select(u => u.Id).ToListAsync(ct);
        if (units.Count == 0 || years == 0)
        {
            return;
        }

        var random = new Random(seed);
        var today = new DateOnly(2026, 11, 26);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var pending = 0;
        for (var u = 0; u < units.Count; u++)
        {
            var unit = units[u];
            db.Finances.Add(new UnitFinance { Id = Guid.CreateVersion7(), UnitId = unit, Baseline = 1 });
            db.FinanceBaselines.Add(new FinanceBaseline { Id = Guid.CreateVersion7(), UnitId = unit, Number = 1, Reason = "Synthetic budget", Decision = "DEC-0001", ApprovedOn = new DateOnly(2022, 3, 1) });
            foreach (var category in Categories)
            {
                var monthly = random.Next(1_000, 500_000) * 100L;
                var drift = 0.9 + (random.NextDouble() * 0.25);
                for (var y = 0; y < years; y++)
                {
                    var year = new FinancialYear(2022 + y);
                    var budget = new FinanceLine { Id = Guid.CreateVersion7(), UnitId = unit, Layer = FinanceLayer.Budget, Baseline = 1, Category = category, Year = year.Start, Reason = "Synthetic budget" };
                    var forecast = new FinanceLine { Id = Guid.CreateVersion7(), UnitId = unit, Layer = FinanceLayer.Forecast, Category = category, Year = year.Start, Reason = "Synthetic forecast" };
                    var actual = new FinanceLine { Id = Guid.CreateVersion7(), UnitId = unit, Layer = FinanceLayer.Actual, Category = category, Year = year.Start, Reason = "Synthetic actuals" };
                    for (var p = 1; p <= FinancialYear.Periods; p++)
                    {
                        budget[p] = monthly;
                        forecast[p] = (long)(monthly * drift);
                        actual[p] = year.FirstDayOf(p) < new DateOnly(today.Year, today.Month, 1) ? (long)(monthly * drift * (0.95 + (random.NextDouble() * 0.1))) : 0;
                    }

                    db.FinanceLines.AddRange(budget, forecast, actual);
                    pending += 3;
                }
            }

            if (pending >= BatchSize || u == units.Count - 1)
            {
                db.ChangeTracker.DetectChanges();
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
                pending = 0;
                progress.Report((int)((long)(u + 1) * years / units.Count));
            }
        }

        db.ChangeTracker.AutoDetectChangesEnabled = true;
        await FinanceRollups.RecomputeAsync(db, ct);
    }
}
