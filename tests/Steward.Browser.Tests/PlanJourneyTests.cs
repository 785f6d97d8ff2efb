using Microsoft.Playwright;
using Steward.Tests.Infrastructure;

namespace Steward.Browser.Tests;

public sealed class PlanJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    // The "done when", in a browser: a planner imports a Microsoft Project file, sees its critical
    // path, adds a portfolio milestone, sets a baseline, makes a task longer so the milestone slips, and
    // the programme and portfolio see the slip. The plan (with its Gantt chart), task form, baselines,
    // milestones and roadmap pages are scanned with axe.
    [Fact]
    public async Task APlanIsImported_Baselined_AndAMilestoneSlip_IsSeenUpTheTree()
    {
        var (portfolio, programme, project) = await app.CreateTreeAsync();
        var page = await app.NewPageAsync();
        string? folder = Environment.GetEnvironmentVariable("STEWARD_SCREENSHOTS") is { Length: > 0 } f ? f : null;
        var summary = page.Locator(".govuk-error-summary");

        await page.GotoAsync($"/units/{project.Code}");
        await page.GetByRole(AriaRole.Link, new() { Name = $"Plan and Gantt chart of {project.Name}" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("has no plan yet");
        await page.AssertNoViolationsAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Import from Microsoft Project" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Import the plan" }).ClickAsync();
        await Assertions.Expect(summary).ToContainTextAsync("Choose a Microsoft Project XML file");
        await page.AssertNoViolationsAsync();
        await page.GetByLabel("Microsoft Project XML file").SetInputFilesAsync(new FilePayload { Name = "notes.xml", MimeType = "application/xml", Buffer = "<notes/>"u8.ToArray() });
        await page.GetByRole(AriaRole.Button, new() { Name = "Import the plan" }).ClickAsync();
        await Assertions.Expect(summary).ToContainTextAsync("not a Microsoft Project XML file");
        await page.GetByLabel("Microsoft Project XML file").SetInputFilesAsync(SharedData.PathTo("mspdi/task-links-project2010-mspdi.xml"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Import the plan" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("agrees with Microsoft Project's on all 17 tasks");
        await Assertions.Expect(page.Locator("main dl")).ToContainTextAsync("9. Task 1 → 10. Task 2");
        await Assertions.Expect(page.Locator("svg[role=group] > title")).ToHaveTextAsync("Gantt chart of task-links-project2010-mspdi.xml");
        await page.AssertNoViolationsAsync();
        await AssertChartFitsItsColumnAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Plan settings" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Calendar now: Standard");
        await page.AssertNoViolationsAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Back to the plan" }).ClickAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Add a task or milestone" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add to the plan" }).ClickAsync();
        await Assertions.Expect(summary).ToContainTextAsync("Enter the task's name");
        await page.AssertNoViolationsAsync();
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Service live");
        await page.GetByLabel("Duration").FillAsync("0");
        await page.GetByLabel("Predecessors (optional)").FillAsync("10");
        await page.GetByLabel("For a milestone: who reports on it").SelectOptionAsync(new SelectOptionValue { Label = "Portfolio" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Add to the plan" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Task 17 has been added");

        await page.GetByRole(AriaRole.Button, new() { Name = "Set a baseline" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Set baseline" }).ClickAsync();
        await Assertions.Expect(summary).ToContainTextAsync("Enter a name for the baseline");
        await page.AssertNoViolationsAsync();
        await page.GetByLabel("Name").FillAsync("Approved at gate 3");
        await page.GetByRole(AriaRole.Button, new() { Name = "Set baseline" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Baseline 0, ‘Approved at gate 3’, has been set");

        // Task 10 ("Task 2") is the last on the critical path, just before the new milestone.
        await page.GotoAsync($"/units/{project.Code}/plan/task/10");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Task 10: Task 2");
        await page.AssertNoViolationsAsync();
        await page.GetByLabel("Duration").FillAsync("6d");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and schedule" }).ClickAsync();
        await page.GetByLabel("Compare with a baseline").SelectOptionAsync("0");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show variance" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Row, new() { Name = "Service live" })).ToContainTextAsync("+5 working days");
        await page.AssertNoViolationsAsync();
        if (folder is not null)
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, "plan.png"), FullPage = true });
        }

        await page.GotoAsync($"/units/{programme.Code}/milestones");
        await Assertions.Expect(page.GetByRole(AriaRole.Row, new() { Name = "Service live" }).First).ToContainTextAsync(project.Code);
        await Assertions.Expect(page.Locator("#moved-right")).ToBeVisibleAsync();
        await page.AssertNoViolationsAsync();
        if (folder is not null)
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, "milestones.png"), FullPage = true });
        }

        await page.GotoAsync($"/units/{portfolio.Code}/roadmap");
        await Assertions.Expect(page.Locator("main table")).ToContainTextAsync("Service live");
        await Assertions.Expect(page.Locator("main table")).ToContainTextAsync("moved 7 calendar days later this week");
        await Assertions.Expect(page.Locator("#without-plan + p + ul")).ToContainTextAsync(programme.Name);
        await page.AssertNoViolationsAsync();
        await AssertChartFitsItsColumnAsync(page);
        if (folder is not null)
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, "roadmap.png"), FullPage = true });
        }
    }

    // The chart is drawn within the page's column: nothing on it (the last milestone) is out of view.
    private static async Task AssertChartFitsItsColumnAsync(IPage page)
    {
        var overflow = await page.EvaluateAsync<double>("() => { const svg = document.querySelector('.steward-chart'); const column = document.querySelector('main'); return svg.getBoundingClientRect().right - column.getBoundingClientRect().right; }");
        Assert.True(overflow <= 0, $"The chart runs {overflow} px past the page's column");
    }

    // A project's task waits on a task in another project's plan, typed in the task form; the plan and the
    // programme's integrated plan list the link with its margin. Both pages are scanned with axe.
    [Fact]
    public async Task ATaskWaitingOnAnotherProjectsPlan_IsLinked_AndTheProgrammeSeesTheLink()
    {
        var (_, programme, platform) = await app.CreateTreeAsync();
        var service = await app.CreateUnitAsync(Steward.Features.Units.UnitKind.Project, programme.Id);
        var imported = await app.Api().PostFileAsync($"/api/v1/units/{platform.Code}/plan/import", await File.ReadAllBytesAsync(SharedData.PathTo("mspdi/task-links-project2010-mspdi.xml")), "application/xml");
        Assert.True(imported.IsSuccessStatusCode, await imported.Content.ReadAsStringAsync());
        var settings = await app.Api().SendJsonAsync(HttpMethod.Put, $"/api/v1/units/{service.Code}/plan", new { name = "Service plan", start = "2014-10-01", calendar = "inherit" }, "\"0\"");
        Assert.True(settings.IsSuccessStatusCode, await settings.Content.ReadAsStringAsync());
        var page = await app.NewPageAsync();
        string? folder = Environment.GetEnvironmentVariable("STEWARD_SCREENSHOTS") is { Length: > 0 } f ? f : null;

        await page.GotoAsync($"/units/{service.Code}/plan/task");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Migrate case data");
        await page.GetByLabel("Duration").FillAsync("5d");
        await page.GetByLabel("Predecessors (optional)").FillAsync("NO-SUCH-UNIT/10");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add to the plan" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("No unit you can see has the code NO-SUCH-UNIT");
        await page.AssertNoViolationsAsync();
        await page.GetByLabel("Predecessors (optional)").FillAsync($"{platform.Code}/10FS+1d");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add to the plan" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Task 1 has been added");
        await Assertions.Expect(page.Locator("#cross-unit-links + p + div table")).ToContainTextAsync($"{platform.Code}/10");
        await page.AssertNoViolationsAsync();

        await page.GotoAsync($"/units/{programme.Code}/plan");
        var links = page.Locator("#cross-unit-links + p + div table");
        await Assertions.Expect(links).ToContainTextAsync($"{service.Code}/1");
        await Assertions.Expect(links).ToContainTextAsync("finish to start, 1d lag");
        await Assertions.Expect(links).ToContainTextAsync("0 working days");
        await page.AssertNoViolationsAsync();
        if (folder is not null)
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, "integrated.png"), FullPage = true });
        }

        // The service's own calendar: a day off of its own pushes the task waiting on the platform.
        await page.GotoAsync($"/units/{service.Code}/plan/settings");
        await page.GetByLabel("Its own, with no bank holidays").CheckAsync();
        await page.GetByLabel("Days off of its own (optional)").FillAsync("31/02/2014");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and schedule" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("‘31/02/2014’ is not a date");
        await page.AssertNoViolationsAsync();
        if (folder is not null)
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, "settings.png"), FullPage = true });
        }

        await page.GetByLabel("Days off of its own (optional)").FillAsync("05/11/2014");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and schedule" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("settings have been saved");
        await Assertions.Expect(page.Locator("main dl")).ToContainTextAsync("12 Nov 2014");

        // The task's own page moves it in the outline and removes it, refusing a move off the outline.
        await page.GotoAsync($"/units/{service.Code}/plan/task/1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Move up" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("already the first task of the plan");
        await page.AssertNoViolationsAsync();
        if (folder is not null)
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, "task.png"), FullPage = true });
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Remove task 1" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Task 1, ‘Migrate case data’, has been removed");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("has no plan yet");
    }
}
