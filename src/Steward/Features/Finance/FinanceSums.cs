using Microsoft.EntityFrameworkCore;
using Steward.Data;

namespace Steward.Features.Finance;

// The shapes the finance views are made of: a layer's money in one category and year, month by month
// (from the roll-ups), and the current lines of a subtree (for downloads).
internal static class FinanceSums
{
    // One layer's money in one category and year across a subtree, month by month.
    public sealed record MonthlySum(FinanceLayer Layer, SpendingCategory Category, int Year, long[] Months);

    public static IQueryable<FinanceLine> CurrentLines(StewardDbContext db, IQueryable<Guid> units, SpendingCategory? category)
    {
        var lines = db.FinanceLines.AsNoTracking().Where(l => l.Current && units.Contains(l.UnitId));
        return category is { } c ? lines.Where(l => l.Category == c) : lines;
    }
}
