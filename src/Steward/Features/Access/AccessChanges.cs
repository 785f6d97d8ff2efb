using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Steward.Data;

namespace Steward.Features.Access;

// Revoking a token, disabling an account or changing a role must take effect at once everywhere: in this
// process (the cache is cleared), in the other web nodes, and when the change comes from the command line
// in a process of its own. On PostgreSQL every such change is announced with NOTIFY and each web node
// LISTENs; on SQLite (one node) the web process watches the file's data_version, which moves when another
// connection commits, and clears its cache within a tenth of a second.
public static class AccessChanges
{
    public const string Channel = "steward_access";

    public static async Task ChangedAsync(this AccessCache cache, StewardDbContext db, CancellationToken ct = default)
    {
        cache.Clear();
        if (db.Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL")
        {
            await db.Database.ExecuteSqlRawAsync($"NOTIFY {Channel}", ct);
        }
    }
}

// Runs in the web host only: the command line's processes end before anything they cache could go stale.
public sealed class AccessChangeListener(DatabaseTarget target, AccessCache cache, ILogger<AccessChangeListener> log) : BackgroundService
{
    private static readonly TimeSpan SqlitePoll = TimeSpan.FromMilliseconds(100);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await (target.Provider == DatabaseProvider.PostgreSql ? ListenAsync(stoppingToken) : WatchAsync(stoppingToken));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Until it is back, nothing cached is trusted: the cache is cleared and the watch resumes.
                cache.Clear();
                log.LogWarning(e, "Lost the watch for access changes; retrying in a second");
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
    }

    private async Task ListenAsync(CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(target.ConnectionString);
        connection.Notification += (_, _) => cache.Clear();
        await connection.OpenAsync(ct);
        await using (var listen = new NpgsqlCommand($"LISTEN {AccessChanges.Channel}", connection))
        {
            await listen.ExecuteNonQueryAsync(ct);
        }

        cache.Clear(); // anything cached before the LISTEN took hold may have missed a change
        while (!ct.IsCancellationRequested)
        {
            await connection.WaitAsync(ct);
        }
    }

    private async Task WatchAsync(CancellationToken ct)
    {
        await using var connection = new SqliteConnection(target.ConnectionString);
        await connection.OpenAsync(ct);
        await using var version = new SqliteCommand("PRAGMA data_version", connection);
        var seen = (long)(await version.ExecuteScalarAsync(ct))!;
        while (!ct.IsCancellationRequested)
        {
            await Task.Delay(SqlitePoll, ct);
            var now = (long)(await version.ExecuteScalarAsync(ct))!;
            if (now != seen)
            {
                seen = now;
                cache.Clear();
            }
        }
    }
}
