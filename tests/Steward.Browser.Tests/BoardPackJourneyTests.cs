using Microsoft.Playwright;
using Steward.Features.Reporting;
using Steward.Tests.Infrastructure;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Outline;
using UglyToad.PdfPig.Tokens;

namespace Steward.Browser.Tests;

public sealed class BoardPackJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    // A programme's board pack from its page: asked for, followed while Debian's Chromium prints it in the
    // background, downloaded; the PDF is tagged, has bookmarks for its parts and each unit's report, and
    // quotes the project's submitted report. Each page axe-scanned.
    [Fact]
    public async Task AProgrammesBoardPack_IsPrinted_Tagged_WithBookmarks()
    {
        var (portfolio, programme, project) = await app.CreateTreeAsync();
        var api = app.Api();
        (await api.SendJsonAsync(HttpMethod.Put, $"/api/v1/units/{portfolio.Code}/reporting-cycle", new ReportingCycleInput("monthly", 5, null, null), null)).EnsureSuccessStatusCode();
        var period = ReportingPeriod.Containing(ReportingCadence.Monthly, DateOnly.FromDateTime(DateTime.UtcNow)).Previous();
        var report = await (await api.SendJsonAsync(HttpMethod.Post, $"/api/v1/units/{project.Code}/reports", new DraftRequest(period.Key), null)).ReadAsync<StatusReportView>();
        report = await (await api.SendJsonAsync(HttpMethod.Put, $"/api/v1/units/{project.Code}/reports/{report.Reference}",
            new StatusReportInput("Pilot live at two ports.", null, null, "Approve the national roll-out.", null, "amber", null), $"\"{report.Version}\"")).ReadAsync<StatusReportView>();
        (await api.SendJsonAsync(HttpMethod.Post, $"/api/v1/units/{project.Code}/reports/{report.Reference}/submit", null, $"\"{report.Version}\"")).EnsureSuccessStatusCode();

        var page = await app.NewPageAsync();
        await page.GotoAsync($"/units/{programme.Code}");
        await page.GetByRole(AriaRole.Link, new() { Name = $"Board packs of {programme.Name}" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Board packs");
        await page.AssertNoViolationsAsync();
        await Assertions.Expect(page.GetByLabel("Period")).ToHaveValueAsync(period.Key);
        await page.GetByRole(AriaRole.Button, new() { Name = "Print the board pack" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync($"Board pack: {period.Describe()}");
        await page.AssertNoViolationsAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Download the board pack" })).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await page.AssertNoViolationsAsync();

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download the board pack" }).ClickAsync());
        Assert.Equal($"{programme.Code}-board-pack-{period.Key}.pdf", download.SuggestedFilename);
        var kept = Path.Combine(Path.GetTempPath(), "steward-tests", $"{Guid.NewGuid():N}.pdf");
        await download.SaveAsAsync(kept);

        using var pdf = PdfDocument.Open(kept);
        Assert.True(pdf.NumberOfPages >= 5, $"{pdf.NumberOfPages} pages");
        var catalog = pdf.Structure.Catalog.CatalogDictionary;
        Assert.True(catalog.ContainsKey(NameToken.StructTreeRoot), "the PDF has no structure tree: it is not tagged");
        Assert.True(catalog.TryGet(NameToken.MarkInfo, pdf.Structure.TokenScanner, out DictionaryToken? marked)
            && marked.TryGet(NameToken.Marked, out BooleanToken? isMarked) && isMarked.Data, "the PDF is not marked as tagged");
        Assert.True(pdf.TryGetBookmarks(out var bookmarks, false), "the PDF has no bookmarks");
        var titles = Flatten(bookmarks.GetNodes()).Select(b => b.Title.Trim()).ToList();
        foreach (var part in new[] { "Summary dashboard", "Exceptions and decisions needed", "Status reports", "Risks, milestones, finance and benefits", $"{project.Code} {project.Name} ({report.Reference}, submitted)" })
        {
            Assert.Contains(part, titles);
        }

        var text = string.Join("\n", pdf.GetPages().Select(p => p.Text));
        Assert.Contains("Pilot live at two ports.", text, StringComparison.Ordinal);
        Assert.Contains("Approve the national roll-out.", text, StringComparison.Ordinal);
        Assert.StartsWith($"Board pack: {programme.Code} {programme.Name}", pdf.Information.Title, StringComparison.Ordinal);
    }

    private static IEnumerable<BookmarkNode> Flatten(IEnumerable<BookmarkNode> nodes) => nodes.SelectMany(n => new[] { n }.Concat(Flatten(n.Children)));
}
