namespace Steward.Features.History.Digests;

// Takes a digest every Audit:DigestEveryMinutes (default 15; 0 turns it off) while the web application runs,
// and writes it to Audit:DigestFolder. Without a usable key it says so loudly in the log, every time, and the
// application carries on. Several nodes may run it: one takes each digest, the others find it taken.
// (When background jobs arrive, this becomes one of them.)
internal sealed partial class DigestSchedule(IServiceScopeFactory scopes, DigestKeys keys, IConfiguration configuration, TimeProvider clock, ILogger<DigestSchedule> log) : BackgroundService
{
    public const string EveryMinutesSetting = "Audit:DigestEveryMinutes";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var minutes = configuration.GetValue(EveryMinutesSetting, 15);
        if (minutes <= 0)
        {
            return;
        }

        if (!keys.IsConfigured)
        {
            NoKey(log, DigestKeys.SigningKeyPathSetting);
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(minutes), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await TakeAsync(stoppingToken);
        }
    }

    private async Task TakeAsync(CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var digest = await scope.ServiceProvider.GetRequiredService<HistoryDigests>().TakeAsync(ct);
            var written = await scope.ServiceProvider.GetRequiredService<DigestPublication>().WriteAsync(digest, ct);
            Taken(log, digest.Sequence, digest.Events, digest.Root, written ?? "the database only");
        }
        catch (DigestRefusedException e) when (e.ByAnotherNode || e.PutOff)
        {
            TakenElsewhere(log, e.Message);
        }
        catch (DigestRefusedException e)
        {
            Refused(log, e.Message);
        }
        catch (DigestSetupException e)
        {
            CannotTake(log, e.Message);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Failed(log, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "History digests are not being taken: set {Setting} to a key made by `steward audit key`, kept away from the database, so that tampering with the database can be detected.")]
    private static partial void NoKey(ILogger logger, string setting);

    [LoggerMessage(Level = LogLevel.Information, Message = "History digest {Sequence} taken: {Events} events, root {Root}, written to {Written}.")]
    private static partial void Taken(ILogger logger, long sequence, long events, string root, string written);

    [LoggerMessage(Level = LogLevel.Information, Message = "History digest not taken here: {Reason}")]
    private static partial void TakenElsewhere(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Critical, Message = "History digest refused, the history may have been tampered with: {Reason}. Run `steward audit verify --digest` against the digests kept outside the database.")]
    private static partial void Refused(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "History digests cannot be taken: {Reason}")]
    private static partial void CannotTake(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "History digest failed")]
    private static partial void Failed(ILogger logger, Exception error);
}
