using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Steward.Data;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Tolerances;

// RAID's tolerances became the engine's: a database that had them keeps every one, in the engine's terms
// (escalate at 16 is held up to 15; escalate at High is held up to Medium), under the same id and version.
public sealed class ToleranceMigrationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task OnSqlite_RaidTolerancesAreCarriedOver()
    {
        var path = Path.Combine(Path.GetTempPath(), "steward-tests", $"{Guid.NewGuid():N}.db");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        try
        {
            await using var db = new SqliteStewardDbContext(new DbContextOptionsBuilder<SqliteStewardDbContext>().UseSqlite($"Data Source={path}").Options);
            await db.Database.OpenConnectionAsync(Ct);
            await db.Database.ExecuteSqlRawAsync("PRAGMA foreign_keys = OFF", Ct);
            await CarriesOverAsync(db);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }

    [Fact]
    public async Task OnPostgres_RaidTolerancesAreCarriedOver()
    {
        if (PostgresServer.Shared.UnavailableBecause is { } why)
        {
            Assert.Skip(why);
        }

        var connection = await PostgresServer.Shared.CreateDatabaseAsync();
        try
        {
            await using var db = new PostgresStewardDbContext(new DbContextOptionsBuilder<PostgresStewardDbContext>().UseNpgsql(connection).Options);
            await db.Database.OpenConnectionAsync(Ct);
            // The test inserts a tolerance for a unit it does not create: foreign keys are not the point here.
            await db.Database.ExecuteSqlRawAsync("SET session_replication_role = replica", Ct);
            await CarriesOverAsync(db);
        }
        finally
        {
            await PostgresServer.Shared.DropDatabaseAsync(connection);
        }
    }

    private static async Task CarriesOverAsync(StewardDbContext db)
    {
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync("PlanStatusDate", Ct);
        var (id, unit) = (Guid.NewGuid(), Guid.NewGuid());
        var quote = db.Database.IsNpgsql() ? "\"" : string.Empty;
        string Q(string column) => quote + column + quote;
        await db.Database.ExecuteSqlRawAsync(
            $"INSERT INTO raid_tolerances ({Q("Id")}, {Q("UnitId")}, {Q("RiskScore")}, {Q("IssuePriority")}, {Q("DependencyLateDays")}, {Q("Version")}, {Q("CreatedAt")}, {Q("UpdatedAt")}) " +
            "VALUES ({0}, {1}, 16, 'High', 7, 3, {2}, {2})",
            [id, unit, new DateTime(2026, 11, 1, 9, 0, 0, DateTimeKind.Utc)], Ct);

        await migrator.MigrateAsync(null, Ct);

        var carried = await db.Tolerances.AsNoTracking().SingleAsync(Ct);
        Assert.Equal((id, unit, 3), (carried.Id, carried.UnitId, carried.Version));
        Assert.Equal((15m, 2m, 7m), (carried.RiskOver!.Value, carried.IssuesOver!.Value, carried.DependenciesOver!.Value));
        Assert.Null(carried.TimeOver);
    }
}
