using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Finance;
using Steward.Features.Tolerances;
using Steward.Features.Units;
using Steward.Infrastructure;
using Steward.Infrastructure.Registers;

namespace Steward.Features.Benefits;

// A unit's benefits with those of every unit below it, rolled up: worth planned against realised by
// financial year and category, counts by category and status, measurements overdue, and the benefits
// beyond their unit's benefits tolerance with the level each is escalated to. Read from the kept
// tracking rows (BenefitTracking, BenefitYear), never from the profiles and measurements themselves.
public sealed class BenefitRollups(StewardDbContext db, TimeProvider clock)
{
    // The lists of benefits needing attention show this many; the counts are of all of them.
    public const int MaxListed = 100;

    public async Task<BenefitRollupView> ForAsync(UnitView unit, CancellationToken ct = default)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var below = db.IdsUnder(unit.Path);
        var benefits = db.Benefits.AsNoTracking().Where(b => below.Contains(b.UnitId));

        var years = await (from y in db.BenefitYears.AsNoTracking()
                           join b in benefits on y.BenefitId equals b.Id
                           group y by new { y.Year, b.Category } into g
                           select new { g.Key.Year, g.Key.Category, Planned = g.Sum(y => y.Planned), Realised = g.Sum(y => y.Realised ?? 0), Measured = g.Count(y => y.Realised != null) })
            .ToListAsync(ct);
        var counts = await benefits.GroupBy(b => new { b.Category, b.Status })
            .Select(g => new { g.Key.Category, g.Key.Status, Count = g.Count(), Dis = g.Count(b => b.IsDisbenefit) }).ToListAsync(ct);

        // Only benefits being tracked can be overdue or behind.
        var tracked = await (from b in benefits
                             where b.Status == BenefitStatus.Validated || b.Status == BenefitStatus.InRealisation
                             join t in db.BenefitTracking on b.Id equals t.BenefitId into tracking
                             from t in tracking.DefaultIfEmpty()
                             select new
                             {
                                 b.Id, b.Number, b.Title, b.UnitId, b.Status, b.Frequency, b.BaselineDate,
                                 LastMeasuredOn = t == null ? null : t.LastMeasuredOn, Deviation = t == null ? null : t.DeviationPercent,
                             })
            .ToListAsync(ct);
        var overdue = tracked.Select(t => new { t, Due = MeasurementDue.Next(t.Status, t.Frequency, t.LastMeasuredOn, t.BaselineDate) })
            .Where(x => x.Due < today).OrderBy(x => x.Due).ThenBy(x => x.t.Number).ToList();
        var behind = tracked.Where(t => t.Deviation < 0).ToList();

        var unitIds = overdue.Take(MaxListed).Select(x => x.t.UnitId).Concat(behind.Select(t => t.UnitId)).Distinct().ToList();
        var above = UnitPath.Ids(unit.Path);
        var units = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id) || above.Contains(u.Id))
            .Select(u => new { Ref = new UnitRef(u.Id, u.Code, u.Name, u.Kind), u.Path }).ToDictionaryAsync(u => u.Ref.Id, ct);
        var breaches = new List<BenefitToleranceBreach>();
        if (behind.Count > 0)
        {
            // Every unit on the way up from a behind benefit's unit, for its tolerances and for naming who holds it.
            var ladders = units.Values.SelectMany(u => UnitPath.Ids(u.Path)).Distinct().ToList();
            var tolerances = await db.Tolerances.AsNoTracking().Where(t => ladders.Contains(t.UnitId)).ToDictionaryAsync(t => t.UnitId, ct);
            var missing = ladders.Where(id => !units.ContainsKey(id)).ToList();
            foreach (var u in await db.Units.AsNoTracking().Where(u => missing.Contains(u.Id)).Select(u => new { Ref = new UnitRef(u.Id, u.Code, u.Name, u.Kind), u.Path }).ToListAsync(ct))
            {
                units[u.Ref.Id] = u;
            }

            foreach (var b in behind)
            {
                var chain = new ToleranceLadder(UnitPath.Ids(units[b.UnitId].Path), tolerances).For(ToleranceDimension.Benefits);
                if (chain.Judge(b.Deviation!.Value) is { Breached: true, Limit: { } limit } verdict)
                {
                    var heldAt = chain.EscalatesTo(b.Deviation.Value) is { } holder ? units[holder].Ref : null;
                    breaches.Add(new BenefitToleranceBreach(EntryReference.Format(Benefit.ReferencePrefix, b.Number), units[b.UnitId].Ref, b.Title,
                        b.Deviation.Value, limit.Limit, units[limit.SetAt].Ref, verdict.By!.Value, heldAt, b.LastMeasuredOn));
                }
            }
        }

        return new BenefitRollupView(
            counts.Sum(c => c.Count),
            years.GroupBy(y => y.Year).OrderBy(g => g.Key).Select(g => new BenefitYearTotal(
                new FinancialYear(g.Key).ToString(), new Money(g.Sum(y => y.Planned)), new Money(g.Sum(y => y.Realised)), g.Sum(y => y.Measured) > 0,
                g.OrderBy(y => y.Category).Select(y => new BenefitCategoryWorth(EnumText.Of(y.Category), new Money(y.Planned), new Money(y.Realised))).ToList())).ToList(),
            counts.OrderBy(c => c.Category).ThenBy(c => c.Status).Select(c => new BenefitCount(EnumText.Of(c.Category), EnumText.Of(c.Status), c.Count, c.Dis)).ToList(),
            overdue.Count,
            overdue.Take(MaxListed).Select(x => new BenefitDue(EntryReference.Format(Benefit.ReferencePrefix, x.t.Number), units[x.t.UnitId].Ref, x.t.Title, x.Due!.Value, x.t.LastMeasuredOn)).ToList(),
            breaches.OrderBy(b => b.DeviationPercent).ThenBy(b => b.Reference, StringComparer.Ordinal).ToList());
    }
}

// Worth: pence a year reached by the year's end, summed over the benefits that are monetised (dis-benefits
// count against). AnyMeasured: whether any benefit has been measured by then (else Realised is nothing known).
public sealed record BenefitYearTotal(string Year, Money Planned, Money Realised, bool AnyMeasured, IReadOnlyList<BenefitCategoryWorth> ByCategory)
{
    public Money Variance => new(Realised.Pence - Planned.Pence);
}

public sealed record BenefitCategoryWorth(string Category, Money Planned, Money Realised);

public sealed record BenefitCount(string Category, string Status, int Benefits, int Disbenefits);

public sealed record BenefitDue(string Reference, UnitRef Unit, string Title, DateOnly DueOn, DateOnly? LastMeasuredOn);

// A benefit whose latest measurement is further behind its profile than its unit's benefits tolerance
// allows: whose limit it breaks, by how much, and the level above that holds it (none: the top of the tree).
public sealed record BenefitToleranceBreach(
    string Reference, UnitRef Unit, string Title, decimal DeviationPercent, decimal Limit, UnitRef LimitSetAt, decimal By, UnitRef? EscalatedTo, DateOnly? MeasuredOn);

public sealed record BenefitRollupView(
    int Benefits, IReadOnlyList<BenefitYearTotal> Years, IReadOnlyList<BenefitCount> Counts, int OverdueCount, IReadOnlyList<BenefitDue> Overdue,
    IReadOnlyList<BenefitToleranceBreach> Breaches);
