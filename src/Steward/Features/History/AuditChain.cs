using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Infrastructure;

namespace Steward.Features.History;

// Walks every record's chain of events: each hash must match its content, each event must name the
// hash of the one before it, and the newest event must carry the record's present version.
public sealed class AuditChain(StewardDbContext db)
{
    public async Task<AuditResult> VerifyAsync(IProgress<long>? progress = null, CancellationToken ct = default)
    {
        var versions = await CurrentVersionsAsync(ct);
        long checkedEvents = 0;
        HistoryEvent? previous = null;
        var events = db.History.AsNoTracking().OrderBy(e => e.RecordId).ThenBy(e => e.Id).AsAsyncEnumerable();
        await foreach (var current in events.WithCancellation(ct))
        {
            var sameRecord = previous is not null && previous.RecordId == current.RecordId;
            if (!sameRecord && previous is not null && EndsEarly(previous, versions) is { } ending)
            {
                return ending;
            }

            if (HistoryHash.Compute(current) != current.Hash)
            {
                return AuditResult.Broken(checkedEvents, current, $"event {current.Id} ({current.RecordType} {current.RecordId}, {current.Action} at {current.At:O}) does not match its hash: it has been altered");
            }

            var expectedPrevious = sameRecord ? previous!.Hash : null;
            if (current.PreviousHash != expectedPrevious)
            {
                return AuditResult.Broken(checkedEvents, current, expectedPrevious is null
                    ? $"event {current.Id} ({current.RecordType} {current.RecordId}) points to an earlier event that is missing"
                    : $"event {current.Id} ({current.RecordType} {current.RecordId}) does not follow event {previous!.Id}: an event between them has been removed or altered");
            }

            previous = current;
            if (++checkedEvents % 50_000 == 0)
            {
                progress?.Report(checkedEvents);
            }
        }

        return previous is not null && EndsEarly(previous, versions) is { } last ? last : AuditResult.Intact(checkedEvents);
    }

    private static AuditResult? EndsEarly(HistoryEvent newest, Dictionary<Guid, int> versions) =>
        versions.TryGetValue(newest.RecordId, out var version) && newest.Version is { } recorded && recorded != version
            ? AuditResult.Broken(0, newest, $"{newest.RecordType} {newest.RecordId} is at version {version} but its history ends at version {recorded} (event {newest.Id}): later events are missing")
            : null;

    // Present versions of every versioned record, read from each table the model maps.
    private async Task<Dictionary<Guid, int>> CurrentVersionsAsync(CancellationToken ct)
    {
        var versions = new Dictionary<Guid, int>();
        foreach (var type in db.Model.GetEntityTypes().Where(t => typeof(IVersionedRecord).IsAssignableFrom(t.ClrType) && t.FindProperty("Id")?.ClrType == typeof(Guid)))
        {
            var table = type.GetTableName()!;
            var sql = $"SELECT {Quote("Id")} AS {Quote("Id")}, {Quote("Version")} AS {Quote("Version")} FROM {Quote(table)}";
            await foreach (var row in db.Database.SqlQueryRaw<RecordVersion>(sql).AsAsyncEnumerable().WithCancellation(ct))
            {
                versions[row.Id] = row.Version;
            }
        }

        return versions;
    }

    private static string Quote(string name) => $"\"{name}\"";

    private sealed record RecordVersion(Guid Id, int Version);
}

public sealed record AuditResult(bool IsIntact, long EventsChecked, long? BrokenEventId, string? Problem)
{
    public static AuditResult Intact(long events) => new(true, events, null, null);

    public static AuditResult Broken(long events, HistoryEvent at, string problem) => new(false, events, at.Id, problem);
}
