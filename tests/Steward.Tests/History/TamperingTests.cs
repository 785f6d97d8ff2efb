using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Steward.Data;
using Steward.Features.History;
using Steward.Tests.Cli;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.History;

// Someone with direct access to the database switches off the append-only guard and edits an event:
// the hash chain must give them away. Each test class has a database of its own, so breaking it is safe.
public abstract class TamperingTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : StewardApp
{
    [Fact]
    public async Task AlteredEvent_MakesAuditVerifyFailAndNameIt()
    {
        var (portfolio, _, _) = await app.CreateTreeAsync();
        var victim = await app.WithServicesAsync(sp => sp.GetRequiredService<StewardDbContext>().History
            .Where(h => h.RecordId == portfolio.Id).Select(h => h.Id).SingleAsync());
        await app.TamperAsync($"UPDATE history_events SET \"Actor\" = 'mallory' WHERE \"Id\" = {victim}");

        var result = await StewardProcess.RunAsync("audit", "verify", "--database", app.ConnectionString);
        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith($"steward: history is broken: event {victim} (DeliveryUnit {portfolio.Id}", result.Error.Trim(), StringComparison.Ordinal);
        Assert.Contains("does not match its hash", result.Error, StringComparison.Ordinal);

        var direct = await app.WithServicesAsync(sp => sp.GetRequiredService<AuditChain>().VerifyAsync());
        Assert.Equal(victim, direct.BrokenEventId);
    }
}

public sealed class TamperingOnSqlite(SqliteApp app) : TamperingTests<SqliteApp>(app);

public sealed class TamperingOnPostgres(PostgresApp app) : TamperingTests<PostgresApp>(app);
