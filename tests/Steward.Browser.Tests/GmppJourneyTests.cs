using Microsoft.Playwright;
using Steward.Tests.Infrastructure;

namespace Steward.Browser.Tests;

public sealed class GmppJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    // A PMO moves its department in from a published GMPP file: uploads it, reads the dry run (every value
    // kept as published, how each project is matched), confirms, opens a project's GMPP history and records
    // its entry. The import page (empty, with an error, with the dry run, imported), the GMPP page and the
    // entry form are scanned with axe.
    [Fact]
    public async Task APublishedFile_IsCheckedConfirmedAndImported_AndAProjectsHistoryIsSeen()
    {
        var portfolio = await app.CreateUnitAsync(Steward.Features.Units.UnitKind.Portfolio);
        var page = await app.NewPageAsync();
        string? folder = Environment.GetEnvironmentVariable("STEWARD_SCREENSHOTS") is { Length: > 0 } f ? f : null;
        var summary = page.Locator(".govuk-error-summary");

        await page.GotoAsync($"/units/{portfolio.Code}");
        await page.GetByRole(AriaRole.Link, new() { Name = $"GMPP data of {portfolio.Name}" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("No GMPP data yet");
        await page.AssertNoViolationsAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = $"Import published GMPP files into {portfolio.Code}" }).ClickAsync();
        await page.AssertNoViolationsAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Check the file" }).ClickAsync();
        await Assertions.Expect(summary).ToContainTextAsync("Choose a published GMPP file");
        await page.AssertNoViolationsAsync();

        await page.GetByLabel("Published GMPP file").SetInputFilesAsync(SharedData.PathTo("gmpp/gmpp_2015_transposed_rauschgold_uk_2015.csv"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Check the file" }).ClickAsync();
        var main = page.Locator("main");
        await Assertions.Expect(main).ToContainTextAsync("data as at 30 September 2014 (financial year 2014/15)");
        await Assertions.Expect(main).ToContainTextAsync("188 projects");
        await Assertions.Expect(page.GetByRole(AriaRole.Row, new() { Name = "column BF" }).First).ToContainTextAsync("'>1000%' is not a percentage");
        await page.AssertNoViolationsAsync();
        if (folder is not null)
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, "gmpp-dry-run.png"), FullPage = true });
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm and import gmpp_2015_transposed_rauschgold_uk_2015.csv" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("188 snapshots as at 30 September 2014 added");
        await page.AssertNoViolationsAsync();

        await page.GetByRole(AriaRole.Row, new() { Name = "St Helena Airport" }).GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("GMPP data");
        await Assertions.Expect(page.GetByRole(AriaRole.Row, new() { Name = "30 September 2014" })).ToContainTextAsync("Amber");
        await page.AssertNoViolationsAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Change its GMPP entry" }).ClickAsync();
        await page.GetByLabel("GMPP id").FillAsync("not an id!");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(summary).ToContainTextAsync("Enter the GMPP id as published");
        await page.AssertNoViolationsAsync();
        await page.GetByLabel("GMPP id").FillAsync("DFID_0001_1213-Q2");
        await page.GetByLabel("Infrastructure and Construction").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("has been saved");
        await Assertions.Expect(page.Locator("main dl").First).ToContainTextAsync("DFID_0001_1213-Q2");
        await Assertions.Expect(page.Locator("main dl").First).ToContainTextAsync("1 July 2012");
        if (folder is not null)
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, "gmpp-unit.png"), FullPage = true });
        }

        // The narratives for the next return start from the published ones; a field is withheld.
        await page.GetByRole(AriaRole.Link, new() { Name = "Write the narratives for the next return, and the fields withheld" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-inset-text")).ToContainTextAsync("published as at 30 September 2014");
        await page.AssertNoViolationsAsync();
        await page.GetByLabel("Baseline Whole Life Costs (£m)").SelectOptionAsync("section-43");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("narratives of");

        // The return of the portfolio for that date, in the 2021 layout: checked before anything is produced.
        await page.GotoAsync($"/units/{portfolio.Code}/gmpp/return?asAt=2014-09-30&layout=2021");
        await Assertions.Expect(page.Locator("h2").First).ToContainTextAsync("As at 30 September 2014: 188 units");
        await Assertions.Expect(page.GetByRole(AriaRole.Row, new() { Name = "St Helena Airport" })).ToContainTextAsync("Exempt under Section 43");
        await page.AssertNoViolationsAsync();
        if (folder is not null)
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, "gmpp-return.png"), FullPage = true });
        }
    }
}
