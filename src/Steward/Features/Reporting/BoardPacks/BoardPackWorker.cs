using Steward.Infrastructure;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.History;
using Steward.Features.Units;

namespace Steward.Features.Reporting.BoardPacks;

// Prints queued board packs one at a time while the web application runs. A pack is claimed by moving it
// from queued to printing in one conditional update, so on several nodes each pack is printed once; the
// worker also looks in the database every half minute, for packs asked for on another node and for those
// a stopped node left half printed. (When background jobs arrive, this becomes one of them.)
internal sealed partial class BoardPackWorker(IServiceScopeFactory scopes, BoardPacksWaiting queue, TimeProvider clock, ILogger<BoardPackWorker> log) : BackgroundService
{
    private static readonly TimeSpan LookEvery = TimeSpan.FromSeconds(30);

    // A pack printing for longer than this was left by a node that stopped; it is printed again.
    private static readonly TimeSpan Abandoned = TimeSpan.FromMinutes(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                foreach (var id in await WaitingAsync(stoppingToken))
                {
                    await PrintAsync(id, stoppingToken);
                }

                using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                wait.CancelAfter(LookEvery);
                try
                {
                    var id = await queue.Reader.ReadAsync(wait.Token);
                    await PrintAsync(id, stoppingToken);
                }
                catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
                {
                    // Time to look in the database again.
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                Failed(log, e);
                await Task.Delay(LookEvery, clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private async Task<List<Guid>> WaitingAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StewardDbContext>();
        var stale = clock.GetUtcNow().UtcDateTime - Abandoned;
        return await db.BoardPacks.AsNoTracking()
            .Where(p => p.State == BoardPackState.Queued || (p.State == BoardPackState.Printing && p.StartedAt < stale))
            .OrderBy(p => p.RequestedAt).Select(p => p.Id).Take(20).ToListAsync(ct);
    }

    private async Task PrintAsync(Guid id, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var who = services.GetRequiredService<ChangeContext>();
        who.Actor = "Steward (board pack printer)";
        who.Channel = ChangeChannel.Job;
        // The person who asked was allowed to at the time; the printer reads what their pack covers.
        who.IsOperator = true;
        var db = services.GetRequiredService<StewardDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var stale = now - Abandoned;
        var claimed = await db.BoardPacks.Where(p => p.Id == id && (p.State == BoardPackState.Queued || (p.State == BoardPackState.Printing && p.StartedAt < stale)))
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.State, BoardPackState.Printing).SetProperty(p => p.StartedAt, now)
                .SetProperty(p => p.Progress, 1).SetProperty(p => p.Step, "Starting").SetProperty(p => p.Error, (string?)null), ct);
        if (claimed == 0)
        {
            return;
        }

        var pack = await db.BoardPacks.FirstAsync(p => p.Id == id, ct);
        try
        {
            var unit = await services.GetRequiredService<UnitQueries>().GetAsync(pack.UnitId, ct) ?? throw new RecordNotFoundException("unit", pack.UnitId.ToString());
            var contents = services.GetRequiredService<BoardPackContents>();
            var printer = services.GetRequiredService<BoardPackPrinter>();
            var period = await contents.PeriodAsync(unit, pack.Period, ct);
            var content = await contents.GatherAsync(unit, period, (percent, step) => Progress.WriteAsync(scopes, id, percent, step, ct), ct);
            await Progress.WriteAsync(scopes, id, 55, $"Laying out {content.Reports.Count} status reports", ct);
            var html = await printer.RenderAsync(content);
            await Progress.WriteAsync(scopes, id, 70, "Printing with Chromium", ct);
            var pdf = await printer.PrintAsync(html, content, ct);
            pack.Pdf = pdf;
            pack.Bytes = pdf.Length;
            pack.Digest = Convert.ToHexStringLower(SHA256.HashData(pdf));
            pack.State = BoardPackState.Ready;
            pack.Progress = 100;
            pack.Step = "Ready";
            pack.FinishedAt = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(ct);
            Printed(log, unit.Code, pack.Period, pdf.Length);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            Failed(log, e);
            db.ChangeTracker.Clear();
            await db.BoardPacks.Where(p => p.Id == id).ExecuteUpdateAsync(s => s.SetProperty(p => p.State, BoardPackState.Failed)
                .SetProperty(p => p.Step, "Failed").SetProperty(p => p.FinishedAt, clock.GetUtcNow().UtcDateTime)
                .SetProperty(p => p.Error, e is BoardPackPrinterMissing or RecordNotFoundException ? e.Message : $"Printing failed: {Truncate(e.Message)}"), CancellationToken.None);
        }
    }

    private static string Truncate(string message) => message.Length <= 1500 ? message : message[..1500];

    // Writes how far the printing has got, in its own scope so it never saves the pack half-changed.
    private static class Progress
    {
        public static async Task WriteAsync(IServiceScopeFactory scopes, Guid id, int percent, string step, CancellationToken ct)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<StewardDbContext>();
            var text = step.Length <= 200 ? step : step[..200];
            await db.BoardPacks.Where(p => p.Id == id).ExecuteUpdateAsync(s => s.SetProperty(p => p.Progress, percent).SetProperty(p => p.Step, text), ct);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Printed the board pack of {Unit} for {Period}: {Bytes} bytes")]
    private static partial void Printed(ILogger logger, string unit, string period, int bytes);

    [LoggerMessage(Level = LogLevel.Error, Message = "A board pack could not be printed")]
    private static partial void Failed(ILogger logger, Exception e);
}
