using System.Text.Json;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Cli;

public abstract class UnitsCommandTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : StewardApp
{
    [Fact]
    public async Task CreateListMoveClose_WorkFromTheCommandLine()
    {
        app.RequireDatabase();
        var db = app.ConnectionString;
        var portfolio = TestData.NewCode("CLI");
        var programme = TestData.NewCode("CLI");
        var project = TestData.NewCode("CLI");

        Assert.Equal(0, (await StewardProcess.RunAsync("units", "create", "--database", db, "--code", portfolio, "--name", "Cli Portfolio", "--kind", "portfolio")).ExitCode);
        Assert.Equal(0, (await StewardProcess.RunAsync("units", "create", "--database", db, "--code", programme, "--name", "Cli Programme", "--kind", "programme", "--parent", portfolio, "--category", "ict")).ExitCode);
        var created = await StewardProcess.RunAsync("units", "create", "--database", db, "--code", project, "--name", "Cli Project", "--kind", "project", "--parent", portfolio, "--start", "2026-04-01", "--end", "2027-03-31");
        Assert.Equal(0, created.ExitCode);
        Assert.Contains(project, created.Output, StringComparison.Ordinal);

        var moved = await StewardProcess.RunAsync("units", "move", project, "--to", programme, "--database", db);
        Assert.Equal(0, moved.ExitCode);

        var list = await StewardProcess.RunAsync("units", "list", "--parent", programme, "--json", "--database", db);
        Assert.Equal(0, list.ExitCode);
        var items = JsonDocument.Parse(list.Output).RootElement.GetProperty("items");
        Assert.Equal(project, items[0].GetProperty("code").GetString());

        var refused = await StewardProcess.RunAsync("units", "close", programme, "--database", db);
        Assert.Equal(1, refused.ExitCode);
        Assert.Equal($"steward: {programme} still holds 1 open unit; close or move it first.", refused.Error.Trim());

        Assert.Equal(0, (await StewardProcess.RunAsync("units", "close", project, "--database", db)).ExitCode);
        var shown = await StewardProcess.RunAsync("units", "show", project, "--json", "--database", db);
        Assert.Equal("closed", JsonDocument.Parse(shown.Output).RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task BadInput_GivesOneLineAndExitCode2()
    {
        app.RequireDatabase();
        var result = await StewardProcess.RunAsync("units", "create", "--database", app.ConnectionString, "--code", "X-1", "--name", "", "--kind", "project");
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("steward: --name: Enter a name; --parent: Choose the portfolio or programme this project belongs to", result.Error.Trim());

        var loop = await StewardProcess.RunAsync("units", "move", "NOPE-1", "--to", "NOPE-2", "--database", app.ConnectionString);
        Assert.Equal(1, loop.ExitCode);
        Assert.Equal("steward: No unit has the reference 'NOPE-1'.", loop.Error.Trim());
    }
}

public sealed class UnitsCommandOnSqlite(SqliteApp app) : UnitsCommandTests<SqliteApp>(app);

public sealed class UnitsCommandOnPostgres(PostgresApp app) : UnitsCommandTests<PostgresApp>(app);
