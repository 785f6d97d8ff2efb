using Steward.Tests.Infrastructure;

namespace Steward.Tests.Raid;

// Issue 26: each tab of the RAID register offers, as its primary button, recording what the tab lists.
public abstract class RegisterButtonsTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : StewardApp
{
    [Theory]
    [InlineData("", "Raise a risk")]
    [InlineData("?type=issues", "Raise an issue")]
    [InlineData("?type=assumptions", "Record an assumption")]
    [InlineData("?type=dependencies", "Record a dependency")]
    public async Task ThePrimaryButton_FitsTheTab(string tab, string primary)
    {
        var (_, _, project) = await app.CreateTreeAsync();
        var page = await app.Browser().GetPageAsync($"/units/{project.Code}/raid{tab}");
        var button = page.QuerySelector("main .govuk-button-group .govuk-button:not(.govuk-button--secondary)")!;
        Assert.Equal(primary, button.TextContent.Trim());
    }

    // Issue 26 item 7: the register's tabs are a styled sub navigation, every tab a link, the current one marked.
    [Theory]
    [InlineData("", "Risks")]
    [InlineData("?type=issues", "Issues")]
    [InlineData("?type=assumptions", "Assumptions")]
    [InlineData("?type=dependencies", "Dependencies")]
    public async Task TheTabs_AreASubNavigation_WithTheCurrentOneMarked(string tab, string current)
    {
        var (_, _, project) = await app.CreateTreeAsync();
        var page = await app.Browser().GetPageAsync($"/units/{project.Code}/raid{tab}");
        var links = page.QuerySelectorAll("nav.steward-sub-navigation[aria-label=Register] a.steward-sub-navigation__link");
        Assert.Equal(["Risks", "Assumptions", "Issues", "Dependencies"], links.Select(a => a.TextContent.Trim()));
        Assert.Equal(current, links.Single(a => a.GetAttribute("aria-current") == "page").TextContent.Trim());
        Assert.Equal(current, page.QuerySelector(".steward-sub-navigation__item--current")!.TextContent.Trim());
    }
}

public sealed class RegisterButtonsOnSqlite(SqliteApp app) : RegisterButtonsTests<SqliteApp>(app);

public sealed class RegisterButtonsOnPostgres(PostgresApp app) : RegisterButtonsTests<PostgresApp>(app);
