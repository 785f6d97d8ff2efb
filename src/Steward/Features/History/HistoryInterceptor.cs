using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata;
using Steward.Data;
using Steward.Infrastructure;

namespace Steward.Features.History;

// The one place history is written: every record added or changed in any SaveChanges gets an event,
// so a new register is recorded without a line of its own. Runs after VersionStampInterceptor.
internal sealed class HistoryInterceptor(TimeProvider clock) : SaveChangesInterceptor
{
    private static readonly HashSet<string> Unrecorded = [nameof(IVersionedRecord.Version), nameof(IVersionedRecord.CreatedAt), nameof(IVersionedRecord.UpdatedAt)];

    // Steward's own code saves asynchronously; libraries such as the data-protection key store do not.
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is StewardDbContext db)
        {
            Record(db, (ids, _) => Task.FromResult(LatestHashes(db, ids).ToDictionary(h => h.RecordId, h => h.Hash)), CancellationToken.None).GetAwaiter().GetResult();
        }

        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is StewardDbContext db)
        {
            await Record(db, (ids, ct) => LatestHashes(db, ids).ToDictionaryAsync(h => h.RecordId, h => h.Hash, ct), cancellationToken);
        }

        return result;
    }

    // A save that failed (a unique index caught a duplicate number, say) may be tried again: the events
    // written for it must go, or the retry would record the change twice.
    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Withdraw(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Withdraw(eventData.Context);
        return Task.CompletedTask;
    }

    private static void Withdraw(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        foreach (var entry in context.ChangeTracker.Entries<HistoryEvent>().Where(e => e.State == EntityState.Added).ToList())
        {
            entry.State = EntityState.Detached;
        }
    }

    // The newest event of each record, in one query for the whole save: a plan import that changes
    // thousands of tasks and links no longer asks once per row.
    private static IQueryable<LatestHash> LatestHashes(StewardDbContext db, List<Guid> recordIds)
    {
        var newest = db.History.Where(h => recordIds.Contains(h.RecordId)).GroupBy(h => h.RecordId).Select(g => g.Max(h => h.Id));
        return db.History.Where(h => newest.Contains(h.Id)).Select(h => new LatestHash(h.RecordId, h.Hash));
    }

    private sealed record LatestHash(Guid RecordId, string Hash);

    private async Task Record(StewardDbContext db, Func<List<Guid>, CancellationToken, Task<Dictionary<Guid, string>>> latestHashes, CancellationToken ct)
    {
        var who = db.ChangeContext;
        var now = clock.GetUtcNow().UtcDateTime;
        // PostgreSQL keeps microseconds: store only what both databases keep, or the hash would not survive.
        var at = new DateTime(now.Ticks - (now.Ticks % 10), DateTimeKind.Utc);
        var entries = db.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && e.Entity is not HistoryEvent)
            .Where(e => e.Metadata.FindProperty("Id")?.ClrType == typeof(Guid))
            .ToList();

        var changed = entries.Where(e => e.State != EntityState.Added).Select(e => (Guid)e.Property("Id").CurrentValue!).ToList();
        var previousHashes = changed.Count == 0 ? [] : await latestHashes(changed, ct);
        foreach (var entry in entries)
        {
            // A record touched for a change to its children (a board whose members changed) has a new
            // version and no field of its own changed: it still gets an event, or its chain would end at a
            // version older than the record's and `steward audit verify` would call that tampering.
            // A new record of a kind the history covers always starts its chain, even with every recorded
            // field empty, so that `steward audit verify` can ask every live record for its history.
            var changes = Changes(entry);
            if (changes.Count == 0 && entry.State == EntityState.Modified && !VersionMoved(entry))
            {
                continue;
            }

            if (entry.State == EntityState.Added && !Covers(entry.Metadata))
            {
                continue;
            }

            var recordId = (Guid)entry.Property("Id").CurrentValue!;
            var previous = entry.State == EntityState.Added ? null : previousHashes.GetValueOrDefault(recordId);
            var history = new HistoryEvent
            {
                RecordType = entry.Metadata.ClrType.Name,
                RecordId = recordId,
                Action = ActionOf(entry, changes),
                Actor = who.Actor,
                Channel = who.Channel,
                At = at,
                Version = (entry.Entity as IVersionedRecord)?.Version,
                Changes = JsonSerializer.Serialize(changes, HistoryJson.Options),
                PreviousHash = previous,
                Hash = string.Empty,
            };
            history.Hash = HistoryHash.Compute(history);
            db.History.Add(history);
        }
    }

    // The kinds of record the history covers: those with a Guid id and at least one field it records. A
    // plan baseline's task rows are not: every field is a copy of the schedule (derived), and the baseline
    // they belong to records who set it and why.
    internal static bool Covers(IReadOnlyEntityType type) =>
        type.ClrType != typeof(HistoryEvent) && type.FindProperty("Id")?.ClrType == typeof(Guid) && type.GetProperties().Any(IsRecorded);

    private static bool IsRecorded(IReadOnlyProperty property) =>
        !property.IsPrimaryKey() && !Unrecorded.Contains(property.Name) && property.FindAnnotation(HistoryAnnotations.Derived) is null
        && property.FindAnnotation(HistoryAnnotations.CoveredByDigest) is null;

    private static bool VersionMoved(EntityEntry entry) =>
        entry.Entity is IVersionedRecord && entry.Property(nameof(IVersionedRecord.Version)) is { IsModified: true } version && !Equals(version.OriginalValue, version.CurrentValue);

    // Created: every field set. Updated: each field from → to. Deleted (a board member removed, a plan task
    // taken out): every field it had, to nothing, so what was removed can still be read.
    private static List<HistoryChange> Changes(EntityEntry entry) => entry.Properties
        .Where(p => IsRecorded(p.Metadata))
        .Where(p => entry.State switch
        {
            EntityState.Added => p.CurrentValue is not null,
            EntityState.Deleted => p.OriginalValue is not null,
            _ => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue),
        })
        .Select(p => p.Metadata.FindAnnotation(HistoryAnnotations.Hidden) is null
            ? new HistoryChange(p.Metadata.Name, entry.State == EntityState.Added ? null : Text(p.OriginalValue), entry.State == EntityState.Deleted ? null : Text(p.CurrentValue))
            : new HistoryChange(p.Metadata.Name, entry.State == EntityState.Added ? null : "(hidden)", entry.State == EntityState.Deleted ? null : "(hidden)"))
        .ToList();

    private static string ActionOf(EntityEntry entry, List<HistoryChange> changes)
    {
        if (entry.State == EntityState.Added)
        {
            return "created";
        }

        if (entry.State == EntityState.Deleted)
        {
            return "deleted";
        }

        var status = changes.FirstOrDefault(c => c.Field == "Status")?.To;
        return status switch
        {
            "Closed" => "closed",
            "Archived" => "archived",
            _ when changes.Any(c => c.Field == "ParentId") => "moved",
            _ when changes.Any(c => c.Field == "RevokedAt" && c.To is not null) => "revoked",
            _ => "updated",
        };
    }

    private static string? Text(object? value) => value switch
    {
        null => null,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("O", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
