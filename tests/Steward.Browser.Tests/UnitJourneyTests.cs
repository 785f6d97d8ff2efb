using Microsoft.Playwright;
using Steward.Features.Units;
using Steward.Tests.Infrastructure;

namespace Steward.Browser.Tests;

public sealed class UnitJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task NewUser_BuildsPortfolioProgrammeProject_EditsAndMoves()
    {
        var page = await app.NewPageAsync();
        var portfolioCode = TestData.NewCode("PFL");
        var programmeCode = TestData.NewCode("PRG");
        var projectCode = TestData.NewCode("PRJ");

        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add a portfolio" }).ClickAsync();
        await page.GetByLabel("Code", new() { Exact = true }).FillAsync(portfolioCode);
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Justice Reform Portfolio");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add unit" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Justice Reform Portfolio");

        await page.GetByRole(AriaRole.Button, new() { Name = "Add a unit under this portfolio" }).ClickAsync();
        await page.GetByLabel("Programme", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Code", new() { Exact = true }).FillAsync(programmeCode);
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Courts Digital Programme");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add unit" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Courts Digital Programme");

        await page.GotoAsync($"/units/{portfolioCode}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add a unit under this portfolio" }).ClickAsync();
        await page.GetByLabel("Project", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Code", new() { Exact = true }).FillAsync(projectCode);
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Online Pleas");
        await page.GetByRole(AriaRole.Group, new() { Name = "Forecast end date" }).GetByLabel("Day").FillAsync("31");
        await page.GetByRole(AriaRole.Group, new() { Name = "Forecast end date" }).GetByLabel("Month").FillAsync("3");
        await page.GetByRole(AriaRole.Group, new() { Name = "Forecast end date" }).GetByLabel("Year").FillAsync("2028");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add unit" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-summary-list")).ToContainTextAsync("31 March 2028");

        await page.GetByRole(AriaRole.Button, new() { Name = "Edit Online Pleas" }).ClickAsync();
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Online Pleas and Payments");
        await page.GetByLabel("Paused").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Online Pleas and Payments");
        await Assertions.Expect(page.Locator("h1 + p .govuk-tag")).ToHaveTextAsync("Paused");

        await page.GetByRole(AriaRole.Link, new() { Name = "Move Online Pleas and Payments" }).ClickAsync();
        await page.GetByLabel("Code of the new parent").FillAsync(programmeCode);
        await page.GetByRole(AriaRole.Button, new() { Name = "Move" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-breadcrumbs")).ToContainTextAsync("Courts Digital Programme");

        await page.GotoAsync("/");
        var portfolioItem = page.Locator(".steward-tree__item", new() { HasText = "Justice Reform Portfolio" }).First;
        await Assertions.Expect(portfolioItem.Locator(".steward-tree__counts").First).ToHaveTextAsync("1 programme, 1 project");
    }

    [Fact]
    public async Task ErrorSummary_LinksToTheFieldInError()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/units/new");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add unit" }).ClickAsync();
        await Assertions.Expect(page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("^Error: "));
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToBeFocusedAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Enter a name" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Name", new() { Exact = true })).ToBeFocusedAsync();
    }

    [Fact]
    public async Task WithoutJavaScript_AUnitCanStillBeCreated()
    {
        var (portfolio, _, _) = await app.CreateTreeAsync();
        var page = await app.NewPageAsync(javaScript: false);
        var code = TestData.NewCode("NOJS");
        await page.GotoAsync($"/units/new?parent={portfolio.Code}&kind=Project");
        await page.GetByLabel("Code", new() { Exact = true }).FillAsync(code);
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Works Without Scripts");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add unit" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Works Without Scripts");
        Assert.Equal(UnitKind.Project, (await app.WithServicesAsync(sp => Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<UnitQueries>(sp).RequireAsync(code))).Kind);
    }
}
