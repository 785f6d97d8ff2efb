using Microsoft.Playwright;
using Steward.Tests.Infrastructure;

namespace Steward.Browser.Tests;

public sealed class ToleranceJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    // A programme board delegates: the programme sets its risk tolerance, the project a narrower one, a
    // risk outgrows the project and its page says which tolerance it breached where. Each page axe-scanned.
    [Fact]
    public async Task TolerancesAreSetDownTheTree_AndAnEscalatedRiskSaysWhy()
    {
        var (_, programme, project) = await app.CreateTreeAsync();
        var owner = await app.CreatePersonAsync("Ada Lovelace");
        var page = await app.NewPageAsync();

        await page.GotoAsync($"/units/{programme.Code}");
        await page.GetByRole(AriaRole.Link, new() { Name = $"Tolerances of {programme.Name}" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Tolerances");
        await page.AssertNoViolationsAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Change the risk tolerance" }).ClickAsync();
        await page.GetByLabel("Highest risk score this programme holds").FillAsync("30");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the risk tolerance" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Risk tolerance above plan must be from 0 to 25");
        await page.AssertNoViolationsAsync();
        await page.GetByLabel("Highest risk score this programme holds").FillAsync("19");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the risk tolerance" }).ClickAsync();
        await Assertions.Expect(page.Locator("main table")).ToContainTextAsync("Scores up to 19, set here");

        await page.GotoAsync($"/units/{project.Code}/tolerances");
        await Assertions.Expect(page.Locator("main table")).ToContainTextAsync($"Scores up to 19, inherited from {programme.Code}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Change the cost tolerance" }).ClickAsync();
        await page.GetByLabel("Above plan, in % of budget").FillAsync("2.5");
        await page.GetByLabel("Below plan, in % of budget").FillAsync("5");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the cost tolerance" }).ClickAsync();
        await Assertions.Expect(page.Locator("main table")).ToContainTextAsync("2.5 % of budget, set here");
        await page.GetByRole(AriaRole.Link, new() { Name = "Change the risk tolerance" }).ClickAsync();
        await page.AssertNoViolationsAsync();
        await page.GetByLabel("Highest risk score this project holds").FillAsync("11");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the risk tolerance" }).ClickAsync();

        var risk = await app.CreateRiskAsync(project.Code, owner.Id, 4, 4);
        await page.GotoAsync($"/units/{project.Code}/risks/{risk.Reference}");
        var why = page.Locator("#escalation ~ ul");
        await Assertions.Expect(why).ToContainTextAsync($"{project.Code} {project.Name} holds scores up to 11: beyond it by 5, so it went up.");
        await Assertions.Expect(why).ToContainTextAsync($"{programme.Code} {programme.Name} holds scores up to 19: within it, so it is held here.");
        await page.AssertNoViolationsAsync();
        if (Environment.GetEnvironmentVariable("STEWARD_SCREENSHOTS") is { Length: > 0 } folder)
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, "escalated-risk.png"), FullPage = true });
            await page.GotoAsync($"/units/{project.Code}/tolerances");
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, "tolerances.png"), FullPage = true });
        }
    }
}
