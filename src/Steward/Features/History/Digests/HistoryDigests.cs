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
// only what is new. The first digest asks the database for each record's newest event.
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

        HashSet<Guid>? moved = null; // null: every head is new
        long added;
        if (before is null)
        {
            (heads, added) = await NewestEventsAsync(cut, ct);
        }
        else
        {
            (moved, added) = await ChainOnAsync(heads, before, cut, ct);
        }

        var ordered = ChainHead.InLeafOrder(heads.Values);
        var unsigned = new HistoryDigestDocument(
            HistoryDigestDocument.CurrentFormat, before?.Instance ?? Guid.NewGuid(), (before?.Sequence ?? 0) + 1, Now(), cut,
            (before?.Events ?? 0) + added, ordered.Count, ChainHead.RootOf(ordered), before?.Hash(),
            HistoryDigestDocument.EcdsaP256, DigestKeys.KeyId(key), string.Empty);
        var document = unsigned with { Signature = DigestKeys.Sign(key, unsigned) };

        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            // In leaf order, which is the order of the heads' primary key: each row lands beside the one before.
            await StoredHeads.WriteAsync(db, document.Sequence, moved is null ? ordered : ordered.Where(h => moved.Contains(h.RecordId)), ct);
            db.HistoryDigests.Add(new StoredDigest
            {
                Sequence = document.Sequence, Instance = document.Instance, TakenAt = document.TakenAt, LastEventId = document.LastEventId,
                Events = document.Events, Records = document.Records, Root = document.Root, Previous = document.Previous,
                KeyId = document.KeyId, Document = document.ToJson(),
            });
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (Exception e) when (e is DbUpdateException or System.Data.Common.DbException)
        {
            db.ChangeTracker.Clear();
            if (await db.HistoryDigests.AnyAsync(d => d.Sequence == document.Sequence, ct))
            {
                throw new DigestRefusedException($"digest {document.Sequence} was taken at the same moment by another Steward node; this one is not kept") { ByAnotherNode = true };
            }

            throw;
        }

        return document;
    }

    // Every event written since the last digest, each of which must follow the head before it.
    private async Task<(HashSet<Guid> Moved, long Added)> ChainOnAsync(Dictionary<Guid, ChainHead> heads, HistoryDigestDocument before, long cut, CancellationToken ct)
    {
        var moved = new HashSet<Guid>();
        long added = 0;
        await foreach (var e in HistoryReader.ReadAsync(db, before.LastEventId, cut, content: false, ct))
        {
            var head = heads.GetValueOrDefault(e.RecordId);
            if (e.PreviousHash != head?.Hash)
            {
                throw new DigestRefusedException(head is null
                    ? $"event {e.Id} ({e.RecordType} {e.RecordId}) points to an earlier event that is missing (since digest {before.Sequence})"
                    : $"event {e.Id} ({e.RecordType} {e.RecordId}) does not follow event {head.EventId}, the last before it (since digest {before.Sequence}): the history has been altered");
            }

            heads[e.RecordId] = new ChainHead(e.RecordType, e.RecordId, e.Id, e.Version, e.Hash);
            moved.Add(e.RecordId);
            added++;
        }

        return (moved, added);
    }

    // The first digest: each record's newest event up to the cut, found by the database from its index on
    // (record, id) rather than by reading ten million events here. Whether the events before it are
    // unaltered and chained is for verification to say; from now on each digest checks what it adds.
    private async Task<(Dictionary<Guid, ChainHead> Heads, long Events)> NewestEventsAsync(long cut, CancellationToken ct)
    {
        var events = await db.History.LongCountAsync(h => h.Id <= cut, ct);
        var heads = new Dictionary<Guid, ChainHead>();
        var types = new RecordTypeNames();
        var sql = "SELECT h.\"RecordId\", h.\"RecordType\", h.\"Id\", h.\"Version\", h.\"Hash\" FROM history_events h " +
            $"JOIN (SELECT MAX(\"Id\") AS \"Last\" FROM history_events WHERE \"Id\" <= {cut} GROUP BY \"RecordId\") newest ON h.\"Id\" = newest.\"Last\"";
        await foreach (var row in HistoryReader.RowsAsync(db, sql, ct))
        {
            var head = ChainHead.Read(row, types);
            heads[head.RecordId] = head;
        }

        return (heads, events);
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
    // may still be committing: a SHARE lock waits for every writer of the table to finish, and holds new ones
    // back for this one query. Writers queue behind a lock that waits, so it waits at most a second: behind a
    // long import the digest is put off to the next time rather than stopping everyone's saves.
    private async Task<long> SafeCutAsync(CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (db.Database.GetDbConnection() is NpgsqlConnection)
        {
            await db.Database.ExecuteSqlRawAsync("SET LOCAL lock_timeout = '1s'", ct);
            try
            {
                await db.Database.ExecuteSqlRawAsync("LOCK TABLE history_events IN SHARE MODE", ct);
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.LockNotAvailable)
            {
                throw new DigestRefusedException("a long write to the history was still running after a second; the digest is put off to the next time") { PutOff = true };
            }
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

}

// A digest that cannot honestly be made: the history does not chain on from the last one, or another node took it.
public sealed class DigestRefusedException(string message) : Exception(message)
{
    public bool ByAnotherNode { get; init; }

    // Not taken for now, for a reason that says nothing about tampering: try again later.
    public bool PutOff { get; init; }
}
