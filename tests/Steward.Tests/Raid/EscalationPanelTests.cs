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
}

public sealed class EscalationPanelOnSqlite(SqliteApp app) : EscalationPanelTests<SqliteApp>(app);

public sealed class EscalationPanelOnPostgres(PostgresApp app) : EscalationPanelTests<PostgresApp>(app);
