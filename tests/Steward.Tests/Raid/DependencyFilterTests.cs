using System.Net;
using System.Text.Json;
using Steward.Features.Raid;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Raid;

// Issue 26, item 10: the dependencies register filters by owner (on either side) and by text in the title,
// through the API, on the register page, and in its download, as risks and issues do.
public abstract class DependencyFilterTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : StewardApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheDependenciesRegister_FiltersByOwnerOnEitherSide_AndByTitle()
    {
        var (_, programme, needing) = await app.CreateTreeAsync();
        var providing = await app.CreateUnitAsync(Steward.Features.Units.UnitKind.Project, programme.Id);
        var alice = await app.CreatePersonAsync("Alice Filter");
        var bob = await app.CreatePersonAsync("Bob Filter");
        var carol = await app.CreatePersonAsync("Carol Filter");
        var feed = await RaiseAsync(needing.Code, new { title = "Supplier data feed", ownerId = alice.Id, neededBy = "2027-06-30", providerUnit = providing.Code, providerOwnerId = bob.Id });
        var licence = await RaiseAsync(needing.Code, new { title = "Hosting licence", ownerId = carol.Id, neededBy = "2027-07-31", externalParty = "A supplier" });

        Assert.Equal([feed], await ListAsync($"/api/v1/units/{programme.Code}/dependencies?owner={alice.Id}"));
        Assert.Equal([feed], await ListAsync($"/api/v1/units/{programme.Code}/dependencies?owner={bob.Id}"));
        Assert.Equal([licence], await ListAsync($"/api/v1/units/{programme.Code}/dependencies?owner={carol.Id}"));
        Assert.Equal([licence], await ListAsync($"/api/v1/units/{programme.Code}/dependencies?q=LICENCE"));
        Assert.Empty(await ListAsync($"/api/v1/units/{programme.Code}/dependencies?q=licence&owner={alice.Id}"));

        var page = await app.Browser().GetPageAsync($"/units/{programme.Code}/raid?type=dependencies&owner={bob.Id}&q=feed");
        var table = page.QuerySelector("main table")!.TextContent;
        Assert.Contains(feed, table, StringComparison.Ordinal);
        Assert.DoesNotContain(licence, table, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("select#Owner"));
        Assert.Equal("feed", page.QuerySelector("input#Q")!.GetAttribute("value"));

        var download = page.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).First(h => h is not null && h.Contains("/dependencies/export", StringComparison.Ordinal) && h.Contains("format=csv", StringComparison.Ordinal))!;
        var csv = await (await app.Browser().GetAsync(download, Ct)).Content.ReadAsStringAsync(Ct);
        Assert.Contains("Supplier data feed", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("Hosting licence", csv, StringComparison.Ordinal);
    }

    private async Task<string> RaiseAsync(string unit, object body)
    {
        var response = await app.Api().PostJsonAsync($"/api/v1/units/{unit}/dependencies", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        return (await response.ReadJsonAsync()).GetProperty("reference").GetString()!;
    }

    private async Task<List<string>> ListAsync(string url)
    {
        var response = await app.Api().GetAsync(url, Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        return (await response.ReadJsonAsync()).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("reference").GetString()!).ToList();
    }
}

public sealed class DependencyFilterOnSqlite(SqliteApp app) : DependencyFilterTests<SqliteApp>(app);

public sealed class DependencyFilterOnPostgres(PostgresApp app) : DependencyFilterTests<PostgresApp>(app);
