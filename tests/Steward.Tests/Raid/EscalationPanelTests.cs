using System.Net;
using Steward.Features.Access;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Raid;

// The escalation panel offers only what can work, and links only where the reader may go.
public abstract class EscalationPanelTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : StewardApp
{
    [Fact]
    public async Task AnItemAtTheTopOfTheTree_IsNotOfferedEscalation_OneBelowIs()
    {
        var (portfolio, _, project) = await app.CreateTreeAsync();
        var owner = await app.CreatePersonAsync();
        var atTop = await app.CreateRiskAsync(portfolio.Code, owner.Id, 1, 1);
        var below = await app.CreateRiskAsync(project.Code, owner.Id, 1, 1);

        var top = await app.Browser().GetPageAsync($"/units/{portfolio.Code}/risks/{atTop.Reference}");
        var lower = await app.Browser().GetPageAsync($"/units/{project.Code}/risks/{below.Reference}");

        Assert.DoesNotContain(top.QuerySelectorAll("button"), b => b.TextContent.Contains("Escalate one level up", StringComparison.Ordinal));
        Assert.Contains(lower.QuerySelectorAll("button"), b => b.TextContent.Contains("Escalate one level up", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WhereAnItemIsEscalatedTo_IsNamed_ButLinkedOnlyForThoseWhoMayGoThere()
    {
        var (_, programme, project) = await app.CreateTreeAsync();
        var owner = await app.CreatePersonAsync();
        var risk = await app.CreateRiskAsync(project.Code, owner.Id, 1, 1);
        var escalated = await app.Api().SendJsonAsync(HttpMethod.Post, $"/api/v1/units/{project.Code}/risks/{risk.Reference}/escalate", new { reason = "Needs the programme board" }, $"\"{risk.Version}\"");
        Assert.True(escalated.IsSuccessStatusCode, await escalated.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var contributor = await app.SignInAsync(await app.AddAccountWithRoleAsync(StewardRole.Contributor, project.Code));
        var registerLink = $"a[href='/units/{programme.Code}/raid?escalated=true']";

        var theirs = await app.Browser(contributor).GetPageAsync($"/units/{project.Code}/risks/{risk.Reference}");
        var admins = await app.Browser().GetPageAsync($"/units/{project.Code}/risks/{risk.Reference}");

        var said = System.Text.RegularExpressions.Regex.Replace(theirs.QuerySelector("#escalation + .govuk-inset-text")!.TextContent, @"\s+", " ");
        Assert.Contains($"Escalated to {programme.Code} {programme.Name}", said, StringComparison.Ordinal);
        Assert.Null(theirs.QuerySelector(registerLink));
        Assert.NotNull(admins.QuerySelector(registerLink));
        Assert.Equal(HttpStatusCode.NotFound, (await app.Browser(contributor).GetAsync($"/units/{programme.Code}/raid?escalated=true", TestContext.Current.CancellationToken)).StatusCode);
    }

    // Assumptions are escalated by hand (no tolerance places them), through the API, the command line and
    // now their page, which says where one is held and lets it be handed back.
    [Fact]
    public async Task AnEscalatedAssumption_SaysSoOnItsPage_AndIsHandedBackFromIt()
    {
        var (_, programme, project) = await app.CreateTreeAsync();
        var owner = await app.CreatePersonAsync();
        var assumption = await app.CreateAssumptionAsync(project.Code, owner.Id);
        var url = $"/units/{project.Code}/assumptions/{assumption.Reference}";
        var escalated = await app.Api().SendJsonAsync(HttpMethod.Post, $"/api/v1/units/{project.Code}/assumptions/{assumption.Reference}/escalate", new { reason = "The programme owns the supplier" }, $"\"{assumption.Version}\"");
        Assert.True(escalated.IsSuccessStatusCode, await escalated.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        var page = await app.Browser().GetPageAsync(url);
        var said = System.Text.RegularExpressions.Regex.Replace(page.QuerySelector("#escalation + .govuk-inset-text")!.TextContent, @"\s+", " ");
        Assert.Contains($"Escalated to {programme.Code} {programme.Name} by hand", said, StringComparison.Ordinal);
        Assert.Contains("Reason: The programme owns the supplier", said, StringComparison.Ordinal);

        // A Viewer may read the page, which offers them nothing, and is refused before any handler runs.
        var viewer = app.Browser(await app.SignInAsync(await app.AddAccountWithRoleAsync(StewardRole.Viewer, project.Code)));
        Assert.Null((await viewer.GetPageAsync(url)).QuerySelector("form:has(#Reason)"));
        var asViewer = await viewer.PostAsync($"{url}?handler=DeEscalate", new FormUrlEncodedContent([new("reason", "Not theirs")]), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Forbidden, asViewer.StatusCode);

        var blank = await PostEscalationAsync(app.Browser(), url, "DeEscalate", "");
        Assert.Equal(HttpStatusCode.BadRequest, blank.StatusCode);
        Assert.Contains("Say why it is being handed back", (await blank.ReadHtmlAsync()).QuerySelector("#Reason-error")?.TextContent ?? "missing", StringComparison.Ordinal);

        var handedBack = await PostEscalationAsync(app.Browser(), url, "DeEscalate", "Settled with the supplier");
        Assert.Equal(HttpStatusCode.Redirect, handedBack.StatusCode);
        var after = await app.Browser().GetPageAsync(url);
        Assert.Contains("Not escalated: its own unit holds it.", after.QuerySelector("#escalation + p")!.TextContent, StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> PostEscalationAsync(HttpClient client, string url, string handler, string reason)
    {
        var page = await client.GetPageAsync(url);
        var form = page.QuerySelector("form:has(#Reason)") ?? throw new InvalidOperationException($"No escalation form on {url}");
        var fields = form.QuerySelectorAll("input[type=hidden]").Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value") ?? ""))
            .Append(new("reason", reason));
        return await client.PostAsync($"{url}?handler={handler}", new FormUrlEncodedContent(fields), TestContext.Current.CancellationToken);
    }
}

public sealed class EscalationPanelOnSqlite(SqliteApp app) : EscalationPanelTests<SqliteApp>(app);

public sealed class EscalationPanelOnPostgres(PostgresApp app) : EscalationPanelTests<PostgresApp>(app);
