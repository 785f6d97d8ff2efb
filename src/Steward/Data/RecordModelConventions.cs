using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Steward.Infrastructure;

namespace Steward.Data;

// What holds for every record of Steward's own, so no entity configuration repeats it (and none can
// forget it): a versioned record's version is its concurrency token (the ETag and the lost-update guard);
// a numbered record's number is unique (R-0042 names one risk); and nothing is deleted from under
// another record: a foreign key restricts deletes unless its configuration says the children go with
// their parent (a board's members, a plan's tasks).
internal static class RecordModelConventions
{
    public static void ApplyRecordConventions(this ModelBuilder builder)
    {
        var own = typeof(StewardDbContext).Assembly;
        foreach (var entity in builder.Model.GetEntityTypes().Where(e => e.ClrType.Assembly == own && !e.IsOwned()).ToList())
        {
            if (typeof(IVersionedRecord).IsAssignableFrom(entity.ClrType))
            {
                builder.Entity(entity.ClrType).Property(nameof(IVersionedRecord.Version)).IsConcurrencyToken();
            }

            if (typeof(INumberedRecord).IsAssignableFrom(entity.ClrType))
            {
                builder.Entity(entity.ClrType).HasIndex(nameof(INumberedRecord.Number)).IsUnique();
            }

            foreach (var key in entity.GetForeignKeys().Where(k => ((IConventionForeignKey)k).GetDeleteBehaviorConfigurationSource() != ConfigurationSource.Explicit))
            {
                key.DeleteBehavior = DeleteBehavior.Restrict;
            }
        }
    }
}
