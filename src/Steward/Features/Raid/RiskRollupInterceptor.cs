using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Steward.Data;

namespace Steward.Features.Raid;

// Whatever saves a risk (a form, the API, an import, realising, the seed), its roll-up levels are set from
// its unit's path in the same SaveChanges, so no write path can forget them.
internal sealed class RiskRollupInterceptor : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is StewardDbContext db && Placed(db) is { Count: > 0 } risks)
        {
            Apply(risks, Paths(db, risks).ToDictionary(u => u.Id, u => u.Path));
        }

        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is StewardDbContext db && Placed(db) is { Count: > 0 } risks)
        {
            Apply(risks, await Paths(db, risks).ToDictionaryAsync(u => u.Id, u => u.Path, cancellationToken));
        }

        return result;
    }

    // Risks new to the database, or moved to another unit.
    private static List<EntityEntry<Risk>> Placed(StewardDbContext db) => db.ChangeTracker.Entries<Risk>()
        .Where(e => e.State == EntityState.Added || (e.State == EntityState.Modified && e.Property(r => r.UnitId).IsModified))
        .ToList();

    private static IQueryable<UnitPathRow> Paths(StewardDbContext db, List<EntityEntry<Risk>> risks)
    {
        var unitIds = risks.Select(r => r.Entity.UnitId).Distinct().ToList();
        return db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).Select(u => new UnitPathRow(u.Id, u.Path));
    }

    // Set through the entry: changes are detected once, before the interceptors (StewardDbContext).
    private static void Apply(List<EntityEntry<Risk>> risks, Dictionary<Guid, string> paths)
    {
        foreach (var risk in risks)
        {
            // A unit that does not exist fails the save on its foreign key; that error is left to it.
            if (paths.TryGetValue(risk.Entity.UnitId, out var path))
            {
                var (level1, level2) = RiskRollupLevels.Of(path);
                risk.Property(r => r.RollupLevel1Id).CurrentValue = level1;
                risk.Property(r => r.RollupLevel2Id).CurrentValue = level2;
            }
        }
    }

    private sealed record UnitPathRow(Guid Id, string Path);
}
