using System.Data.Common;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Steward.Data;
using Steward.Features.Units;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Units;

// A unit read through the API is kept in memory until anything is committed again (CommittedReads). What a
// node answers must still be what is stored: after its own change, after another node's change, and after
// a change made outside Steward's web nodes (the command line, or someone at the database), on both databases.
public abstract class UnitReadCacheTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : StewardApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AChangeThroughThisNode_IsWhatTheNextReadAnswers()
    {
        var (_, _, project) = await app.CreateTreeAsync();
        var read = await GetAsync(app, project.Code);

        var renamed = await app.Api().SendJsonAsync(HttpMethod.Put, $"/api/v1/units/{project.Code}", Edit(read, "Renamed here"), $"\"{read.Version}\"");
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);

        Assert.Equal("Renamed here", (await GetAsync(app, project.Code)).Name);
        Assert.Equal("Renamed here", (await GetAsync(app, project.Id.ToString())).Name);
    }

    [Fact]
    public async Task AChangeThroughAnotherNode_ReachesThisNode()
    {
        var (_, _, project) = await app.CreateTreeAsync();
        var read = await GetAsync(app, project.Id.ToString());
        await using var other = new SecondNode(app);
        await other.StartAsync();

        var renamed = await other.Api().SendJsonAsync(HttpMethod.Put, $"/api/v1/units/{project.Code}", Edit(read, "Renamed there"), $"\"{read.Version}\"");
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);

        // SQLite has one node's file to watch; PostgreSQL's nodes hear each other within milliseconds.
        var seen = await EventuallyAsync(async () => (await GetAsync(app, project.Id.ToString())).Name == "Renamed there");
        Assert.True(seen, "This node still answered with the name it read before the other node's change.");
    }

    [Fact]
    public async Task AChangeCommittedOutsideSteward_IsAnsweredAtOnceOnSqlite_AndWithinMaxAgeOnPostgres()
    {
        var (_, _, project) = await app.CreateTreeAsync();
        await GetAsync(app, project.Code);

        // Through a connection of its own, as the command line (a process of its own) would write.
        await app.WithServicesAsync(async sp =>
        {
            var target = sp.GetRequiredService<DatabaseTarget>();
            await using DbConnection connection = target.Provider == DatabaseProvider.Sqlite
                ? new Microsoft.Data.Sqlite.SqliteConnection(target.ConnectionString)
                : new Npgsql.NpgsqlConnection(target.ConnectionString);
            await connection.OpenAsync(Ct);
            await using var update = connection.CreateCommand();
            update.CommandText = $"UPDATE delivery_units SET \"Name\" = 'Renamed outside' WHERE \"Code\" = '{project.Code}'";
            Assert.Equal(1, await update.ExecuteNonQueryAsync(Ct));
            return 0;
        });

        if (app.Provider == DatabaseProvider.Sqlite)
        {
            Assert.Equal("Renamed outside", (await GetAsync(app, project.Code)).Name);
        }
        else
        {
            // Nothing announced it: the cached answer may stand, but never past MaxAge.
            var name = (await GetAsync(app, project.Code)).Name;
            Assert.Contains(name, new[] { project.Name, "Renamed outside" });
        }
    }

    [Fact]
    public async Task ReadsInsideATransaction_SeeItsOwnWrites()
    {
        var (_, _, project) = await app.CreateTreeAsync();
        await GetAsync(app, project.Code);

        var inside = await app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<StewardDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync(Ct);
            await db.Units.Where(u => u.Code == project.Code).ExecuteUpdateAsync(u => u.SetProperty(x => x.Name, "Not yet committed"), Ct);
            var seen = (await sp.GetRequiredService<UnitQueries>().FindByCodeAsync(project.Code, Ct))!.Name;
            await transaction.RollbackAsync(Ct);
            return seen;
        });

        Assert.Equal("Not yet committed", inside);
        Assert.Equal(project.Name, (await GetAsync(app, project.Code)).Name);
    }

    private static UpdateUnit Edit(UnitView unit, string name) => new(
        unit.Code, name, unit.Category, unit.Stage, unit.Status, unit.Description, unit.Aims, unit.Sro?.Id, unit.Manager?.Id, unit.PmoContact?.Id,
        unit.BaselineStart, unit.BaselineEnd, unit.ForecastStart, unit.ForecastEnd);

    private static async Task<UnitView> GetAsync(StewardApp node, string unit)
    {
        var response = await node.Api().GetAsync($"/api/v1/units/{unit}", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadAsync<UnitView>();
    }

    private static async Task<bool> EventuallyAsync(Func<Task<bool>> check)
    {
        for (var waited = 0; waited < 5_000; waited += 50)
        {
            if (await check())
            {
                return true;
            }

            await Task.Delay(50, Ct);
        }

        return false;
    }
}

public sealed class UnitReadCacheOnSqlite(SqliteApp app) : UnitReadCacheTests<SqliteApp>(app);

public sealed class UnitReadCacheOnPostgres(PostgresApp app) : UnitReadCacheTests<PostgresApp>(app);
