using Steward.Features.Access;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.History;

public abstract class HistoryNamesTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : StewardApp
{
    // A project moved into a portfolio a Viewer may see shows in its history where it went, but not the
    // name of the programme it came from, which she may not see.
    [Fact]
    public async Task AUnitsHistory_DoesNotNameAFormerParentTheReaderMayNotSee()
    {
        var (_, from, project) = await app.CreateTreeAsync();
        var (theirs, to, _) = await app.CreateTreeAsync();
        var unit = await (await app.Api().GetAsync($"/api/v1/units/{project.Code}", TestContext.Current.CancellationToken)).ReadJsonAsync();
        var moved = await app.Api().SendJsonAsync(HttpMethod.Post, $"/api/v1/units/{project.Code}/move", new { parentId = to.Id }, $"\"{unit.GetProperty("version").GetInt32()}\"");
        Assert.True(moved.IsSuccessStatusCode, await moved.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var viewer = await app.SignInAsync(await app.AddAccountWithRoleAsync(StewardRole.Viewer, theirs.Code));

        var history = (await app.Browser(viewer).GetPageAsync($"/units/{project.Code}/history")).QuerySelector("main")!.TextContent;

        Assert.Contains(to.Name, history, StringComparison.Ordinal);
        Assert.DoesNotContain(from.Name, history, StringComparison.Ordinal);
        Assert.DoesNotContain(from.Code, history, StringComparison.Ordinal);
        Assert.Contains("a unit you do not have access to", history, StringComparison.Ordinal);
    }
}

public sealed class HistoryNamesOnSqlite(SqliteApp app) : HistoryNamesTests<SqliteApp>(app);

public sealed class HistoryNamesOnPostgres(PostgresApp app) : HistoryNamesTests<PostgresApp>(app);
