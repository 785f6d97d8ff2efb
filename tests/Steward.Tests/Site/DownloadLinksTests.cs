using System.Net;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Site;

// Every download link a page offers answers with its file, under the page's default filters and a few
// chosen ones (an empty filter in a link means "not set").
public abstract class DownloadLinksTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : StewardApp
{
    [Fact]
    public async Task EveryDownloadLinkOnEveryPage_AnswersWithItsFile()
    {
        var (_, programme, project) = await app.CreateTreeAsync();
        var owner = await app.CreatePersonAsync();
        await app.CreateRiskAsync(project.Code, owner.Id);
        await app.CreateActionAsync(project.Code, owner.Id);
        await app.CreateDecisionAsync(project.Code, owner.Id);
        await app.CreatePlanTaskAsync(project.Code);
        string[] pages =
        [
            $"/units/{programme.Code}/raid", $"/units/{programme.Code}/raid?type=issues", $"/units/{programme.Code}/raid?type=assumptions",
            $"/units/{programme.Code}/raid?type=dependencies", $"/units/{programme.Code}/raid?status=&owner=&sort=", $"/units/{programme.Code}/governance",
            $"/units/{programme.Code}/governance?status=&overdue=", $"/units/{programme.Code}/governance?status=open&overdue=true", $"/units/{project.Code}/plan",
        ];

        var browser = app.Browser();
        var links = 0;
        foreach (var url in pages)
        {
            var page = await browser.GetPageAsync(url);
            foreach (var href in page.QuerySelectorAll("a[href*='/export']").Select(a => a.GetAttribute("href")!))
            {
                var file = await browser.GetAsync(href, TestContext.Current.CancellationToken);
                Assert.True(file.StatusCode == HttpStatusCode.OK, $"{href} on {url} answered {(int)file.StatusCode}: {await file.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}");
                Assert.NotNull(file.Content.Headers.ContentDisposition);
                links++;
            }
        }

        Assert.True(links >= 17, $"only {links} download links were found");
    }
}

public sealed class DownloadLinksOnSqlite(SqliteApp app) : DownloadLinksTests<SqliteApp>(app);

public sealed class DownloadLinksOnPostgres(PostgresApp app) : DownloadLinksTests<PostgresApp>(app);
