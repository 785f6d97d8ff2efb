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

public abstract class RolesPageTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : StewardApp
{
    // Issue 26: /roles describes what exists; rights in services still to come are named as such.
    [Fact]
    public async Task TheRolesPage_ListsTheAreasThatExist_AndNamesTheRestAsToCome()
    {
        var page = await app.Browser().GetPageAsync("/roles");
        var areas = page.QuerySelectorAll("#role-viewer tbody th").Select(th => th.TextContent.Trim()).ToList();
        Assert.Contains(AccessLabels.Of(PmoArea.Raid), areas);
        Assert.Contains(AccessLabels.Of(PmoArea.Planning), areas);
        Assert.Contains(AccessLabels.Of(PmoArea.Benefits), areas);
        Assert.Contains(AccessLabels.Of(PmoArea.Finance), areas);
        Assert.DoesNotContain(AccessLabels.Of(PmoArea.Resources), areas);
        Assert.Contains("services Steward does not have yet", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }
}

public sealed class RolesPageOnSqlite(SqliteApp app) : RolesPageTests<SqliteApp>(app);

public sealed class RolesPageOnPostgres(PostgresApp app) : RolesPageTests<PostgresApp>(app);

public sealed class OfferedLinksOnSqlite(SqliteApp app) : OfferedLinksTests<SqliteApp>(app);

public sealed class OfferedLinksOnPostgres(PostgresApp app) : OfferedLinksTests<PostgresApp>(app);
