using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Steward.Data;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.History;

// What someone with direct database access would do first: switch off the append-only triggers.
public static class HistoryGuard
{
    public static Task<int> TamperAsync(this StewardApp app, string sql, params object[] parameters) =>
        app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<StewardDbContext>();
            var unguard = app.Provider == DatabaseProvider.Sqlite
                ? "DROP TRIGGER history_events_no_update; DROP TRIGGER history_events_no_delete;"
                : "ALTER TABLE history_events DISABLE TRIGGER history_events_no_change";
            await db.Database.ExecuteSqlRawAsync(unguard);
            return await db.Database.ExecuteSqlRawAsync(sql, parameters);
        });
}
