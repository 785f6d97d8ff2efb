using Microsoft.EntityFrameworkCore;

namespace Steward.Data;

public static class DatabaseMigrator
{
    public static async Task MigrateStewardDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var target = services.GetRequiredService<DatabaseTarget>();
        target.EnsureUsable();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StewardDbContext>();
        await db.Database.MigrateAsync(cancellationToken);
        if (target.Provider == DatabaseProvider.Sqlite)
        {
            // WAL lets readers carry on while one writer commits: the web UI and a CLI import can share the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }
}
