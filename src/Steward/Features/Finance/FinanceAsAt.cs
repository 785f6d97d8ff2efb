using Microsoft.EntityFrameworkCore;
using Steward.Data;

namespace Steward.Features.Finance;

// A unit's money (with everything below it) for a financial year and its whole life, as the finance page
// reads it on a given day, for returns (GMPP): null for a unit with no money recorded at all.
public sealed class FinanceAsAt(StewardDbContext db)
{
    public async Task<Dictionary<Guid, (FinancePosition Year, FinancePosition WholeLife)>> ForAsync(IReadOnlyCollection<Guid> unitIds, FinancialYear year, DateOnly asAt, CancellationToken ct = default)
    {
        var ids = unitIds.ToList();
        var rollups = await db.FinanceRollups.AsNoTracking().Where(r => ids.Contains(r.UnitId)).ToListAsync(ct);
        return rollups.GroupBy(r => r.UnitId).ToDictionary(g => g.Key, g => FinanceQueries.Positions(
            g.Select(r => new FinanceSums.MonthlySum(r.Layer, r.Category, r.Year, Enumerable.Range(1, FinancialYear.Periods).Select(p => r[p]).ToArray())), year, asAt));
    }
}
