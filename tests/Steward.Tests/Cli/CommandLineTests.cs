using Steward.Tests.Infrastructure;

namespace Steward.Tests.Cli;

public sealed class CommandLineTests
{
    [Fact]
    public async Task Help_ListsTheCommands()
    {
        var result = await StewardProcess.RunAsync("--help");
        Assert.Equal(0, result.ExitCode);
        foreach (var command in new[] { "serve", "migrate", "seed", "units" })
        {
            Assert.Contains(command, result.Output, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("units", "frobnicate")]
    [InlineData("seed")]
    [InlineData("seed", "--demo", "--synthetic")]
    [InlineData("serve", "--bogus")]
    [InlineData("seed", "--synthetic", "--units", "0")]
    public async Task BadUsage_ExitsWith2AndOneLine(params string[] args)
    {
        var result = await StewardProcess.RunAsync(args);
        Assert.Equal(2, result.ExitCode);
        var lines = result.Error.Trim().Split('\n');
        Assert.Single(lines);
        Assert.StartsWith("steward: ", lines[0], StringComparison.Ordinal);
    }

    // A copy of the demo database served without --demo would let anyone sign in as its Administrator.
    [Fact]
    public async Task ServingTheDemoDatabaseOutsideDemoMode_IsRefused_UntilItsDemoAccountsAreDealtWith()
    {
        var database = Path.Combine(Path.GetTempPath(), $"steward-demo-{Guid.NewGuid():N}.db");
        try
        {
            Assert.Equal(0, (await StewardProcess.RunAsync("seed", "--demo", "--database", database)).ExitCode);

            var refused = await StewardProcess.RunAsync("serve", "--database", database, "--urls", "http://127.0.0.1:0");

            Assert.Equal(1, refused.ExitCode);
            Assert.StartsWith("steward: this database has demo accounts that still sign in with the demo password (sam.taylor@dpp.example,", refused.Error.Trim(), StringComparison.Ordinal);
            Assert.Single(refused.Error.Trim().Split('\n'));
        }
        finally
        {
            File.Delete(database);
        }
    }

    // The option is named once, before what is wrong with it.
    [Theory]
    [InlineData("plan", "schedule")]
    [InlineData("plan", "import", "--unit", "X-1")]
    [InlineData("raid", "import", "--unit", "X-1")]
    public async Task AFileThatIsNotThere_IsNamedOnce(params string[] args)
    {
        var missing = Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.xml");
        var database = Path.Combine(Path.GetTempPath(), $"steward-{Guid.NewGuid():N}.db");
        var result = await StewardProcess.RunAsync([.. args, "--file", missing, .. args[1] == "import" ? new[] { "--database", database } : []]);
        File.Delete(database);
        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"steward: --file: no file at {missing}", result.Error.Trim());
    }

    [Fact]
    public async Task DatabaseThatIsADirectory_IsRefusedWithOneLine()
    {
        var folder = Directory.CreateTempSubdirectory("steward-dir-").FullName;
        var result = await StewardProcess.RunAsync("migrate", "--database", folder);
        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"steward: --database: '{folder}' is a directory; give a file path such as '{folder}/steward.db'.", result.Error.Trim());
    }

    [Fact]
    public async Task DatabaseInAFolderThatCannotBeWritten_IsRefusedWithOneLine()
    {
        // /proc cannot hold files even for root, so this holds however the tests are run.
        var result = await StewardProcess.RunAsync("serve", "--database", "/proc/steward/steward.db", "--urls", "http://127.0.0.1:0");
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("steward: --database: cannot write to '/proc/steward/steward.db'", result.Error.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StewardDatabaseVariable_ChoosesTheDatabase()
    {
        var file = Path.Combine(Path.GetTempPath(), "steward-tests", $"env-{Guid.NewGuid():N}.db");
        var result = await StewardProcess.RunAsync(new Dictionary<string, string> { ["STEWARD_DATABASE"] = file }, "migrate");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains(file, result.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(file));
    }

    [Fact]
    public async Task SeedDemo_FillsAnEmptyDatabaseOnce()
    {
        var file = Path.Combine(Path.GetTempPath(), "steward-tests", $"demo-{Guid.NewGuid():N}.db");
        var first = await StewardProcess.RunAsync("seed", "--demo", "--database", file);
        Assert.Equal(0, first.ExitCode);
        var list = await StewardProcess.RunAsync("units", "list", "--kind", "project", "--database", file);
        Assert.Equal(15, list.Output.Trim().Split('\n').Length);

        var again = await StewardProcess.RunAsync("seed", "--demo", "--database", file);
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("already holds delivery units", again.Error, StringComparison.Ordinal);
    }
}
