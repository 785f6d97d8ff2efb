using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Steward.Features.Accounts;
using Steward.Features.Benefits;
using Steward.Tests.Infrastructure;

namespace Steward.Browser.Tests;

public sealed class BenefitsJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    // A benefit recorded from the project's page: a target before its baseline is refused beside the date,
    // then the benefit shows in the programme's register and on its own page. Each page axe-scanned.
    [Fact]
    public async Task ABenefitIsRecorded_AndShownInTheRegisterAbove()
    {
        var (_, programme, project) = await app.CreateTreeAsync();
        var name = $"Benefit Owner {Guid.NewGuid().ToString("N")[..6]}";
        await app.CreatePersonAsync(name);
        var page = await app.NewPageAsync();
        await page.GotoAsync($"/units/{project.Code}");
        await page.GetByRole(AriaRole.Link, new() { Name = $"Benefits of {project.Name}" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Benefits");
        await page.AssertNoViolationsAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Record a benefit" }).ClickAsync();
        await page.GetByLabel("Benefit", new() { Exact = true }).FillAsync("Shorter queues at the border");
        await page.GetByLabel("Category").SelectOptionAsync(new SelectOptionValue { Value = "non-cash-releasing" });
        await page.GetByLabel("Who gains").SelectOptionAsync(new SelectOptionValue { Value = "direct-public-sector" });
        await page.GetByLabel("Benefit owner (optional)").SelectOptionAsync(new SelectOptionValue { Label = $"{name} (Programme Manager)" });
        await page.GetByLabel("Which way is better").SelectOptionAsync(new SelectOptionValue { Value = "lower-is-better" });
        await page.GetByLabel("Baseline value (optional)").FillAsync("24");
        await FillDateAsync(page, "Baseline date (optional)", 1, 4, 2027);
        await page.GetByLabel("Target value (optional)").FillAsync("12");
        await FillDateAsync(page, "Target date (optional)", 1, 4, 2026);
        await page.GetByLabel("Monetised value a full year, £ (optional)").FillAsync("£1.2m");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the benefit" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("is before the baseline date");
        await page.AssertNoViolationsAsync();

        await FillDateAsync(page, "Target date (optional)", 31, 3, 2029);
        await page.GetByLabel("Realisation profile (optional)").FillAsync("2028-03-31 18 £600k\n2029-03-31 12");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the benefit" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("has been recorded");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Shorter queues at the border");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync(name);
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("£1.2m");
        await Assertions.Expect(page.Locator("main table").First).ToContainTextAsync("31 March 2028");

        // A measurement: a future date is refused beside the field; then it is recorded and drawn.
        var tomorrow = DateTime.UtcNow.AddDays(2);
        await FillDateAsync(page, "Date measured", tomorrow.Day, tomorrow.Month, tomorrow.Year);
        await page.GetByLabel("Value measured").FillAsync("23");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the measurement" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("is in the future");
        await page.AssertNoViolationsAsync();
        var today = DateTime.UtcNow;
        await FillDateAsync(page, "Date measured", today.Day, today.Month, today.Year);
        await page.GetByLabel("Evidence (optional)").FillAsync("Border Force dashboard");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the measurement" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("has been recorded");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Border Force dashboard");
        await Assertions.Expect(page.Locator("svg[aria-labelledby='benefit-title benefit-desc']")).ToBeVisibleAsync();
        await page.AssertNoViolationsAsync();

        await page.GotoAsync($"/units/{programme.Code}/benefits");
        await Assertions.Expect(page.Locator("main table")).ToContainTextAsync("Shorter queues at the border");
        await Assertions.Expect(page.Locator("main table")).ToContainTextAsync("24 → 12");
    }

    // A benefit owner in the business who holds no role finds their benefit from the header, records a
    // measurement on its page, and sees nothing else of the unit. Each page axe-scanned.
    [Fact]
    public async Task ItsOwner_WithNoRole_RecordsAMeasurement()
    {
        var (_, _, project) = await app.CreateTreeAsync();
        var email = $"owner.{Guid.NewGuid():N}@test.example";
        var ownerId = await app.WithServicesAsync(async sp =>
        {
            await sp.GetRequiredService<AccountService>().AddAsync(email, "Olu Owner", false, StewardApp.Password);
            return sp.GetRequiredService<Steward.Data.StewardDbContext>().People.Single(p => p.Email == email).Id;
        });
        var benefit = await app.WithServicesAsync(sp => sp.GetRequiredService<BenefitService>().RecordAsync(project.Code, new BenefitInput(
            "Fewer calls chasing decisions", null, null, ownerId, "non-cash-releasing", "quantitative", "direct-public-sector", false, "Calls a week", "calls", "lower-is-better",
            null, "monthly", 5000, new DateOnly(2026, 1, 1), 2000, new DateOnly(2028, 1, 1), null, null, "in-realisation")));

        var page = await app.NewPageAsync(session: await app.SignInAsync(email));
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Benefits you own" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Benefits you own");
        await page.AssertNoViolationsAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = $"{benefit.Reference} Fewer calls chasing decisions" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Fewer calls chasing decisions");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Change the benefit or its profile" })).ToHaveCountAsync(0);
        var today = DateTime.UtcNow;
        await FillDateAsync(page, "Date measured", today.Day, today.Month, today.Year);
        await page.GetByLabel("Value measured").FillAsync("3,900");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the measurement" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("has been recorded");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("3,900");
        await page.AssertNoViolationsAsync();

        var register = await page.GotoAsync($"/units/{project.Code}/benefits");
        Assert.Equal(404, register!.Status);
    }

    // A programme's benefits map built in the browser: an objective on the portfolio, a business change, links
    // left to right, a loop refused beside the field; the diagram's nodes take keyboard focus and the list says the same.
    [Fact]
    public async Task ABenefitsMap_IsBuilt_Drawn_AndListed()
    {
        var (portfolio, programme, project) = await app.CreateTreeAsync();
        var benefit = await app.WithServicesAsync(sp => sp.GetRequiredService<BenefitService>().RecordAsync(project.Code, new BenefitInput(
            "Shorter queues", null, null, null, "non-cash-releasing", "quantitative", "direct-public-sector", false, null, null, null, null, null, null, null, null, null, null, null, null)));
        var page = await app.NewPageAsync();
        await page.GotoAsync($"/units/{portfolio.Code}/benefits/map");
        await page.GetByLabel("A strategic objective of this portfolio").CheckAsync();
        await page.GetByLabel("Title", new() { Exact = true }).FillAsync("A secure border");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add it" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Strategic objective SO-");
        var objective = (await page.Locator(".govuk-notification-banner").InnerTextAsync()).Split(' ').First(w => w.StartsWith("SO-", StringComparison.Ordinal));

        await page.GotoAsync($"/units/{programme.Code}/benefits");
        await page.GetByRole(AriaRole.Link, new() { Name = "Benefits map: from what is done to the strategic objectives it serves" }).ClickAsync();
        await page.GetByLabel("Title", new() { Exact = true }).FillAsync("Officers work from one record");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add it" }).ClickAsync();
        var change = (await page.Locator(".govuk-notification-banner").InnerTextAsync()).Split(' ').First(w => w.StartsWith("BC-", StringComparison.Ordinal));
        foreach (var (from, to) in new[] { (project.Code, change), (change, benefit.Reference), (benefit.Reference, objective) })
        {
            await page.GetByRole(AriaRole.Textbox, new() { Name = "What contributes" }).FillAsync(from);
            await page.GetByRole(AriaRole.Textbox, new() { Name = "To what" }).FillAsync(to);
            await page.GetByRole(AriaRole.Button, new() { Name = "Add the link" }).ClickAsync();
            await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync($"{from} now contributes to {to}");
        }

        await page.GetByRole(AriaRole.Textbox, new() { Name = "What contributes" }).FillAsync(objective);
        await page.GetByRole(AriaRole.Textbox, new() { Name = "To what" }).FillAsync(benefit.Reference);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the link" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("cannot contribute to");
        await page.AssertNoViolationsAsync();

        await page.GotoAsync($"/units/{programme.Code}/benefits/map");
        var node = page.Locator($"svg.steward-map a[href$='/benefits/{benefit.Reference}']");
        await node.FocusAsync();
        await Assertions.Expect(node).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator($"#map-{objective} li#map-{benefit.Reference} li#map-{change}")).ToContainTextAsync(project.Code);
        await page.AssertNoViolationsAsync();
        await node.PressAsync("Enter");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Shorter queues");
    }

    // A register uploaded in the browser: a bad row is listed by row and column and nothing is written; the
    // corrected file is imported. Each page axe-scanned.
    [Fact]
    public async Task ARegister_IsImportedFromASpreadsheet()
    {
        var (_, programme, _) = await app.CreateTreeAsync();
        var header = "Benefit,Category,Who gains,Baseline value,Baseline date,Target value,Target date\n";
        var good = "Fewer complaints,Wider societal,Wider social,300,01/04/2026,150,31/03/2028\n";
        var page = await app.NewPageAsync();
        await page.GotoAsync($"/units/{programme.Code}/benefits");
        await page.GetByRole(AriaRole.Link, new() { Name = "Import from a spreadsheet" }).ClickAsync();
        await page.AssertNoViolationsAsync();
        await page.GetByLabel("Spreadsheet").SetInputFilesAsync(new FilePayload { Name = "benefits.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(header + good + "Bad,Gold,Wider social,,,,\n") });
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload" }).ClickAsync();
        await Assertions.Expect(page.Locator("main table").Last).ToContainTextAsync("'Gold' is not one of");
        await page.AssertNoViolationsAsync();

        await page.GetByLabel("Spreadsheet").SetInputFilesAsync(new FilePayload { Name = "benefits.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(header + good) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("1 benefit has been imported");
        await Assertions.Expect(page.Locator("main table")).ToContainTextAsync("Fewer complaints");
    }

    private static async Task FillDateAsync(IPage page, string group, int day, int month, int year)
    {
        var date = page.GetByRole(AriaRole.Group, new() { Name = group });
        await date.GetByLabel("Day").FillAsync(day.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await date.GetByLabel("Month").FillAsync(month.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await date.GetByLabel("Year").FillAsync(year.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
