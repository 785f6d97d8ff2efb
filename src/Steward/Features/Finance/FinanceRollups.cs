using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Steward.Data;
using Steward.Features.History;
using Steward.Features.Units;

namespace Steward.Features.Finance;

// A unit's money with everything below it, by layer, category and year: the sum of the current lines of
// the unit and every unit under it. Kept by the write path (FinanceRollups.ApplyAsync, before each save
// that changes lines), so a finance page reads a few dozen rows however large the tree below it; a test
// checks them against a recomputation from the lines. Deltas are added by the database (an upsert), inside
// the transaction of the save they belong to.
public sealed class FinanceRollup : MonthlyAmounts
{
    public Guid Id { get; set; }
    public Guid UnitId { get; set; }
    public FinanceLayer Layer { get; set; }
    public SpendingCategory Category { get; set; }
    public int Year { get; set; }
}

internal sealed class FinanceRollupConfiguration : IEntityTypeConfiguration<FinanceRollup>
{
    public void Configure(EntityTypeBuilder<FinanceRollup> rollup)
    {
        rollup.ToTable("finance_rollups");
        rollup.HasKey(r => r.Id);
        rollup.HasIndex(r => new { r.UnitId, r.Layer, r.Category, r.Year }).IsUnique();
        rollup.HasOne<DeliveryUnit>().WithMany().HasForeignKey(r => r.UnitId);
        rollup.Ignore(r => r.Total);
        // Worked out from the lines, whose history says what changed: the sums have none of their own.
        foreach (var property in rollup.Metadata.GetProperties().Where(p => !p.IsPrimaryKey()))
        {
            property.SetAnnotation(HistoryAnnotations.Derived, true);
        }
    }
}

public static class FinanceRollups
{
    // The changes to lines waiting to be saved, added to the roll-ups of each line's unit and every unit
    // above it. A line counts while it is current: a budget line replaced by a new baseline leaves them.
    public static async Task ApplyAsync(StewardDbContext db, CancellationToken ct)
    {
        db.ChangeTracker.DetectChanges();
        var deltas = new Dictionary<(Guid Unit, FinanceLayer Layer, SpendingCategory Category, int Year), long[]>();
        foreach (var entry in db.ChangeTracker.Entries<FinanceLine>().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted))
        {
            var line = entry.Entity;
            var before = entry.State != EntityState.Added && (bool)entry.Property(nameof(FinanceLine.Current)).OriginalValue!;
            var after = entry.State != EntityState.Deleted && line.Current;
            var delta = new long[FinancialYear.Periods];
            var any = false;
            for (var p = 1; p <= FinancialYear.Periods; p++)
            {
                var was = before ? (long)entry.Property($"P{p}").OriginalValue! : 0;
                var now = after ? line[p] : 0;
                delta[p - 1] = now - was;
                any |= delta[p - 1] != 0;
            }

            if (any)
            {
                var key = (line.UnitId, line.Layer, line.Category, line.Year);
                if (deltas.TryGetValue(key, out var sum))
                {
                    for (var i = 0; i < sum.Length; i++)
                    {
                        sum[i] += delta[i];
                    }
                }
                else
                {
                    deltas[key] = delta;
                }
            }
        }

        if (deltas.Count == 0)
        {
            return;
        }

        var unitIds = deltas.Keys.Select(k => k.Unit).Distinct().ToList();
        var paths = new Dictionary<Guid, string>();
        foreach (var chunk in unitIds.Chunk(1000))
        {
            foreach (var unit in await db.Units.AsNoTracking().Where(u => chunk.Contains(u.Id)).Select(u => new { u.Id, u.Path }).ToListAsync(ct))
            {
                paths[unit.Id] = unit.Path;
            }
        }

        var upward = new Dictionary<(Guid Unit, FinanceLayer Layer, SpendingCategory Category, int Year), long[]>();
        foreach (var ((unit, layer, category, year), delta) in deltas)
        {
            foreach (var level in UnitPath.Ids(paths[unit]))
            {
                var key = (level, layer, category, year);
                if (!upward.TryGetValue(key, out var sum))
                {
                    upward[key] = sum = new long[FinancialYear.Periods];
                }

                for (var i = 0; i < sum.Length; i++)
                {
                    sum[i] += delta[i];
                }
            }
        }

