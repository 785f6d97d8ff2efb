using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Steward.Data;
using Steward.Features.History;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.History;

public abstract class RemovedEventTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : StewardApp
{
    [Fact]
    public async Task RemovingTheNewestEvent_IsFoundThroughTheRecordsVersion()
    {
        var (portfolio, _, _) = await app.CreateTreeAsync();
        await app.Api().SendJsonAsync(HttpMethod.Put, $"/api/v1/units/{portfolio.Id}",
            new Steward.Features.Units.UpdateUnit(portfolio.Code, "Renamed", portfolio.Category, portfolio.Stage), "\"1\"");
        await app.TamperAsync("DELETE FROM history_events WHERE \"RecordId\" = {0} AND \"Version\" = 2", portfolio.Id);

        var result = await app.WithServicesAsync(sp => sp.GetRequiredService<AuditChain>().VerifyAsync());
        Assert.False(result.IsIntact);
        Assert.Contains($"is at version 2 but its history ends at version 1", result.Problem, StringComparison.Ordinal);
    }
}

public sealed class RemovedEventOnSqlite(SqliteApp app) : RemovedEventTests<SqliteApp>(app);

public sealed class RemovedEventOnPostgres(PostgresApp app) : RemovedEventTests<PostgresApp>(app);
