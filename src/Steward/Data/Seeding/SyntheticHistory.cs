using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Steward.Features.History;
using Steward.Features.Units;

namespace Steward.Data;

// Adds a long past to a synthetic portfolio: chained "updated" events spread over its units, as years
// of forecast changes would leave. Written straight into the history (the benchmark needs millions),
// with each unit's version raised to match its last event so that the audit chain verifies.
public sealed class SyntheticHistory(int events, int seed)
{
    private const int BatchSize = 20_000;

    public async Task SeedAsync(StewardDbContext db, IProgress<int> progress, CancellationToken ct = default)
    {
        var units = await db.Units.AsNoTracking().Select(u => new { u.Id, u.Version, u.ForecastEnd }).ToListAsync(ct);
        if (units.Count == 0 || events == 0)
        {
            return;
        }

        var heads = await db.History.AsNoTracking()
            .GroupBy(h => h.RecordId)
            .Select(g => new { RecordId = g.Key, LastId = g.Max(h => h.Id) })
            .Join(db.History, g => g.LastId, h => h.Id, (g, h) => new { g.RecordId, h.Hash })
            .ToDictionaryAsync(h => h.RecordId, h => h.Hash, ct);
        var state = units.ToDictionary(u => u.Id, u => (Version: u.Version, ForecastEnd: u.ForecastEnd ?? new DateOnly(2027, 3, 31), Hash: heads.GetValueOrDefault(u.Id)));
        var random = new Random(seed);
        var at = new DateTime(2026, 4, 1, 9, 0, 0, DateTimeKind.Utc);
        var batch = new List<HistoryEvent>(BatchSize);
        db.ChangeTracker.AutoDetectChangesEnabled = false;

        for (var i = 0; i < events; i++)
        {
            var id = units[random.Next(units.Count)].Id;
            var (version, forecastEnd, hash) = state[id];
            var moved = forecastEnd.AddDays(random.Next(-20, 60));
            var entry = new HistoryEvent
            {
                RecordType = nameof(DeliveryUnit),
                RecordId = id,
                Action = "updated",
                Actor = "synthetic history",
                Channel = ChangeChannel.Import,
                At = at.AddSeconds(i * 7L),
                Version = version + 1,
                Changes = JsonSerializer.Serialize(new[] { new HistoryChange(nameof(DeliveryUnit.ForecastEnd), forecastEnd.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), moved.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)) }, HistoryJson.Options),
                PreviousHash = hash,
                Hash = string.Empty,
            };
            entry.Hash = HistoryHash.Compute(entry);
            state[id] = (version + 1, moved, entry.Hash);
            batch.Add(entry);
            if (batch.Count == BatchSize || i == events - 1)
            {
                // New rows only, in a transaction: written by COPY on PostgreSQL and one prepared INSERT on
                // SQLite (BulkInsertInterceptor), ten million of them in minutes rather than an hour.
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                using (db.InsertingInBulk())
                {
                    db.History.AddRange(batch);
                    await db.SaveChangesAsync(ct);
                }

                await transaction.CommitAsync(ct);
                db.ChangeTracker.Clear();
                batch.Clear();
                progress.Report(i + 1);
            }
        }

        // The units' versions follow their histories; set directly so no further events are written.
        foreach (var (id, (version, forecastEnd, _)) in state.Where(s => s.Value.Version > 1))
        {
            await db.Units.Where(u => u.Id == id).ExecuteUpdateAsync(s => s.SetProperty(u => u.Version, version).SetProperty(u => u.ForecastEnd, forecastEnd), ct);
        }

        db.ChangeTracker.AutoDetectChangesEnabled = true;
    }
}