        // Added in the database, not read and written back: two saves under the same programme at once
        // must both count. Call inside the save's transaction, so a save that fails takes these with it.
        // Enums are stored by name (StewardDbContext's convention), so they are sent as their names.
        // In one order everywhere, so two saves locking the same rows on PostgreSQL wait for each other
        // instead of deadlocking.
        foreach (var ((unit, layer, category, year), d) in upward.OrderBy(u => u.Key.Unit).ThenBy(u => u.Key.Layer).ThenBy(u => u.Key.Category).ThenBy(u => u.Key.Year))
        {
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO finance_rollups ("Id", "UnitId", "Layer", "Category", "Year", "P1", "P2", "P3", "P4", "P5", "P6", "P7", "P8", "P9", "P10", "P11", "P12")
                VALUES ({Guid.CreateVersion7()}, {unit}, {layer.ToString()}, {category.ToString()}, {year}, {d[0]}, {d[1]}, {d[2]}, {d[3]}, {d[4]}, {d[5]}, {d[6]}, {d[7]}, {d[8]}, {d[9]}, {d[10]}, {d[11]})
                ON CONFLICT ("UnitId", "Layer", "Category", "Year") DO UPDATE SET
                "P1" = finance_rollups."P1" + excluded."P1", "P2" = finance_rollups."P2" + excluded."P2", "P3" = finance_rollups."P3" + excluded."P3",
                "P4" = finance_rollups."P4" + excluded."P4", "P5" = finance_rollups."P5" + excluded."P5", "P6" = finance_rollups."P6" + excluded."P6",
                "P7" = finance_rollups."P7" + excluded."P7", "P8" = finance_rollups."P8" + excluded."P8", "P9" = finance_rollups."P9" + excluded."P9",
                "P10" = finance_rollups."P10" + excluded."P10", "P11" = finance_rollups."P11" + excluded."P11", "P12" = finance_rollups."P12" + excluded."P12"
                """, ct);
        }
    }

    // Every roll-up worked out again from the lines: after a unit moves in the tree (its old and new
    // levels above both change) and after a bulk load. Reads every current line once.
    public static async Task RecomputeAsync(StewardDbContext db, CancellationToken ct)
    {
        var sums = await Recomputed(db, ct);
        await db.FinanceRollups.ExecuteDeleteAsync(ct);
        foreach (var chunk in sums.Chunk(20_000))
        {
            foreach (var ((unit, layer, category, year), months) in chunk)
            {
                var rollup = new FinanceRollup { Id = Guid.CreateVersion7(), UnitId = unit, Layer = layer, Category = category, Year = year };
                for (var p = 1; p <= FinancialYear.Periods; p++)
                {
                    rollup[p] = months[p - 1];
                }

                db.FinanceRollups.Add(rollup);
            }

            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
    }

    // What the roll-ups should be, from the lines: for the check and for RecomputeAsync.
    public static async Task<Dictionary<(Guid Unit, FinanceLayer Layer, SpendingCategory Category, int Year), long[]>> Recomputed(StewardDbContext db, CancellationToken ct)
    {
        var paths = await db.Units.AsNoTracking().Select(u => new { u.Id, u.Path }).ToDictionaryAsync(u => u.Id, u => u.Path, ct);
        var sums = new Dictionary<(Guid, FinanceLayer, SpendingCategory, int), long[]>();
        await foreach (var line in db.FinanceLines.AsNoTracking().Where(l => l.Current).AsAsyncEnumerable().WithCancellation(ct))
        {
            foreach (var level in UnitPath.Ids(paths[line.UnitId]))
            {
                var key = (level, line.Layer, line.Category, line.Year);
                if (!sums.TryGetValue(key, out var months))
                {
                    sums[key] = months = new long[FinancialYear.Periods];
                }

                for (var p = 1; p <= FinancialYear.Periods; p++)
                {
                    months[p - 1] += line[p];
                }
            }
        }

        return sums;
    }
}

// A unit moved: the levels above it before and after both change, so the roll-ups are worked out again.
internal sealed class FinanceRollupLevels(StewardDbContext db) : ISubtreeMoveFollower
{
    public async Task FollowAsync(string movedPath, CancellationToken ct)
    {
        if (await db.FinanceLines.AnyAsync(ct))
        {
            await FinanceRollups.RecomputeAsync(db, ct);
        }
    }
}
