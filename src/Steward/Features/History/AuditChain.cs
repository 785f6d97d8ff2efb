using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Infrastructure;

namespace Steward.Features.History;

// Walks every record's chain of events: each hash must match its content, each event must name the
// hash of the one before it, and the newest event must carry the record's present version. Every live
// record of a kind the history covers (registers, units, people, accounts, roles, plans...) must have a
// chain: a record whose events were all deleted is named.
public sealed class AuditChain(StewardDbContext db, IEnumerable<IAuditedContent> contents)
{
    // One pass in the order events were written (a sequential read), remembering each record's last hash.
    // Reading and hashing overlap: one task reads batches while the hashes of the batch before are worked
    // out on every core; the links are then followed in order, so the first broken one is still the one named.
    public async Task<AuditResult> VerifyAsync(IProgress<long>? progress = null, CancellationToken ct = default) =>
        (await WalkAsync(null, progress, ct)).Result;

    // The same walk, also noting where every chain stood at a digest's last event (cut): the heads a digest
    // taken then would have covered, and how many events there were up to it.
    internal async Task<ChainWalk> WalkAsync(long? cut, IProgress<long>? progress, CancellationToken ct)
    {
        List<Digests.ChainHead>? headsAtCut = null;
        long eventsAtCut = 0;
        var records = await LiveRecordsAsync(ct);
        var heads = new Dictionary<Guid, ChainLink>();
        long checkedEvents = 0;
        var batches = Channel.CreateBounded<List<HistoryEvent>>(2);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var reading = Task.Run(() => ReadInBatchesAsync(batches.Writer, stop.Token), stop.Token);
        try
        {
            await foreach (var batch in batches.Reader.ReadAllAsync(ct))
            {
                var matches = new bool[batch.Count];
                Parallel.For(0, batch.Count, i => matches[i] = HistoryHash.Matches(batch[i]));
                for (var i = 0; i < batch.Count; i++)
                {
                    var current = batch[i];
                    if (cut is { } last && current.Id > last && headsAtCut is null)
                    {
                        (headsAtCut, eventsAtCut) = (HeadsNow(heads), checkedEvents);
                    }

                    if (!matches[i])
                    {
                        return new(AuditResult.Broken(checkedEvents, current, $"event {current.Id} ({current.RecordType} {current.RecordId}, {current.Action} at {current.At:O}) does not match its hash: it has been altered"));
                    }

                    var known = heads.TryGetValue(current.RecordId, out var previous);
                    if (current.PreviousHash != (known ? previous.Hash : null))
                    {
                        return new(AuditResult.Broken(checkedEvents, current, !known
                            ? $"event {current.Id} ({current.RecordType} {current.RecordId}) points to an earlier event that is missing"
                            : $"event {current.Id} ({current.RecordType} {current.RecordId}) does not follow event {previous.Id}: an event between them has been removed or altered"));
                    }

                    // Keep only what the next link needs, so a long history does not fill memory.
                    heads[current.RecordId] = new ChainLink(current.RecordType, current.Id, current.Version, current.Hash);
                    if (++checkedEvents % 100_000 == 0)
                    {
                        progress?.Report(checkedEvents);
                    }
                }
            }

            await reading;
            if (cut is not null && headsAtCut is null)
            {
                (headsAtCut, eventsAtCut) = (HeadsNow(heads), checkedEvents);
            }
        }
        finally
        {
            // A broken link ends the walk early: the reader stops too, and its end is awaited so the
            // connection is closed before this returns.
            await stop.CancelAsync();
            await reading.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        }

        var unchained = records.Where(r => !heads.ContainsKey(r.Key)).OrderBy(r => r.Value.Type, StringComparer.Ordinal).ThenBy(r => r.Key).ToList();
        if (unchained.Count > 0)
        {
            var (id, (type, _)) = (unchained[0].Key, unchained[0].Value);
            var more = unchained.Count == 1 ? string.Empty : $" ({unchained.Count - 1:N0} more records have none either)";
            return new(AuditResult.Broken(checkedEvents, $"{type} {id} has no history: its events have been removed{more}"), headsAtCut, eventsAtCut);
        }

        foreach (var (recordId, newest) in heads.OrderBy(h => h.Value.Id))
        {
            if (EndsEarly(recordId, newest, records) is { } ending)
            {
                return new(ending with { EventsChecked = checkedEvents }, headsAtCut, eventsAtCut);
            }
        }

        // The chain holds; then what it covers by digest (report snapshots) must still match.
        foreach (var content in contents)
        {
            if (await content.FirstAlteredAsync(ct) is { } altered)
            {
                return new(AuditResult.Broken(checkedEvents, $"{content.What}: {altered}"), headsAtCut, eventsAtCut);
            }
        }

        return new(AuditResult.Intact(checkedEvents), headsAtCut, eventsAtCut);
    }

