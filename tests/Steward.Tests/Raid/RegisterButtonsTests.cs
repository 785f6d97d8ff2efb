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
}

public sealed class RegisterButtonsOnSqlite(SqliteApp app) : RegisterButtonsTests<SqliteApp>(app);

public sealed class RegisterButtonsOnPostgres(PostgresApp app) : RegisterButtonsTests<PostgresApp>(app);
