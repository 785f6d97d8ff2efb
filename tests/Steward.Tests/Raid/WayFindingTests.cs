using Steward.Features.Access;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Raid;

// Issue 26 item 7: back links return to where the person came from, and registers show unit names
// with the code beneath.
public abstract class WayFindingTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : StewardApp
{
    [Fact]
    public async Task ARiskOpenedFromTheProgrammesRegister_LeadsBackToThatRegister()
    {
        var (_, programme, project) = await app.CreateTreeAsync();
        var owner = await app.CreatePersonAsync();
        var risk = await app.CreateRiskAsync(project.Code, owner.Id);
        await app.CreateIssueAsync(project.Code, owner.Id);

        var register = await app.Browser().GetPageAsync($"/units/{programme.Code}/raid");
        var link = register.QuerySelector($"main table a[href^='/units/{project.Code}/risks/{risk.Reference}']")!.GetAttribute("href")!;
        Assert.Equal($"/units/{project.Code}/risks/{risk.Reference}?from={programme.Code}", link);
        var fromProgramme = await app.Browser().GetPageAsync(link);
        var back = fromProgramme.QuerySelector(".govuk-back-link")!;
        Assert.Equal((RegisterOf(programme.Code), $"Back to the RAID register of {programme.Name}"), (back.GetAttribute("href"), back.TextContent.Trim()));

        var issueLink = (await app.Browser().GetPageAsync($"/units/{programme.Code}/raid?type=issues"))
            .QuerySelector($"main table a[href^='/units/{project.Code}/issues/']")!.GetAttribute("href")!;
        Assert.Equal(RegisterOf(programme.Code, "issues"), (await app.Browser().GetPageAsync(issueLink)).QuerySelector(".govuk-back-link")!.GetAttribute("href"));

        // Opened from its own register, or with a register the person may not read, it leads to its own.
        var own = await app.Browser().GetPageAsync($"/units/{project.Code}/risks/{risk.Reference}");
        Assert.Equal(RegisterOf(project.Code), own.QuerySelector(".govuk-back-link")!.GetAttribute("href"));
        var viewer = await app.SignInAsync(await app.AddAccountWithRoleAsync(StewardRole.Viewer, project.Code));
        var notTheirs = await app.Browser(viewer).GetPageAsync($"/units/{project.Code}/risks/{risk.Reference}?from={programme.Code}");
        Assert.Equal(RegisterOf(project.Code), notTheirs.QuerySelector(".govuk-back-link")!.GetAttribute("href"));
        Assert.Equal(RegisterOf(project.Code), (await app.Browser().GetPageAsync($"/units/{project.Code}/risks/{risk.Reference}?from=NO-SUCH-UNIT")).QuerySelector(".govuk-back-link")!.GetAttribute("href"));
    }

    [Fact]
    public async Task RegistersName_EachItemsUnit_WithItsCodeBeneath()
    {
        var (_, programme, project) = await app.CreateTreeAsync();
        var owner = await app.CreatePersonAsync();
        await app.CreateRiskAsync(project.Code, owner.Id);

        var cells = (await app.Browser().GetPageAsync($"/units/{programme.Code}/raid")).QuerySelectorAll("main table:last-of-type tbody td");
        Assert.Contains(cells, c => c.TextContent.Trim().StartsWith(project.Name, StringComparison.Ordinal) && c.QuerySelector(".govuk-body-s")?.TextContent == project.Code);
    }

    [Fact]
    public async Task APortfoliosMilestonesPage_LeadsBackToThePortfolio_NotToAPlanItHasNot()
    {
        var (portfolio, _, project) = await app.CreateTreeAsync();
        await app.CreatePlanTaskAsync(project.Code);

        var back = (await app.Browser().GetPageAsync($"/units/{portfolio.Code}/milestones")).QuerySelector(".govuk-back-link")!;
        Assert.Equal(($"/units/{portfolio.Code}", $"Back to {portfolio.Name}"), (back.GetAttribute("href"), back.TextContent.Trim()));
        var planned = (await app.Browser().GetPageAsync($"/units/{project.Code}/milestones")).QuerySelector(".govuk-back-link")!;
        Assert.Equal(($"/units/{project.Code}/plan", "Back to the plan"), (planned.GetAttribute("href"), planned.TextContent.Trim()));
    }

    private static string RegisterOf(string code, string? type = null) => $"/units/{code}/raid" + (type is null ? string.Empty : $"?type={type}");
}

public sealed class WayFindingOnSqlite(SqliteApp app) : WayFindingTests<SqliteApp>(app);

public sealed class WayFindingOnPostgres(PostgresApp app) : WayFindingTests<PostgresApp>(app);