    private static List<Digests.ChainHead> HeadsNow(Dictionary<Guid, ChainLink> heads) =>
        heads.Select(h => new Digests.ChainHead(h.Value.RecordType, h.Key, h.Value.Id, h.Value.Version, h.Value.Hash)).ToList();

    // A record's newest event so far: what the next link needs.
    private readonly record struct ChainLink(string RecordType, long Id, int? Version, string Hash);

    private async Task ReadInBatchesAsync(ChannelWriter<List<HistoryEvent>> batches, CancellationToken ct)
    {
        const int size = 8192;
        Exception? failure = null;
        try
        {
            var batch = new List<HistoryEvent>(size);
            await foreach (var current in HistoryReader.ReadAsync(db, null, null, content: true, ct))
            {
                batch.Add(current);
                if (batch.Count == size)
                {
                    await batches.WriteAsync(batch, ct);
                    batch = new List<HistoryEvent>(size);
                }
            }

            if (batch.Count > 0)
            {
                await batches.WriteAsync(batch, ct);
            }
        }
        catch (Exception e)
        {
            failure = e;
            throw;
        }
        finally
        {
            batches.TryComplete(failure);
        }
    }

    private static AuditResult? EndsEarly(Guid recordId, ChainLink newest, Dictionary<Guid, LiveRecord> records) =>
        records.TryGetValue(recordId, out var record) && record.Version is { } version && newest.Version is { } recorded && recorded != version
            ? new AuditResult(false, 0, newest.Id, $"{newest.RecordType} {recordId} is at version {version} but its history ends at version {recorded} (event {newest.Id}): later events are missing")
            : null;

    // Every live record of a kind the history covers (HistoryInterceptor.Covers), with its present version
    // where it has one, read from each table the model maps.
    private async Task<Dictionary<Guid, LiveRecord>> LiveRecordsAsync(CancellationToken ct)
    {
        var records = new Dictionary<Guid, LiveRecord>();
        foreach (var type in db.Model.GetEntityTypes().Where(t => !t.IsOwned() && HistoryInterceptor.Covers(t)))
        {
            var name = type.ClrType.Name;
            var versioned = typeof(IVersionedRecord).IsAssignableFrom(type.ClrType);
            var sql = $"SELECT {Quote("Id")} AS {Quote("Id")}, {(versioned ? Quote("Version") : "CAST(NULL AS INTEGER)")} AS {Quote("Version")} FROM {Quote(type.GetTableName()!)}";
            await foreach (var row in db.Database.SqlQueryRaw<RecordVersion>(sql).AsAsyncEnumerable().WithCancellation(ct))
            {
                records[row.Id] = new LiveRecord(name, row.Version);
            }
        }

        return records;
    }

    private static string Quote(string name) => $"\"{name}\"";

    private sealed record RecordVersion(Guid Id, int? Version);

    private readonly record struct LiveRecord(string Type, int? Version);
}

// What a walk found, and the chain heads and event count at a digest's cut when one was asked for.
internal sealed record ChainWalk(AuditResult Result, List<Digests.ChainHead>? HeadsAtCut = null, long EventsAtCut = 0);

public sealed record AuditResult(bool IsIntact, long EventsChecked, long? BrokenEventId, string? Problem)
{
    public static AuditResult Intact(long events) => new(true, events, null, null);

    public static AuditResult Broken(long events, HistoryEvent at, string problem) => new(false, events, at.Id, problem);

    // A problem no one event shows: a record with no history at all.
    public static AuditResult Broken(long events, string problem) => new(false, events, null, problem);
}
