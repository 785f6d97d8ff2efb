using Microsoft.EntityFrameworkCore;
using Npgsql;
using Steward.Data;

namespace Steward.Features.History.Digests;

// Takes a database digest: the chain head of every record as of the newest event, their Merkle root, the
// number of events and the previous digest's hash, signed with the key kept outside the database, stored,
// and written where the administrator chose (DigestPublication).
//
// A digest starts from the one before: its heads are read back, and trusted only if they reproduce its
// signed root; only events written since are read, and each must chain onto the head before it. So a digest
// never blesses a history rewritten since the last one (it refuses, naming the event), and taking one reads
// only what is new. The first digest reads every event once.
public sealed class HistoryDigests(StewardDbContext db, DigestKeys keys, TimeProvider clock)
{
    public async Task<HistoryDigestDocument> TakeAsync(CancellationToken ct = default)
    {
        using var key = keys.SigningKey();
        var previous = await db.HistoryDigests.AsNoTracking().OrderByDescending(d => d.Sequence).FirstOrDefaultAsync(ct);
        var before = previous is null ? null : HistoryDigestDocument.Parse(previous.Document, $"digest {previous.Sequence} in the database");
        var heads = before is null ? [] : await TrustedHeadsAsync(before, ct);

        var cut = await SafeCutAsync(ct);
        if (before is not null && cut < before.LastEventId)
        {
            throw new DigestRefusedException($"the history ends at event {cut}, before the last event digest {before.Sequence} covered ({before.LastEventId}): events have been removed, or the database was put back to an earlier copy");
        }

        var moved = new HashSet<Guid>();
        long added = 0;
        await foreach (var e in HistoryReader.ReadAsync(db, before?.LastEventId, cut, content: false, ct))
        {
            var head = heads.GetValueOrDefault(e.RecordId);
            if (e.PreviousHash != head?.Hash)
            {
                throw new DigestRefusedException(head is null
                    ? $"event {e.Id} ({e.RecordType} {e.RecordId}) points to an earlier event that is missing{Since(before)}"
                    : $"event {e.Id} ({e.RecordType} {e.RecordId}) does not follow event {head.EventId}, the last before it{Since(before)}: the history has been altered");
            }

            heads[e.RecordId] = new ChainHead(e.RecordType, e.RecordId, e.Id, e.Version, e.Hash);
            moved.Add(e.RecordId);
            added++;
        }

        var ordered = ChainHead.InLeafOrder(heads.Values);
        var unsigned = new HistoryDigestDocument(
            HistoryDigestDocument.CurrentFormat, before?.Instance ?? Guid.NewGuid(), (before?.Sequence ?? 0) + 1, Now(), cut,
            (before?.Events ?? 0) + added, ordered.Count, ChainHead.RootOf(ordered), before?.Hash(),
            HistoryDigestDocument.EcdsaP256, DigestKeys.KeyId(key), string.Empty);
        var document = unsigned with { Signature = DigestKeys.Sign(key, unsigned) };

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await StoredHeads.WriteAsync(db, document.Sequence, moved.Select(id => heads[id]), ct);
        db.HistoryDigests.Add(new StoredDigest
        {
            Sequence = document.Sequence, Instance = document.Instance, TakenAt = document.TakenAt, LastEventId = document.LastEventId,
            Events = document.Events, Records = document.Records, Root = document.Root, Previous = document.Previous,
            KeyId = document.KeyId, Document = document.ToJson(),
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            throw new DigestRefusedException($"digest {document.Sequence} was taken at the same moment by another Steward node; this one is not kept") { ByAnotherNode = true };
        }

        await transaction.CommitAsync(ct);
        return document;
    }

    // The previous digest's heads, from the database's copy, trusted only if they give its signed root
    // (and its signature holds where its key is one this node trusts).
    private async Task<Dictionary<Guid, ChainHead>> TrustedHeadsAsync(HistoryDigestDocument before, CancellationToken ct)
    {
        var trusted = keys.TrustedKeys([]);
        try
        {
            if (trusted.TryGetValue(before.KeyId, out var signer) && !DigestKeys.Verifies(signer, before))
            {
                throw new DigestRefusedException($"the database's copy of digest {before.Sequence} does not carry a valid signature: it has been altered");
            }
        }
        finally
        {
            foreach (var k in trusted.Values)
            {
                k.Dispose();
            }
        }

        var heads = await StoredHeads.AtAsync(db, before.Sequence, ct);
        if (heads.Count != before.Records || ChainHead.RootOf(ChainHead.InLeafOrder(heads.Values)) != before.Root)
        {
            throw new DigestRefusedException($"the database's copy of the record heads at digest {before.Sequence} does not give that digest's root: it has been altered");
        }

        return heads;
    }

    // The newest event such that every event before it is written. SQLite has one writer at a time, so the
    // newest committed event is that. PostgreSQL hands out ids before commit, so a writer holding a lower id
    // may still be committing: a SHARE lock waits for every writer of the table to finish (and holds new ones
    // back for this one query).
    private async Task<long> SafeCutAsync(CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (db.Database.GetDbConnection() is NpgsqlConnection)
        {
            await db.Database.ExecuteSqlRawAsync("LOCK TABLE history_events IN SHARE MODE", ct);
        }

        var cut = await db.History.MaxAsync(h => (long?)h.Id, ct) ?? 0;
        await transaction.CommitAsync(ct);
        return cut;
    }

    // PostgreSQL keeps microseconds: a digest's time is kept to what both databases keep.
    private DateTime Now()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return new DateTime(now.Ticks - (now.Ticks % 10), DateTimeKind.Utc);
    }

    private static string Since(HistoryDigestDocument? before) => before is null ? string.Empty : $" (since digest {before.Sequence})";
}

// A digest that cannot honestly be made: the history does not chain on from the last one, or another node took it.
public sealed class DigestRefusedException(string message) : Exception(message)
{
    public bool ByAnotherNode { get; init; }
}
