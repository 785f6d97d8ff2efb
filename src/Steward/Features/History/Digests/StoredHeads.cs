using Microsoft.EntityFrameworkCore;
using Steward.Data;

namespace Steward.Features.History.Digests;

// The database's copy of each record's chain head at a digest (see StoredChainHead).
internal static class StoredHeads
{
    private const int Batch = 20_000;

    // Per record, the newest head written at or before the digest.
    public static async Task<Dictionary<Guid, ChainHead>> AtAsync(StewardDbContext db, long sequence, CancellationToken ct)
    {
        var heads = new Dictionary<Guid, (long Sequence, ChainHead Head)>();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT \"RecordId\", \"DigestSequence\", \"RecordType\", \"EventId\", \"Version\", \"Hash\" FROM history_digest_heads " +
                $"WHERE \"DigestSequence\" <= {sequence}";
            command.CommandTimeout = 0;
            await using var reader = await command.ExecuteReaderAsync(ct);
            var types = new Dictionary<string, string>(StringComparer.Ordinal);
            while (await reader.ReadAsync(ct))
            {
                var id = reader.GetGuid(0);
                var at = reader.GetInt64(1);
                if (heads.TryGetValue(id, out var known) && known.Sequence > at)
                {
                    continue;
                }

                var type = reader.GetString(2);
                if (!types.TryGetValue(type, out var shared))
                {
                    types[type] = shared = type;
                }

                heads[id] = (at, new ChainHead(shared, id, reader.GetInt64(3), reader.IsDBNull(4) ? null : reader.GetInt32(4), reader.GetString(5)));
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        return heads.ToDictionary(h => h.Key, h => h.Value.Head);
    }

    // Within the caller's transaction, in batches (COPY on PostgreSQL, one prepared INSERT on SQLite), so
    // the first digest of a long history does not hold a million rows in the change tracker.
    public static async Task WriteAsync(StewardDbContext db, long sequence, IEnumerable<ChainHead> heads, CancellationToken ct)
    {
        using var bulk = db.InsertingInBulk();
        foreach (var chunk in heads.Chunk(Batch))
        {
            db.DigestHeads.AddRange(chunk.Select(h => new StoredChainHead
            {
                DigestSequence = sequence, RecordId = h.RecordId, RecordType = h.RecordType, EventId = h.EventId, Version = h.Version, Hash = h.Hash,
            }));
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
    }
}
