using System.Net;
using Steward.Features.Access;
using Steward.Features.Tolerances;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Tolerances;

public abstract class TolerancePagesTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : StewardApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ThePage_ShowsWhereEachLimitIsSet_AndTheFormChangesOnlyItsOwnDimension()
    {
        var (_, programme, project) = await app.CreateTreeAsync();
        await Put(programme.Code, new { time = new { over = 20, under = 5 }, cost = new { over = 5, under = 5 } });
        await Put(project.Code, new { cost = new { over = 2, under = 1 } });

        var page = await app.Browser().GetPageAsync($"/units/{project.Code}/tolerances");
        var time = page.QuerySelectorAll("tbody tr").First(r => r.QuerySelector("th")!.TextContent.StartsWith("Time", StringComparison.Ordinal));
        Assert.Contains($"20 working days, inherited from {programme.Code}", time.TextContent, StringComparison.Ordinal);
        Assert.Equal(8, page.QuerySelectorAll("main a").Count(a => a.TextContent.StartsWith("Change", StringComparison.Ordinal)));
        var unitPage = await app.Browser().GetPageAsync($"/units/{project.Code}");
        Assert.Contains(unitPage.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"/units/{project.Code}/tolerances");

        var saved = await app.Browser().SubmitFormAsShownAsync($"/units/{project.Code}/tolerances/time", new Dictionary<string, string?> { ["Input.Over"] = "8" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var view = await (await app.Api().GetAsync($"/api/v1/units/{project.Code}/tolerances", Ct)).ReadAsync<UnitTolerancesView>();
        Assert.Equal((8m, (decimal?)null), (view[ToleranceDimension.Time].Over!.Value, view[ToleranceDimension.Time].Under));
        Assert.Equal((2m, 1m), (view[ToleranceDimension.Cost].Over!.Value, view[ToleranceDimension.Cost].Under!.Value));

        var bad = await app.Browser().SubmitFormAsShownAsync($"/units/{project.Code}/tolerances/cost", new Dictionary<string, string?> { ["Input.Under"] = "-3" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("Cost tolerance below plan must be from 0 to 1000 (% of budget), not -3", (await bad.ReadHtmlAsync()).ErrorSummary());
    }

    [Fact]
    public async Task AViewer_SeesTheTolerances_WithNoWayToChangeThem()
    {
        var (_, _, project) = await app.CreateTreeAsync();
        var viewer = await app.SignInAsync(await app.AddAccountWithRoleAsync(StewardRole.Viewer, project.Code));

        var page = await app.Browser(viewer).GetPageAsync($"/units/{project.Code}/tolerances");
        Assert.DoesNotContain(page.QuerySelectorAll("main a"), a => a.TextContent.StartsWith("Change", StringComparison.Ordinal));
        var edit = await app.Browser(viewer).GetPageAsync($"/units/{project.Code}/tolerances/risk");
        Assert.Null(edit.QuerySelector("main form"));
        await app.Browser(viewer).GetPageAsync($"/units/{project.Code}/tolerances/colour", 404);
    }

    // Issue 26: the item page says which tolerance at which level each escalation step breached.
    [Fact]
    public async Task AnEscalatedRisk_SaysWhichToleranceItBreachedAtEachLevel()
    {
        var (_, programme, project) = await app.CreateTreeAsync();
        var owner = await app.CreatePersonAsync();
        await Put(project.Code, new { risk = new { over = 11 } });
        await Put(programme.Code, new { risk = new { over = 19 } });
        var risk = await app.CreateRiskAsync(project.Code, owner.Id, 4, 4);

        var page = await app.Browser().GetPageAsync($"/units/{project.Code}/risks/{risk.Reference}");
        var steps = page.QuerySelectorAll("#escalation ~ ul li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(2, steps.Count);
        Assert.StartsWith(project.Code, steps[0], StringComparison.Ordinal);
        Assert.EndsWith("holds scores up to 11: beyond it by 5, so it went up.", steps[0], StringComparison.Ordinal);
        Assert.EndsWith("holds scores up to 19: within it, so it is held here.", steps[1], StringComparison.Ordinal);
    }

    private async Task Put(string code, object body)
    {
        var response = await app.Api().SendJsonAsync(HttpMethod.Put, $"/api/v1/units/{code}/tolerances", body, null);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
    }
}

public sealed class TolerancePagesOnSqlite(SqliteApp app) : TolerancePagesTests<SqliteApp>(app);

public sealed class TolerancePagesOnPostgres(PostgresApp app) : TolerancePagesTests<PostgresApp>(app);
