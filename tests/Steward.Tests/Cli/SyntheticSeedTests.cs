using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Cli;

public abstract class SyntheticSeedTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : StewardApp
{
    [Fact]
    public async Task SeedSynthetic_IsDeterministicForASeed()
    {
        app.RequireDatabase();
        var other = Path.Combine(Path.GetTempPath(), "steward-tests", $"synthetic-{Guid.NewGuid():N}.db");
        var first = await StewardProcess.RunAsync("seed", "--synthetic", "--units", "120", "--history", "900", "--raid", "60", "--seed", "7", "--database", app.ConnectionString);
        Assert.Equal(0, first.ExitCode);
        Assert.Contains("Seeded 120 synthetic units", first.Output, StringComparison.Ordinal);
        // --raid is the RAID module's own option (its SyntheticSeed), found with the module.
        Assert.Contains("60 RAID items", first.Output, StringComparison.Ordinal);
        Assert.Equal(60, await app.WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<Steward.Data.StewardDbContext>();
            return await db.Risks.CountAsync() + await db.Issues.CountAsync() + await db.Assumptions.CountAsync() + await db.Dependencies.CountAsync();
        }));
        Assert.Equal(0, (await StewardProcess.RunAsync("audit", "verify", "--database", app.ConnectionString)).ExitCode);
        Assert.Equal(0, (await StewardProcess.RunAsync("seed", "--synthetic", "--units", "120", "--history", "900", "--seed", "7", "--database", other)).ExitCode);

        var here = await StewardProcess.RunAsync("units", "list", "--limit", "500", "--json", "--database", app.ConnectionString);
        var there = await StewardProcess.RunAsync("units", "list", "--limit", "500", "--json", "--database", other);
        Assert.Equal(Strip(there.Output), Strip(here.Output));
        Assert.Contains("SYN-PRJ-000001", here.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SeedSynthetic_RefusesANegativeCountOfAModulesRecords()
    {
        var refused = await StewardProcess.RunAsync("seed", "--synthetic", "--units", "10", "--raid", "-1", "--database", Path.Combine(Path.GetTempPath(), $"steward-unused-{Guid.NewGuid():N}.db"));
        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains("--raid must be between 0 and 10000000", refused.Output + refused.Error, StringComparison.Ordinal);
    }

    // Creation instants differ between runs; everything else must match.
    private static string Strip(string json) =>
        System.Text.RegularExpressions.Regex.Replace(json, "\"updatedAt\": \"[^\"]+\"", string.Empty);
}

public sealed class SyntheticSeedOnSqlite(SqliteApp app) : SyntheticSeedTests<SqliteApp>(app);

public sealed class SyntheticSeedOnPostgres(PostgresApp app) : SyntheticSeedTests<PostgresApp>(app);
