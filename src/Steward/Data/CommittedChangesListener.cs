using Npgsql;

namespace Steward.Data;

// On PostgreSQL, hears every commit another node or process announces (CommittedChangesInterceptor), so that
// what this node cached is not served past it. Runs in the web host only; until its LISTEN holds, and
// whenever it is lost, CommittedChanges serves nothing from cache.
public sealed class CommittedChangesListener(DatabaseTarget target, CommittedChanges changes, ILogger<CommittedChangesListener> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (target.Provider != DatabaseProvider.PostgreSql)
        {
            return; // SQLite's file tells CommittedChanges itself
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                changes.Listening(false);
                log.LogWarning(e, "Lost the watch for committed changes; retrying in a second");
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }

        changes.Listening(false);
    }

    private async Task ListenAsync(CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(target.ConnectionString);
        connection.Notification += (_, _) => changes.Committed();
        await connection.OpenAsync(ct);
        await using (var listen = new NpgsqlCommand($"LISTEN {CommittedChangesInterceptor.Channel}", connection))
        {
            await listen.ExecuteNonQueryAsync(ct);
        }

        changes.Listening(true); // moves the number too: anything cached before the LISTEN held is dropped
        try
        {
            while (!ct.IsCancellationRequested)
            {
                await connection.WaitAsync(ct);
            }
        }
        finally
        {
            changes.Listening(false);
        }
    }
}
