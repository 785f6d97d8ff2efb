using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Steward.Features.Reporting;
using Steward.Tests.Infrastructure;

namespace Steward.Browser.Tests;

public sealed class ReportingJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    // A project's monthly report from its page: started pre-filled with its top risk, written and rated,
    // submitted (frozen), returned with comments, submitted again and approved; then the trend and the
    // portfolio's due list. Each page axe-scanned.
    [Fact]
    public async Task AReportIsWritten_Submitted_Returned_AndApproved()
    {
        var (portfolio, _, project) = await app.CreateTreeAsync();
        var owner = await app.CreatePersonAsync();
        await app.CreateRiskAsync(project.Code, owner.Id, 5, 4, "Supplier insolvency");
        await app.WithServicesAsync(async sp =>
        {
            await sp.GetRequiredService<ReportingCycles>().SetCycleAsync(portfolio.Code, null, new ReportingCycleInput("monthly", 5, "three-point", null));
            return true;
        });
        var page = await app.NewPageAsync();
        await page.GotoAsync($"/units/{project.Code}");
        await page.GetByRole(AriaRole.Link, new() { Name = $"Status reports of {project.Name}" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Status reports");
        await page.AssertNoViolationsAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Start the report" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("pre-filled from the registers");
        await page.AssertNoViolationsAsync();
        await page.GetByLabel("Summary").FillAsync("Supplier risk growing; design complete.");
        await page.GetByRole(AriaRole.Group, new() { Name = "Overall delivery confidence (DCA)" }).GetByLabel("Amber", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "Schedule" }).GetByLabel("Red").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the report" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("have been saved");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Supplier insolvency");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Live: gathered now");
        await page.AssertNoViolationsAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Submit the report" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("submitted and its figures frozen");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Frozen when it was submitted");
        await page.AssertNoViolationsAsync();

        // Returned without a comment is refused beside the comment; with one, back to its author.
        await page.GetByRole(AriaRole.Button, new() { Name = "Return it with comments" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Say what must change");
        await page.AssertNoViolationsAsync();
        await page.GetByLabel("Comments for the author").FillAsync("Add the supplier's recovery date.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Return it with comments" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Returned by");
        await page.GetByRole(AriaRole.Link, new() { Name = "Write the report" }).ClickAsync();
        await page.GetByLabel("Decisions needed from the board (optional)").FillAsync("Agree the supplier's recovery date of 31 January.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the report" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit the report" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Approve the report" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("has been approved");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Approved");
        await page.AssertNoViolationsAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Back to the status reports" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Ratings over the last 1 reports");
        await page.AssertNoViolationsAsync();
        await page.GotoAsync($"/units/{portfolio.Code}/reports/due");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Reports due and late");
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync(project.Code);
        await page.AssertNoViolationsAsync();
        await page.GotoAsync($"/units/{portfolio.Code}/reports/cycle");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("reports");
        await page.AssertNoViolationsAsync();
    }

    // An exception opened by measuring against tolerances: its report written (a missing part refused beside
    // it, nothing typed lost), sent to the programme's board and decided. Each page axe-scanned.
    [Fact]
    public async Task AnExceptionIsRaised_Reported_AndDecidedByTheBoardAbove()
    {
        var (_, programme, project) = await app.CreateTreeAsync();
        var chair = await app.CreatePersonAsync();
        await app.CreateBoardAsync(programme.Code, chair.Id);
        await app.WithServicesAsync(async sp =>
        {
            await sp.GetRequiredService<Steward.Features.Tolerances.ToleranceService>().SetAsync(programme.Code, null,
                new Dictionary<Steward.Features.Tolerances.ToleranceDimension, (decimal? Over, decimal? Under)> { [Steward.Features.Tolerances.ToleranceDimension.Time] = (10, null) });
            var db = sp.GetRequiredService<Steward.Data.StewardDbContext>();
            var unit = db.Units.Single(u => u.Id == project.Id);
            (unit.BaselineEnd, unit.ForecastEnd) = (new DateOnly(2027, 6, 30), new DateOnly(2027, 8, 31));
            return await db.SaveChangesAsync();
        });
        var page = await app.NewPageAsync();
        await page.GotoAsync($"/units/{project.Code}");
        await page.GetByRole(AriaRole.Link, new() { Name = $"Exceptions at and below {project.Name}" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Measure against tolerances now" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Opened EX-");
        await Assertions.Expect(page.Locator("main table")).ToContainTextAsync("Time (forecast)");
        await page.AssertNoViolationsAsync();

        await page.Locator("main table a").First.ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Time tolerance forecast to be breached");
        await page.GetByLabel("Cause").FillAsync("Supplier insolvency");
        await page.GetByLabel("Consequences").FillAsync("Go-live slips past the peak season");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send it to the board" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Give the options");
        await Assertions.Expect(page.GetByLabel("Cause")).ToHaveValueAsync("Supplier insolvency");
        await page.AssertNoViolationsAsync();
        await page.GetByLabel("Options").FillAsync("1. Re-baseline. 2. Descope the pilot.");
        await page.GetByLabel("Recommendation").FillAsync("Re-baseline");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send it to the board" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("has gone to the board");
        await page.AssertNoViolationsAsync();
        await page.GetByLabel("What the board decided").FillAsync("Re-baseline approved");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the decision" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Decided: Re-baseline approved (DEC-");
        await page.AssertNoViolationsAsync();
    }

    // The dashboard of a portfolio from its page: the programmes below with their DCA, filtered to one
    // rating and sorted by what needs attention. Axe-scanned.
    [Fact]
    public async Task TheDashboard_IsFilteredAndSorted()
    {
        var (portfolio, programme, _) = await app.CreateTreeAsync();
        await app.WithServicesAsync(async sp =>
        {
            var service = sp.GetRequiredService<StatusReportService>();
            var report = await service.DraftAsync(programme.Code, new DraftRequest(ReportingPeriod.Containing(ReportingCadence.Monthly, DateOnly.FromDateTime(DateTime.UtcNow)).Previous().Key));
            report = await service.UpdateAsync(report.Id, report.Version, new StatusReportInput("Fine", null, null, null, null, "amber", null));
            return await service.SubmitAsync(report.Id, report.Version);
        });
        var page = await app.NewPageAsync();
        await page.GotoAsync($"/units/{portfolio.Code}");
        await page.GetByRole(AriaRole.Link, new() { Name = $"Dashboard of {portfolio.Name}" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Dashboard");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync(programme.Code);
        await page.AssertNoViolationsAsync();
        await page.GetByLabel("Delivery confidence").SelectOptionAsync(new SelectOptionValue { Value = "red" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync(programme.Code);
        await page.GetByLabel("Delivery confidence").SelectOptionAsync(new SelectOptionValue { Value = "amber" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Open exceptions" }).ClickAsync();
        await Assertions.Expect(page.Locator("main table").Nth(1)).ToContainTextAsync(programme.Code);
        await page.AssertNoViolationsAsync();

        // The home page shows the same at a glance for the top of the tree the person can see.
        var sro = await app.AddAccountWithRoleAsync(Steward.Features.Access.StewardRole.Sro, portfolio.Code);
        var theirs = await app.NewPageAsync(session: await app.SignInAsync(sro));
        await theirs.GotoAsync("/");
        await Assertions.Expect(theirs.Locator("main")).ToContainTextAsync($"{portfolio.Name} at a glance");
        await Assertions.Expect(theirs.Locator("main")).ToContainTextAsync(programme.Code);
        await theirs.AssertNoViolationsAsync();
    }
}
