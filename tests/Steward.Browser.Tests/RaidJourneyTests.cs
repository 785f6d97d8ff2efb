using Microsoft.Playwright;
using Steward.Tests.Infrastructure;

namespace Steward.Browser.Tests;

public sealed class RaidJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    // A weekly RAID review: raise a risk on a project, find it through the programme's heat map,
    // then record that it happened and follow it to the issue it became. Each page is scanned with axe.
    [Fact]
    public async Task ARiskIsRaised_FoundOnTheHeatMapAboveIt_AndRealisedAsAnIssue()
    {
        var (_, programme, project) = await app.CreateTreeAsync();
        await app.CreatePersonAsync("Grace Hopper");
        var page = await app.NewPageAsync();

        await page.GotoAsync($"/units/{project.Code}");
        await page.GetByRole(AriaRole.Link, new() { Name = $"RAID register of {project.Name}" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Raise a risk" }).ClickAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "Next review date (optional)" }).GetByLabel("Day").FillAsync("1");
        await page.GetByRole(AriaRole.Group, new() { Name = "Next review date (optional)" }).GetByLabel("Month").FillAsync("1");
        await page.GetByRole(AriaRole.Group, new() { Name = "Next review date (optional)" }).GetByLabel("Year").FillAsync("1900");
        await page.GetByRole(AriaRole.Button, new() { Name = "Raise risk" }).ClickAsync();
        var summary = page.Locator(".govuk-error-summary");
        await Assertions.Expect(summary).ToContainTextAsync("Enter a title for the risk");
        await Assertions.Expect(summary).ToContainTextAsync("Choose the likelihood");
        await Assertions.Expect(summary).ToContainTextAsync("Next review date must be between 2000 and 2200");
        await page.AssertNoViolationsAsync();

        await page.GetByLabel("Title", new() { Exact = true }).FillAsync("Key supplier goes into administration");
        await page.GetByLabel("Owner").SelectOptionAsync(new SelectOptionValue { Label = "Grace Hopper (Programme Manager)" });
        await page.GetByLabel("Current likelihood").SelectOptionAsync("4");
        await page.GetByLabel("Current impact").SelectOptionAsync("5");
        await page.GetByRole(AriaRole.Group, new() { Name = "Next review date (optional)" }).GetByLabel("Year").FillAsync("2027");
        await page.GetByRole(AriaRole.Button, new() { Name = "Raise risk" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Key supplier goes into administration");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Score 20, very high");
        await page.AssertNoViolationsAsync();
        var reference = (await page.Locator(".govuk-caption-l").InnerTextAsync()).Split(' ')[1];

        await page.GotoAsync($"/units/{programme.Code}/raid");
        await page.GetByRole(AriaRole.Link, new() { Name = "1 risk with likelihood 4 and impact 5" }).ClickAsync();
        await Assertions.Expect(page.Locator("main table").Last).ToContainTextAsync(reference);
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Showing only risks with likelihood 4 and impact 5");
        await page.AssertNoViolationsAsync();
        if (Environment.GetEnvironmentVariable("STEWARD_SCREENSHOTS") is { Length: > 0 } folder)
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, "raid-register.png"), FullPage = true });
        }

        // Ticked in the register and given a next review date with whatever else is ticked (here, itself).
        await page.GetByLabel($"Tick {reference}").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Set their next review date" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter the next review date");
        await page.AssertNoViolationsAsync();
        var bulkReview = page.GetByRole(AriaRole.Group, new() { Name = "Next review date" });
        await bulkReview.GetByLabel("Day").FillAsync("2");
        await bulkReview.GetByLabel("Month").FillAsync("6");
        await bulkReview.GetByLabel("Year").FillAsync("2030");
        await page.GetByRole(AriaRole.Button, new() { Name = "Set their next review date" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync($"1 risk given a next review date: {reference}");
        await Assertions.Expect(page.Locator("main table").Last).ToContainTextAsync("2 June 2030");

        // Escalated by hand: a reason is required, and the programme then sees it as escalated to it.
        await page.GetByRole(AriaRole.Link, new() { Name = reference }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Escalate one level up" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Say why it is being escalated");
        await page.AssertNoViolationsAsync();
        await page.GetByLabel("Reason for escalating or handing back").FillAsync("Needs the programme board: the supplier serves two projects");
        await page.GetByRole(AriaRole.Button, new() { Name = "Escalate one level up" }).ClickAsync();
        await Assertions.Expect(page.Locator("#escalation + .govuk-inset-text")).ToContainTextAsync($"Escalated to {programme.Code}");
        await page.AssertNoViolationsAsync();
        await page.GotoAsync($"/units/{programme.Code}/raid?escalated=true");
        await Assertions.Expect(page.Locator("main table").Last).ToContainTextAsync($"Escalated to {programme.Code}");

        await page.GotoAsync($"/units/{programme.Code}/raid/tolerances");
        await page.GetByLabel("Escalate risks whose current score is").SelectOptionAsync("15");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save tolerances" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("15 or more");
        await page.AssertNoViolationsAsync();

        await page.GotoAsync($"/units/{project.Code}/risks/{reference}");
        // A review on its own form: refused without what it found (scanned in that state), then recorded.
        await page.GetByRole(AriaRole.Button, new() { Name = $"Record the review of {reference}" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter what the review found");
        await page.AssertNoViolationsAsync();
        await page.GetByLabel("What the review found").FillAsync("Supplier has a recovery plan; keep watching.");
        var nextReview = page.GetByRole(AriaRole.Group, new() { Name = "Next review date" });
        await nextReview.GetByLabel("Day").FillAsync("14");
        await nextReview.GetByLabel("Month").FillAsync("5");
        await nextReview.GetByLabel("Year").FillAsync("2030");
        await page.GetByRole(AriaRole.Button, new() { Name = $"Record the review of {reference}" }).ClickAsync();
        await Assertions.Expect(page.Locator("#reviews + table")).ToContainTextAsync("Supplier has a recovery plan; keep watching.");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("14 May 2030");
        await page.AssertNoViolationsAsync();

        // Realising asks first, on its own question page, and will not go on without what happened.
        await page.GetByRole(AriaRole.Button, new() { Name = "It has happened: raise an issue" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync($"Has {reference} happened?");
        await page.AssertNoViolationsAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Realise the risk and raise an issue" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Say what happened");
        await page.AssertNoViolationsAsync();
        await page.GetByLabel("What happened?").FillAsync("The supplier went into administration.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Realise the risk and raise an issue" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync($"Raised when risk {reference} was realised");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Critical priority");
        await page.AssertNoViolationsAsync();

        await page.GotoAsync($"/units/{programme.Code}/raid?type=issues");
        await Assertions.Expect(page.Locator("main table")).ToContainTextAsync($"From risk {reference}");
        await page.AssertNoViolationsAsync();
        await page.GotoAsync($"/units/{project.Code}/issues/new");
        await page.AssertNoViolationsAsync();

        // A dependency on another project, committed late: flagged on its page and in the register.
        var provider = await app.CreateUnitAsync(Steward.Features.Units.UnitKind.Project, programme.Id);
        await page.GotoAsync($"/units/{project.Code}/raid?type=dependencies");
        await Assertions.Expect(page.GetByLabel("Owner on either side")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Title contains")).ToBeVisibleAsync();
        await page.AssertNoViolationsAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Record a dependency" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Record dependency" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Name the unit it depends on, or the party outside Steward");
        await page.AssertNoViolationsAsync();
        await page.GetByLabel("What is needed").FillAsync("Supplier data feed");
        await page.GetByLabel("Code of the unit it comes from").FillAsync(provider.Code);
        foreach (var (group, day) in new[] { ("Needed by", "1"), ("Committed date (optional)", "19") })
        {
            var date = page.GetByRole(AriaRole.Group, new() { Name = group });
            await date.GetByLabel("Day").FillAsync(day);
            await date.GetByLabel("Month").FillAsync("3");
            await date.GetByLabel("Year").FillAsync("2027");
        }

        await page.GetByLabel("Owner on the needing side").SelectOptionAsync(new SelectOptionValue { Label = "Grace Hopper (Programme Manager)" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Record dependency" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Committed 14 working days after it is needed");
        await page.AssertNoViolationsAsync();
        await page.GotoAsync($"/units/{provider.Code}/raid?type=dependencies");
        await Assertions.Expect(page.Locator("main table")).ToContainTextAsync("Supplier data feed");
        await page.AssertNoViolationsAsync();
        if (Environment.GetEnvironmentVariable("STEWARD_SCREENSHOTS") is { Length: > 0 } shots)
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(shots, "raid-dependencies.png"), FullPage = true });
        }

        // Back on the needing project's register it can be ticked for a bulk change; on its page it is marked
        // delivered through the question page, with what was delivered, and can be reopened.
        await page.GotoAsync($"/units/{project.Code}/raid?type=dependencies");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Mark the ticked dependencies delivered" })).ToBeVisibleAsync();
        await page.AssertNoViolationsAsync();
        await page.Locator("main table a", new() { HasText = "D-" }).First.ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "It has come: mark delivered" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("delivered?");
        await page.AssertNoViolationsAsync();
        await page.GetByLabel("What was delivered?").FillAsync("The feed went live and passed its checks");
        await page.GetByRole(AriaRole.Button, new() { Name = "Mark delivered", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-summary-list")).ToContainTextAsync("The feed went live and passed its checks");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Reopen" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync("working days after it is needed");
        await page.AssertNoViolationsAsync();
        if (Environment.GetEnvironmentVariable("STEWARD_SCREENSHOTS") is { Length: > 0 } deliveredShots)
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(deliveredShots, "dependency-delivered.png"), FullPage = true });
        }

        // An assumption that proves wrong becomes a risk in the same step.
        await page.GotoAsync($"/units/{project.Code}/raid?type=assumptions");
        await page.GetByRole(AriaRole.Link, new() { Name = "Record an assumption" }).ClickAsync();
        await page.GetByLabel("What is being assumed").FillAsync("Staff will transfer under TUPE without dispute");
        await page.GetByLabel("Owner").SelectOptionAsync(new SelectOptionValue { Label = "Grace Hopper (Programme Manager)" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Record assumption" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "It is wrong: mark invalid" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Mark invalid", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Choose whether to raise an issue, a risk or nothing");
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Say what proved the assumption wrong");
        await page.AssertNoViolationsAsync();
        await page.GetByLabel("Raise a risk").CheckAsync();
        await page.GetByLabel("What proved it wrong?").FillAsync("The union has balloted for action.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Mark invalid", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("proved wrong: Staff will transfer under TUPE without dispute");
        await page.GotoAsync($"/units/{project.Code}/raid?type=assumptions&status=all");
        await Assertions.Expect(page.Locator("main table")).ToContainTextAsync("Invalid");
        await page.AssertNoViolationsAsync();
    }
}
