using Microsoft.Playwright;
using Steward.Tests.Infrastructure;

namespace Steward.Browser.Tests;

public sealed class GovernanceJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    // A programme board: set it up, arrange a meeting, hold it (attendance and minutes), record a
    // decision about a risk and an action from the meeting, follow the action up, and subscribe to the
    // calendar. Each page type is scanned with axe.
    [Fact]
    public async Task ABoardIsSetUp_MeetsDecidesAndAssigns_AndTheActionIsFollowedUp()
    {
        var (_, programme, project) = await app.CreateTreeAsync();
        var chair = await app.CreatePersonAsync("Grace Chair");
        await app.CreatePersonAsync("Alan Member");
        var risk = await app.CreateRiskAsync(project.Code, chair.Id, 4, 5, "Supplier insolvency");
        var page = await app.NewPageAsync();
        string? folder = Environment.GetEnvironmentVariable("STEWARD_SCREENSHOTS") is { Length: > 0 } f ? f : null;

        await page.GotoAsync($"/units/{programme.Code}");
        await page.GetByRole(AriaRole.Link, new() { Name = $"Boards, decisions and actions of {programme.Name}" }).ClickAsync();
        await page.AssertNoViolationsAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Set up a board" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Set up board" }).ClickAsync();
        var summary = page.Locator(".govuk-error-summary");
        await Assertions.Expect(summary).ToContainTextAsync("Enter the board's name");
        await Assertions.Expect(summary).ToContainTextAsync("Choose who chairs the board");
        await page.AssertNoViolationsAsync();
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Programme board");
        await page.GetByLabel("Chair", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Grace Chair (Programme Manager)" });
        await page.GetByLabel("Monthly").CheckAsync();
        await page.GetByLabel("Alan Member (Programme Manager)").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Set up board" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Programme board");
        await page.AssertNoViolationsAsync();

        // The board's terms of reference arrive after it is set up; a blank name is refused on the way.
        await page.GetByRole(AriaRole.Button, new() { Name = "Change the board" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Alan Member (Programme Manager)")).ToBeCheckedAsync();
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Assertions.Expect(summary).ToContainTextAsync("Enter the board's name");
        await page.AssertNoViolationsAsync();
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Programme board");
        await page.GetByLabel("Terms of reference (optional)").FillAsync("Decides changes within programme tolerance.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Decides changes within programme tolerance.");

        // Arranged for a day that has passed, so that it can be recorded as held below (issue 26 item 9), and
        // recent enough to be in the calendar feed.
        var met = DateTime.UtcNow.Date.AddDays(-7);
        var metOn = met.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Arrange a meeting" }).ClickAsync();
        await page.GetByLabel("Day").FillAsync(met.Day.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("Month").FillAsync(met.Month.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("Year").FillAsync(met.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("Start time (UK time)").FillAsync("25:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Arrange meeting" }).ClickAsync();
        await Assertions.Expect(summary).ToContainTextAsync("Enter the start time as hours and minutes on the 24-hour clock");
        await page.AssertNoViolationsAsync();
        await page.GetByLabel("Start time (UK time)").FillAsync("10:00");
        await page.GetByLabel("Where (optional)").FillAsync("Room 4.12");
        await page.GetByLabel("Agenda (optional)").FillAsync("Highlight report\nSupplier risk");
        await page.GetByRole(AriaRole.Button, new() { Name = "Arrange meeting" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync($"{metOn}, 10:00am to 11:00am");
        await Assertions.Expect(page.Locator("main ol")).ToContainTextAsync("Supplier risk");

        // The agenda changes before the meeting, and it moves by half an hour.
        await page.GetByRole(AriaRole.Button, new() { Name = "Reschedule or change the agenda" }).ClickAsync();
        await page.AssertNoViolationsAsync();
        await page.GetByLabel("Start time (UK time)").FillAsync("10:30");
        await page.GetByLabel("Agenda (optional)").FillAsync("Highlight report\nSupplier risk\nAny other business");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync($"{metOn}, 10:30am to 11:30am");
        await Assertions.Expect(page.Locator("main ol")).ToContainTextAsync("Any other business");

        await page.GetByRole(AriaRole.Button, new() { Name = "Record attendance and minutes" }).ClickAsync();
        await page.AssertNoViolationsAsync();
        await page.GetByRole(AriaRole.Row, new() { Name = "Alan Member" }).GetByLabel("Apologies").CheckAsync();
        await page.GetByRole(AriaRole.Row, new() { Name = "Grace Chair" }).GetByLabel("Attended").CheckAsync();
        await page.GetByLabel("Minutes").FillAsync("The board discussed the supplier's accounts.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("The board discussed the supplier's accounts.");
        await Assertions.Expect(page.GetByRole(AriaRole.Row, new() { Name = "Alan Member" })).ToContainTextAsync("Apologies");

        await page.GetByRole(AriaRole.Button, new() { Name = "Record a decision" }).ClickAsync();
        await page.GetByLabel("What was decided").FillAsync("Find a second supplier");
        await page.GetByLabel("RAID items it concerns (optional)").FillAsync("R-999999");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record decision" }).ClickAsync();
        await Assertions.Expect(summary).ToContainTextAsync($"R-999999 is not a risk, issue, assumption or dependency in the register of {programme.Code}");
        await page.AssertNoViolationsAsync();
        await page.GetByLabel("RAID items it concerns (optional)").FillAsync(risk.Reference);
        await page.GetByRole(AriaRole.Button, new() { Name = "Record decision" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Find a second supplier");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Programme board");
        await page.AssertNoViolationsAsync();

        // The minutes come back corrected: the decision's rationale is added afterwards.
        await page.GetByRole(AriaRole.Button, new() { Name = "Change the decision" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("RAID items it concerns (optional)")).ToHaveValueAsync(risk.Reference);
        await page.AssertNoViolationsAsync();
        await page.GetByLabel("Why (optional)").FillAsync("The current supplier's accounts show a going-concern risk.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("going-concern risk");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Find a second supplier");

        await page.GetByRole(AriaRole.Link, new() { Name = $"meeting of {metOn}" }).ClickAsync();
        await page.AssertNoViolationsAsync();
        if (folder is not null)
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, "meeting.png"), FullPage = true });
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Raise an action" }).ClickAsync();
        await page.GetByLabel("What is to be done").FillAsync("Ask procurement for a shortlist");
        await page.GetByLabel("Owner").SelectOptionAsync(new SelectOptionValue { Label = "Alan Member (Programme Manager)" });
        await page.GetByLabel("Day").FillAsync("1");
        await page.GetByLabel("Month").FillAsync("2");
        await page.GetByLabel("Year").FillAsync("2020");
        await page.GetByRole(AriaRole.Button, new() { Name = "Raise action" }).ClickAsync();
        await Assertions.Expect(page.Locator("main .govuk-tag").First).ToHaveTextAsync("Overdue");
        await page.AssertNoViolationsAsync();
        await page.GetByLabel("Done").CheckAsync();
        await page.GetByLabel("Progress update").FillAsync("Shortlist received");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.Locator("main .govuk-tag").First).ToHaveTextAsync("Done");
        await Assertions.Expect(page.Locator("#progress + table")).ToContainTextAsync("Shortlist received");

        await page.GotoAsync($"/units/{project.Code}/risks/{risk.Reference}");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Decisions about " + risk.Reference);
        await page.GetByRole(AriaRole.Link, new() { Name = $"Add a mitigation action for {risk.Reference}" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Add a mitigation action");
        await page.AssertNoViolationsAsync();

        var meetingUrl = $"/units/{programme.Code}/governance";
        await page.GotoAsync(meetingUrl);
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Find a second supplier");
        await page.AssertNoViolationsAsync();
        if (folder is not null)
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, "governance.png"), FullPage = true });
        }

        await page.GetByRole(AriaRole.Link, new() { Name = "Subscribe to these meetings and action due dates in your calendar" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Make a calendar address" }).ClickAsync();
        var address = await page.GetByLabel("Calendar address").InputValueAsync();
        Assert.Contains("/calendar/cal_", address, StringComparison.Ordinal);
        await page.AssertNoViolationsAsync();
        var feed = await page.APIRequest.GetAsync(address);
        Assert.Equal(200, feed.Status);
        Assert.Contains("SUMMARY:Programme board", await feed.TextAsync(), StringComparison.Ordinal);
        await page.GetByRole(AriaRole.Button, new() { Name = "Revoke" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Revoked");
        Assert.Equal(404, (await page.APIRequest.GetAsync(address)).Status);
    }
}
