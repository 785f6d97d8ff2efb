using Steward.Tests.Infrastructure;

namespace Steward.Tests.Cli;

public abstract class SyntheticSeedTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : StewardApp
{
    [Fact]
    public async Task SeedSynthetic_IsDeterministicForASeed()
    {
        app.RequireDatabase();
        var other = Path.Combine(Path.GetTempPath(), "steward-tests", $"synthetic-{Guid.NewGuid():N}.db");
        var first = await StewardProcess.RunAsync("seed", "--synthetic", "--units", "120", "--history", "900", "--seed", "7", "--database", app.ConnectionString);
        Assert.Equal(0, first.ExitCode);
        Assert.Contains("Seeded 120 synthetic units", first.Output, StringComparison.Ordinal);
        Assert.Equal(0, (await StewardProcess.RunAsync("audit", "verify", "--database", app.ConnectionString)).ExitCode);
        Assert.Equal(0, (await StewardProcess.RunAsync("seed", "--synthetic", "--units", "120", "--history", "900", "--seed", "7", "--database", other)).ExitCode);

        var here = await StewardProcess.RunAsync("units", "list", "--limit", "500", "--json", "--database", app.ConnectionString);
        var there = await StewardProcess.RunAsync("units", "list", "--limit", "500", "--json", "--database", other);
        Assert.Equal(Strip(there.Output), Strip(here.Output));
        Assert.Contains("SYN-PRJ-000001", here.Output, StringComparison.Ordinal);
    }

    // Creation instants differ between runs; everything else must match.
    private static string Strip(string json) =>
        System.Text.RegularExpressions.Regex.Replace(json, "\"updatedAt\": \"[^\"]+\"", string.Empty);
}

public sealed class SyntheticSeedOnSqlite(SqliteApp app) : SyntheticSeedTests<SqliteApp>(app);

public sealed class SyntheticSeedOnPostgres(PostgresApp app) : SyntheticSeedTests<PostgresApp>(app);
