using System.Net;
using Steward.Features.Access;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Access;

// Issue 26: links and buttons a role cannot use are not shown, and a refusal's words fit the page.
public abstract class OfferedLinksTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : StewardApp
{
    [Fact]
    public async Task AViewer_IsNotOfferedTheHistoryOrAddingAPerson_AndARefusalOutsideAUnitDoesNotSpeakOfOne()
    {
        var (_, _, project) = await app.CreateTreeAsync();
        var viewer = app.Browser(await app.SignInAsync(await app.AddAccountWithRoleAsync(StewardRole.Viewer, project.Code)));

        var people = await viewer.GetPageAsync("/people");
        Assert.DoesNotContain(people.QuerySelectorAll("nav a"), a => a.GetAttribute("href") == "/history");
        Assert.DoesNotContain(people.QuerySelectorAll("main a"), a => a.GetAttribute("href") == "/people/new");

        var refused = await viewer.GetPageAsync("/people/new", 403);
        Assert.DoesNotContain("this unit", refused.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var refusedOnUnit = await viewer.GetPageAsync($"/units/{project.Code}/edit", 403);
        Assert.Contains("access to this unit", refusedOnUnit.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        var admin = await app.Browser().GetPageAsync("/people");
        Assert.Contains(admin.QuerySelectorAll("nav a"), a => a.GetAttribute("href") == "/history");
        Assert.Contains(admin.QuerySelectorAll("main a"), a => a.GetAttribute("href") == "/people/new");
    }
}

public sealed class OfferedLinksOnSqlite(SqliteApp app) : OfferedLinksTests<SqliteApp>(app);

public sealed class OfferedLinksOnPostgres(PostgresApp app) : OfferedLinksTests<PostgresApp>(app);
