using System.Text;
using Microsoft.Playwright;
using Steward.Features.Finance;
using Steward.Tests.Infrastructure;

namespace Steward.Browser.Tests;

public sealed class FinanceJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static readonly FinancialYear ThisYear = FinancialYear.Of(DateOnly.FromDateTime(DateTime.UtcNow));
    private static readonly FinancialYear LastYear = new(ThisYear.Start - 1);

    // A project's money: the forecast re-profiled through the month grid (a total changed without saying
    // so is refused, beside the field), the finance page with its chart and tables, each page axe-scanned.
    [Fact]
    public async Task TheForecastIsReProfiled_AndTheFinancePageShowsItWithItsCurve()
    {
        var (_, programme, project) = await app.CreateTreeAsync();
        var page = await app.NewPageAsync();
        await page.GotoAsync($"/units/{project.Code}");
        await page.GetByRole(AriaRole.Link, new() { Name = $"Finance of {project.Name}" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Finance");
        await page.AssertNoViolationsAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = $"Re-profile the forecast for {ThisYear}" }).ClickAsync();
        await page.AssertNoViolationsAsync();
        await page.GetByLabel($"CDEL, {ThisYear.PeriodLabel(11)}").FillAsync("£1.2m");
        await page.GetByLabel($"CDEL, {ThisYear.PeriodLabel(12)}").FillAsync("£1.2.3m");
        await page.GetByLabel("Why the money changes").FillAsync("Month-end forecast");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the forecast" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("'£1.2.3m' is not an amount");
        await page.AssertNoViolationsAsync();

        await page.GetByLabel($"CDEL, {ThisYear.PeriodLabel(12)}").FillAsync("300,000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the forecast" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("changes the total of the lines it names from £0.00 to £1,500,000.00");
        await page.GetByLabel("This changes the year's total forecast").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the forecast" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync($"The {ThisYear} forecast of {project.Name} has been saved");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("£1.5m");
        await Assertions.Expect(page.Locator("svg[aria-labelledby='curve-title curve-desc']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Month-end forecast");
        await page.AssertNoViolationsAsync();

        await page.GotoAsync($"/units/{programme.Code}/finance");
        await Assertions.Expect(page.Locator("main table").Nth(1)).ToContainTextAsync(project.Name);
        await page.AssertNoViolationsAsync();
        if (Environment.GetEnvironmentVariable("STEWARD_SCREENSHOTS") is { Length: > 0 } folder)
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, "finance.png"), FullPage = true });
        }
    }

    // A month's ledger: a code nothing explains is mapped on the page, the check says what will change,
    // and the import replaces the month.
    [Fact]
    public async Task ALedgerExportIsMappedChecked_AndImported()
    {
        var (_, programme, project) = await app.CreateTreeAsync();
        var page = await app.NewPageAsync();
        await page.GotoAsync($"/units/{programme.Code}/finance/ledger");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Actuals from the ledger");
        await page.AssertNoViolationsAsync();
        var code = $"CC-{Guid.NewGuid().ToString("N")[..6]}";
        var csv = $"Cost centre,Period,Account,Amount\r\n{code},{LastYear} P3,5100,\"(1,200.00)\"\r\n{code},{LastYear} P3,CDEL,\"£5,000\"\r\n";
        await page.GetByLabel("Ledger export").SetInputFilesAsync(new FilePayload { Name = "ledger-p3.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Check the file" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync($"'{code}' maps to no unit");
        await page.AssertNoViolationsAsync();
        await page.GetByLabel(code).SelectOptionAsync(new SelectOptionValue { Value = project.Code });
        await page.GetByLabel("5100").SelectOptionAsync(new SelectOptionValue { Value = "rdel-programme" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Check again" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("£3,800.00");
        await page.AssertNoViolationsAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Import 1 unit-months of actuals" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Replaced 1 unit-months of actuals from ledger-p3.csv");
        await page.GotoAsync($"/units/{project.Code}/finance?year={LastYear}");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("£3,800");
    }

    // Re-phasing across years from the finance page: too much is refused beside the amount, then the move
    // keeps the total and shows in the changes.
    [Fact]
    public async Task ForecastMoneyIsMovedIntoTheNextYear_KeepingTheTotal()
    {
        var (_, _, project) = await app.CreateTreeAsync();
        var next = ThisYear.Next;
        (await app.Api().SendJsonAsync(HttpMethod.Put, $"/api/v1/units/{project.Code}/finance/forecast", new
        {
            reason = "First", changeTotal = true, lines = new[] { new { category = "cdel", year = next.ToString(), months = new Dictionary<string, string> { ["P4"] = "1000" } } },
        }, null)).EnsureSuccessStatusCode();
        var page = await app.NewPageAsync();
        await page.GotoAsync($"/units/{project.Code}/finance?year={next}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Move forecast money between months or years" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Move forecast money");
        await page.AssertNoViolationsAsync();
        await page.GetByLabel("Month the money leaves").SelectOptionAsync(new SelectOptionValue { Value = "P4" });
        await page.GetByLabel("Financial year the money goes to").FillAsync(next.Next.ToString());
        await page.GetByLabel("Month the money goes to").SelectOptionAsync(new SelectOptionValue { Value = "P2" });
        await page.GetByLabel("Amount").FillAsync("£1,500");
        await page.GetByLabel("Why the money moves").FillAsync("Fit-out slips a year");
        await page.GetByRole(AriaRole.Button, new() { Name = "Move the money" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("holds £1,000.00 of CDEL forecast: move at most that");
        await page.AssertNoViolationsAsync();
        await page.GetByLabel("Amount").FillAsync("£400");
        await page.GetByRole(AriaRole.Button, new() { Name = "Move the money" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("£400 of forecast has moved");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Fit-out slips a year");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("£1,000.00 → £1,000.00");
    }

    // A project over its cost tolerance is listed from the portfolio, with the level it is escalated to.
    [Fact]
    public async Task BreachesOfCostTolerance_AreListedWithTheLevelEachIsEscalatedTo()
    {
        var (portfolio, programme, project) = await app.CreateTreeAsync();
        var api = app.Api();
        foreach (var (unit, percent) in new[] { (portfolio.Code, 20), (programme.Code, 5) })
        {
            (await api.SendJsonAsync(HttpMethod.Put, $"/api/v1/units/{unit}/tolerances", new { cost = new { over = percent, under = percent } }, null)).EnsureSuccessStatusCode();
        }

        var decision = await app.CreateDecisionAsync(portfolio.Code, (await app.CreatePersonAsync()).Id);
        var line = (string amount) => new { category = "cdel", year = ThisYear.Next.ToString(), months = new Dictionary<string, string> { ["P1"] = amount } };
        (await api.SendJsonAsync(HttpMethod.Post, $"/api/v1/units/{project.Code}/finance/baselines", new { reason = "Budget", decision = decision.Reference, lines = new[] { line("10000") } }, null)).EnsureSuccessStatusCode();
        (await api.SendJsonAsync(HttpMethod.Put, $"/api/v1/units/{project.Code}/finance/forecast", new { reason = "Dearer", changeTotal = true, lines = new[] { line("11000") } }, "\"1\"")).EnsureSuccessStatusCode();

        var page = await app.NewPageAsync();
        await page.GotoAsync($"/units/{portfolio.Code}/finance");
        await page.GetByRole(AriaRole.Link, new() { Name = "Every breach of cost tolerance at or below this portfolio" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Breaches of cost tolerance");
        var escalated = page.Locator("main table").First;
        await Assertions.Expect(escalated.Locator("caption")).ToHaveTextAsync("Escalated to this portfolio (2)");
        await Assertions.Expect(escalated).ToContainTextAsync(project.Name);
        await Assertions.Expect(escalated).ToContainTextAsync($"set at {programme.Code}");
        await page.AssertNoViolationsAsync();
    }

    // A business case written in the browser: a mistake is shown against its option and line, the saved
    // case shows its options side by side, and its approval is recorded against a decision.
    [Fact]
    public async Task ABusinessCaseIsWrittenInTheBrowser_AndItsApprovalRecorded()
    {
        var (portfolio, _, project) = await app.CreateTreeAsync();
        var decision = await app.CreateDecisionAsync(portfolio.Code, (await app.CreatePersonAsync()).Id);
        var page = await app.NewPageAsync();
        await page.GotoAsync($"/units/{project.Code}/business-case");
        await page.GetByRole(AriaRole.Link, new() { Name = "Write the business case" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Write the business case");
        await page.AssertNoViolationsAsync();

        await page.GetByLabel("Stage", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Value = "obc" });
        await page.GetByLabel("Strategic case").FillAsync("Queues at the border");
        await page.GetByLabel("Base year").FillAsync(ThisYear.Next.ToString());
        await page.GetByLabel("Project type").SelectOptionAsync(new SelectOptionValue { Value = "standard-buildings" });
        var option = (int n) => page.Locator("fieldset").Nth(n);
        await option(0).GetByLabel("Optimism bias uplift on costs, % (optional)").FillAsync("2");
        await option(0).GetByLabel("Why the uplift is below the upper bound (if it is)").FillAsync("Known costs");
        await option(0).GetByLabel("Years: year, costs, benefits").FillAsync($"{ThisYear} 100 0");
        await option(1).GetByLabel("Years: year, costs, benefits").FillAsync($"{ThisYear} 150 100");
        await option(2).GetByLabel("Name").FillAsync("New hub");
        await option(2).GetByLabel("Optimism bias uplift on costs, % (optional)").FillAsync("10");
        await option(2).GetByLabel("Why the uplift is below the upper bound (if it is)").FillAsync("Design complete");
        await option(2).GetByLabel("Years: year, costs, benefits").FillAsync($"{ThisYear} 100 0\n\n{ThisYear.Next} £1.2.3m 300");
        await page.GetByLabel("Preferred option (optional)").FillAsync("New hub");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the business case" }).ClickAsync();
        var summary = page.Locator(".govuk-error-summary");
        await Assertions.Expect(summary).ToContainTextAsync($"The base year {ThisYear.Next} is after the appraisal's first year {ThisYear}");
        await Assertions.Expect(summary).ToContainTextAsync("Line 3: '£1.2.3m' is not an amount");
        await page.AssertNoViolationsAsync();

        await page.GetByLabel("Base year").FillAsync(ThisYear.ToString());
        await option(2).GetByLabel("Years: year, costs, benefits").FillAsync($"{ThisYear} 100 0\n{ThisYear.Next} 100 300");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add another option" }).ClickAsync();
        await Assertions.Expect(page.Locator("fieldset")).ToHaveCountAsync(4);
        await Assertions.Expect(option(2).GetByLabel("Name")).ToHaveValueAsync("New hub");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the business case" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync($"The business case of {project.Name} has been saved");
        var table = page.Locator("main table").First;
        await Assertions.Expect(table).ToContainTextAsync("£74");
        await Assertions.Expect(table).ToContainTextAsync("1.34");

        await page.GetByLabel("The decision that approved it").FillAsync("DEC-9999");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the approval" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("DEC-9999");
        await page.AssertNoViolationsAsync();
        await page.GetByLabel("The decision that approved it").FillAsync(decision.Reference);
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the approval" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync($"Outline business case (OBC), approved by");
    }

    // The demo-like business case with its options table.
    [Fact]
    public async Task ABusinessCaseShowsItsOptionsSideBySide()
    {
        var (_, _, project) = await app.CreateTreeAsync();
        var options = new object[]
        {
            new { name = "Business as usual", kind = "business-as-usual", optimismBias = 2, optimismBiasReason = "Known costs", years = new[] { new { year = ThisYear.ToString(), costs = "100", benefits = "0" } } },
            new { name = "Do minimum", kind = "do-minimum", years = new[] { new { year = ThisYear.ToString(), costs = "150", benefits = "100" } } },
            new { name = "New hub", kind = "option", optimismBias = 10, optimismBiasReason = "Design complete", years = new[] { new { year = ThisYear.ToString(), costs = "100", benefits = "0" }, new { year = ThisYear.Next.ToString(), costs = "100", benefits = "300" } } },
        };
        var saved = await app.Api().SendJsonAsync(HttpMethod.Put, $"/api/v1/units/{project.Code}/business-case", new
        {
            stage = "obc", strategic = "Why", economic = "Options", commercial = "Deal", financial = "Money", management = "Governance",
            projectType = "standard-buildings", baseYear = ThisYear.ToString(), options, preferred = "New hub",
        }, null);
        Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
        var page = await app.NewPageAsync();
        await page.GotoAsync($"/units/{project.Code}");
        await page.GetByRole(AriaRole.Link, new() { Name = $"Business case of {project.Name}" }).ClickAsync();
        var table = page.Locator("main table").First;
        await Assertions.Expect(table).ToContainTextAsync("Net present social value (NPSV)");
        await Assertions.Expect(table).ToContainTextAsync("£74");
        await Assertions.Expect(table).ToContainTextAsync("1.34");
        await Assertions.Expect(table).ToContainTextAsync("Preferred");
        await page.AssertNoViolationsAsync();
    }
}
