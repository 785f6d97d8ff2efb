using System.Net;
using Steward.Features.Access;
using Steward.Features.Finance;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Finance;

// The finance page's choice of what viewers see, made through its form and seen by a viewer.
public abstract class FinancePagesTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : StewardApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly FinancialYear NextYear = FinancialYear.Of(DateOnly.FromDateTime(DateTime.UtcNow)).Next;

    [Fact]
    public async Task TheFormChoosesTotalsOnlyForViewers_AndAViewerThenSeesNoLinesCategoriesOrDownloads()
    {
        var (portfolio, _, project) = await app.CreateTreeAsync();
        var line = new { category = "cdel", year = NextYear.ToString(), months = new Dictionary<string, string> { ["P1"] = "1000" } };
        (await app.Api().SendJsonAsync(HttpMethod.Put, $"/api/v1/units/{project.Code}/finance/forecast", new { reason = "First", changeTotal = true, lines = new[] { line } }, null)).EnsureSuccessStatusCode();
        var viewer = app.Browser(await app.SignInAsync(await app.AddAccountWithRoleAsync(StewardRole.Viewer, portfolio.Code)));
        var before = await viewer.GetPageAsync($"/units/{project.Code}/finance?year={NextYear}");
        Assert.NotNull(before.QuerySelector("select#category"));
        Assert.Null(before.QuerySelector("form[action*='handler=Viewers']"));
        // A viewer cannot make the choice by posting the form anyway.
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsync($"/units/{portfolio.Code}/finance?handler=Viewers", new FormUrlEncodedContent([new("totalsOnly", "true")]), Ct)).StatusCode);

        var saved = await app.Browser().SubmitFormAsShownAsync($"/units/{portfolio.Code}/finance", new Dictionary<string, string?> { ["totalsOnly"] = "true" }, "form[action*='handler=Viewers']");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var after = await viewer.GetPageAsync($"/units/{project.Code}/finance?year={NextYear}&category=cdel");
        Assert.Contains("You are shown the totals of this project's money only", after.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Null(after.QuerySelector("select#category"));
        Assert.DoesNotContain(after.QuerySelectorAll("main a"), a => a.GetAttribute("href")!.Contains("/export", StringComparison.Ordinal));
        Assert.DoesNotContain("own lines", after.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("£1,000", after.QuerySelector("main table")!.TextContent, StringComparison.Ordinal);
        var owner = await app.Browser().GetPageAsync($"/units/{project.Code}/finance?year={NextYear}");
        Assert.Contains("own lines", owner.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }
}

public sealed class FinancePagesOnSqlite(SqliteApp app) : FinancePagesTests<SqliteApp>(app);

public sealed class FinancePagesOnPostgres(PostgresApp app) : FinancePagesTests<PostgresApp>(app);
