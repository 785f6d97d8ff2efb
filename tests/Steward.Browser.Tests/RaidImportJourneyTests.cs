using Microsoft.Playwright;
using Steward.Tests.Infrastructure;
using Steward.Tests.Raid;

namespace Steward.Browser.Tests;

public sealed class RaidImportJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    // A colleague's RAID log, on the real template, taken back into Steward: upload, check the mapping
    // and the preview, import. Each step is scanned with axe.
    [Fact]
    public async Task TheRealTemplate_IsUploadedCheckedAndImported()
    {
        var (_, _, project) = await app.CreateTreeAsync();
        var owner = await app.CreatePersonAsync($"Mary Seacole {Guid.NewGuid().ToString("N")[..6]}");
        var page = await app.NewPageAsync();
        await page.GotoAsync($"/units/{project.Code}/raid");
        await page.GetByRole(AriaRole.Link, new() { Name = "Import risks from a spreadsheet" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Check the file" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Choose a spreadsheet to import");
        await page.AssertNoViolationsAsync();

        var file = RaidTemplate.FillRiskRegister(
            new Dictionary<string, object> { ["D"] = "Contractor cannot get security clearance in time", ["G"] = "Medium", ["H"] = 4 },
            new Dictionary<string, object> { ["D"] = "Business case approval slips", ["G"] = 2, ["H"] = "Very High" });
        await page.GetByLabel("Spreadsheet").SetInputFilesAsync(new FilePayload
        {
            Name = "raid_log.xlsx",
            MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            Buffer = file,
        });
        await page.GetByLabel("Owner of rows that name none (optional)").SelectOptionAsync(new SelectOptionValue { Label = owner.Name });
        await page.GetByRole(AriaRole.Button, new() { Name = "Check the file" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("2 rows under the headings on row 4 of the sheet ‘Risk Register’");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Contractor cannot get security clearance in time");
        await page.AssertNoViolationsAsync();
        if (Environment.GetEnvironmentVariable("STEWARD_SCREENSHOTS") is { Length: > 0 } shots)
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(shots, "raid-import-check.png"), FullPage = true });
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Import 2 risks" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Imported 2 risks");
        await Assertions.Expect(page.Locator("main table").Last).ToContainTextAsync("Business case approval slips");
        await page.AssertNoViolationsAsync();
    }

    // A few hundred kilobytes that expand to two million rows: refused on the page, naming the limit, at once.
    [Fact]
    public async Task AWorkbookOverTheRowLimit_IsRefusedOnThePage_NamingTheLimit()
    {
        var (_, _, project) = await app.CreateTreeAsync();
        var page = await app.NewPageAsync();
        await page.GotoAsync($"/units/{project.Code}/raid/import/risks");
        await page.GetByLabel("Spreadsheet").SetInputFilesAsync(new FilePayload
        {
            Name = "two-million-rows.xlsx",
            MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            Buffer = Steward.Tests.HostileImports.HostileFiles.WorkbookOfRows(2_000_000),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Check the file" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("more than 100,000 rows; Steward imports at most 100,000 at a time");
        await page.AssertNoViolationsAsync();
        if (Environment.GetEnvironmentVariable("STEWARD_SCREENSHOTS") is { Length: > 0 } shots)
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(shots, "raid-import-too-many-rows.png"), FullPage = true });
        }
    }

    // The same template's Issue Register, from the register's Issues tab: the import page follows the tab.
    [Fact]
    public async Task TheTemplatesIssueLog_IsImportedFromTheIssuesTab()
    {
        var (_, _, project) = await app.CreateTreeAsync();
        var owner = await app.CreatePersonAsync($"Alan Turing {Guid.NewGuid().ToString("N")[..6]}");
        var page = await app.NewPageAsync();
        await page.GotoAsync($"/units/{project.Code}/raid?type=issues");
        await page.GetByRole(AriaRole.Link, new() { Name = "Import issues from a spreadsheet" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Import issues from a spreadsheet");

        var file = RaidTemplate.FillIssueRegister(
            new Dictionary<string, object> { ["B"] = "Open", ["D"] = "Critical", ["E"] = "Payroll interface rejects new grades", ["F"] = owner.Name, ["G"] = "15/01/2027" },
            new Dictionary<string, object> { ["B"] = "Sideways", ["D"] = "Low", ["E"] = "Training room double-booked", ["F"] = owner.Name });
        await page.GetByLabel("Spreadsheet").SetInputFilesAsync(new FilePayload { Name = "issues.xlsx", MimeType = "application/octet-stream", Buffer = file });
        await page.GetByRole(AriaRole.Button, new() { Name = "Check the file" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("of the sheet ‘Issue Register’");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("'Sideways' is not a status Steward can import");
        await page.AssertNoViolationsAsync();

        // Leave the bad column out, check again, and import.
        await page.GetByLabel("Current Status").SelectOptionAsync("-");
        await page.GetByRole(AriaRole.Button, new() { Name = "Check again" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Payroll interface rejects new grades");
        await page.AssertNoViolationsAsync();
        if (Environment.GetEnvironmentVariable("STEWARD_SCREENSHOTS") is { Length: > 0 } shots)
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(shots, "raid-import-issues.png"), FullPage = true });
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Import 2 issues" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Imported 2 issues");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Training room double-booked");
    }
}
