using Steward.Features.Access;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Search;

// Issue 26 item 7: search finds RAID items, decisions, actions and plan tasks by reference and title as
// well as units, only where the searcher may read them, and its hint quotes a code that exists.
public abstract class RecordSearchTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : StewardApp
{
    [Fact]
    public async Task RecordsAreFound_ByReferenceAndByWordsOfTheirTitle()
    {
        var (_, programme, project) = await app.CreateTreeAsync();
        var owner = await app.CreatePersonAsync();
        var word = "quokka" + Guid.NewGuid().ToString("N")[..6];
        var risk = await app.CreateRiskAsync(project.Code, owner.Id, title: $"Supplier {word} goes bust");
        var issue = await app.CreateIssueAsync(project.Code, owner.Id);
        var decision = await app.CreateDecisionAsync(programme.Code, owner.Id);
        var action = await app.CreateActionAsync(project.Code, owner.Id);
        var task = await app.CreatePlanTaskAsync(project.Code);

        var byWord = await app.Browser().GetPageAsync($"/search?q={word.ToUpperInvariant()}");
        Assert.Equal([$"{risk.Reference} Supplier {word} goes bust"], Hits(byWord));
        Assert.Equal($"/units/{project.Code}/risks/{risk.Reference}", byWord.QuerySelector("main ul.govuk-list a[href*='/risks/']")!.GetAttribute("href"));

        Assert.Contains(Hits(await app.Browser().GetPageAsync($"/search?q={issue.Reference.ToLowerInvariant()}")), h => h.StartsWith(issue.Reference + " ", StringComparison.Ordinal));
        Assert.Contains(Hits(await app.Browser().GetPageAsync($"/search?q={decision.Reference}")), h => h.StartsWith(decision.Reference + " ", StringComparison.Ordinal));
        Assert.Contains(Hits(await app.Browser().GetPageAsync($"/search?q={Uri.EscapeDataString(action.Description)}")), h => h == $"{action.Reference} {action.Description}");
        var taskName = (await app.Browser().GetPageAsync($"/units/{project.Code}/plan")).QuerySelectorAll("main td, main th")
            .Select(c => c.TextContent.Trim()).First(t => t.StartsWith("Task ", StringComparison.Ordinal) && t.Length > 10);
        Assert.Contains(Hits(await app.Browser().GetPageAsync($"/search?q={Uri.EscapeDataString(taskName)}")), h => h == $"Task {task} {taskName}");
    }

    [Fact]
    public async Task ASearcher_FindsOnlyWhatTheyMayRead()
    {
        var (_, _, project) = await app.CreateTreeAsync();
        var (_, _, elsewhere) = await app.CreateTreeAsync();
        var owner = await app.CreatePersonAsync();
        var word = "wombat" + Guid.NewGuid().ToString("N")[..6];
        var theirs = await app.CreateRiskAsync(project.Code, owner.Id, title: $"{word} one");
        await app.CreateRiskAsync(elsewhere.Code, owner.Id, title: $"{word} two");

        var viewer = await app.SignInAsync(await app.AddAccountWithRoleAsync(StewardRole.Viewer, project.Code));
        var page = await app.Browser(viewer).GetPageAsync($"/search?q={word}");
        Assert.Equal([$"{theirs.Reference} {word} one"], Hits(page));
        Assert.Equal(2, Hits(await app.Browser().GetPageAsync($"/search?q={word}")).Count);
    }

    [Fact]
    public async Task TheHint_QuotesACodeThatExists()
    {
        _ = await app.CreateTreeAsync();
        var hint = (await app.Browser().GetPageAsync("/search")).QuerySelector("#Q-hint")!.TextContent;
        var code = System.Text.RegularExpressions.Regex.Match(hint, "For example, ([A-Z0-9-]+),").Groups[1].Value;
        Assert.NotEmpty(code);
        Assert.Equal(200, (int)(await app.Browser().GetAsync($"/units/{code}", TestContext.Current.CancellationToken)).StatusCode);
    }

    // Each record found, as "reference title".
    private static List<string> Hits(AngleSharp.Dom.IDocument page) =>
        page.QuerySelectorAll("main ul.govuk-list a").Select(a => a.TextContent.Trim())
            .Where(t => System.Text.RegularExpressions.Regex.IsMatch(t, "^([A-Z]+-[0-9]+|Task [0-9]+) ")).ToList();
}

public sealed class RecordSearchOnSqlite(SqliteApp app) : RecordSearchTests<SqliteApp>(app);

public sealed class RecordSearchOnPostgres(PostgresApp app) : RecordSearchTests<PostgresApp>(app);
