using System.Net;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Raid;

public abstract class RaidPagesTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : StewardApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EditingARisk_AfterSomeoneElseSaved_Returns409_NamesThem_AndKeepsWhatWasTyped()
    {
        var (_, _, project) = await app.CreateTreeAsync();
        var owner = await app.CreatePersonAsync();
        var risk = await app.CreateRiskAsync(project.Code, owner.Id, 2, 2, "Original title");
        var browser = app.Browser();
        var page = await browser.GetPageAsync($"/units/{project.Code}/risks/{risk.Reference}/edit");
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value");

        var elsewhere = await app.Api().SendJsonAsync(HttpMethod.Put, $"/api/v1/units/{project.Code}/risks/{risk.Reference}",
            new { title = "Changed elsewhere", ownerId = owner.Id, likelihood = 2, impact = 2 }, "\"1\"");
        Assert.Equal(HttpStatusCode.OK, elsewhere.StatusCode);

        var response = await browser.PostAsync($"/units/{project.Code}/risks/{risk.Reference}/edit", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token!,
            ["Input.Version"] = "1",
            ["Input.Title"] = "My edit",
            ["Input.IsOpportunity"] = "False",
            ["Input.OwnerId"] = owner.Id.ToString(),
            ["Input.Likelihood"] = "3",
            ["Input.Impact"] = "3",
        }), Ct);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var conflict = await response.ReadHtmlAsync();
        Assert.StartsWith($"{risk.Reference} was changed by Test Administrator at ", conflict.ErrorSummary().Single(), StringComparison.Ordinal);
        Assert.Equal("My edit", conflict.QuerySelector("#Input_Title")!.GetAttribute("value"));
        Assert.Equal("2", conflict.QuerySelector("input[name='Input.Version']")!.GetAttribute("value"));
    }

    // The register opens on open risks; its Status filter must say so rather than show a blank choice.
    [Fact]
    public async Task TheRegistersStatusFilter_ShowsTheDefaultItApplies()
    {
        var (_, _, project) = await app.CreateTreeAsync();
        var page = await app.Browser().GetPageAsync($"/units/{project.Code}/raid");
        Assert.Equal(["open", "closed", "realised", "all"], page.QuerySelectorAll("#Status option").Select(o => o.GetAttribute("value")));
        var dependencies = await app.Browser().GetPageAsync($"/units/{project.Code}/raid?type=dependencies");
        Assert.Equal("Open (not delivered or broken)", dependencies.QuerySelector("#Status option")!.TextContent);
    }

    [Fact]
    public async Task RaisingARiskWithNothingFilledIn_ListsEveryProblemInFieldOrder()
    {
        var (_, _, project) = await app.CreateTreeAsync();
        var response = await app.Browser().SubmitFormAsync($"/units/{project.Code}/risks/new", new Dictionary<string, string?>());
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.ReadHtmlAsync();
        Assert.Equal(["Enter a title for the risk", "Choose who owns the risk", "Choose the likelihood, from 1 to 5", "Choose the impact, from 1 to 5"], page.ErrorSummary());
    }
}

public sealed class RaidPagesOnSqlite(SqliteApp app) : RaidPagesTests<SqliteApp>(app);

public sealed class RaidPagesOnPostgres(PostgresApp app) : RaidPagesTests<PostgresApp>(app);
