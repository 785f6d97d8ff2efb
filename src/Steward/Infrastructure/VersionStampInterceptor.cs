using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Steward.Infrastructure;

// Versions and timestamps are stamped here once, so no feature can forget to bump them.
internal sealed class VersionStampInterceptor(TimeProvider clock) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Stamp(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Stamp(eventData.Context);
        return ValueTask.FromResult(result);
    }

    // A change only to fields worked out from others (a task's scheduled dates) is not an edit: it must
    // not make someone's open form stale.
    // (A record marked modified with no field changed is a parent touched for a change to its children.)
    private static bool OnlyDerivedChanged(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry entry)
    {
        var modified = entry.Properties.Where(p => p.IsModified).ToList();
        return modified.Count > 0 && modified.All(p => p.Metadata.FindAnnotation(Features.History.HistoryAnnotations.Derived) is not null);
    }

    private void Stamp(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var entry in context.ChangeTracker.Entries<IVersionedRecord>())
        {
            // Set through the entry, not the entity: StewardDbContext detects changes once, before the
            // interceptors, so a value set on the entity here would not be seen as changed.
            if (entry.State == EntityState.Added)
            {
                entry.Property(nameof(IVersionedRecord.Version)).CurrentValue = 1;
                entry.Property(nameof(IVersionedRecord.CreatedAt)).CurrentValue = now;
                entry.Property(nameof(IVersionedRecord.UpdatedAt)).CurrentValue = now;
            }
            else if (entry.State == EntityState.Modified && !OnlyDerivedChanged(entry))
            {
                entry.Property(nameof(IVersionedRecord.Version)).CurrentValue = entry.Entity.Version + 1;
                entry.Property(nameof(IVersionedRecord.UpdatedAt)).CurrentValue = now;
            }
        }
    }
}
