using Microsoft.Playwright;
using Steward.Tests.Infrastructure;

namespace Steward.Browser.Tests;

public sealed class RolesJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    // An administrator gives someone a role on a programme from its page; that person then signs in,
    // sees only that programme, and makes themselves an API token.
    [Fact]
    public async Task AnAdministrator_GivesARole_AndThePersonSeesOnlyTheirProgramme()
    {
        var (portfolio, programme, project) = await app.CreateTreeAsync();
        var email = $"journey.{Guid.NewGuid():N}@steward.test";
        await app.WithServicesAsync(sp => Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<Steward.Features.Accounts.AccountService>(sp).AddAsync(email, "Journey Manager", false, StewardApp.Password));

        var admin = await app.NewPageAsync();
        await admin.GotoAsync($"/units/{programme.Code}");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Give someone a role on this programme" }).ClickAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Give role" }).ClickAsync();
        await Assertions.Expect(admin.Locator(".govuk-error-summary")).ToContainTextAsync("Choose a role");
        await admin.AssertNoViolationsAsync();
        await admin.GetByLabel("Email address").FillAsync(email);
        await admin.GetByLabel("Role").SelectOptionAsync(new SelectOptionValue { Label = "Programme or Project Manager" });
        await admin.GetByRole(AriaRole.Button, new() { Name = "Give role" }).ClickAsync();
        await Assertions.Expect(admin.Locator("#role-holders")).ToContainTextAsync("Journey Manager");
        await admin.AssertNoViolationsAsync();
        if (Environment.GetEnvironmentVariable("STEWARD_SCREENSHOTS") is { Length: > 0 } folder)
        {
            await admin.ScreenshotAsync(new() { Path = Path.Combine(folder, "unit-roles.png"), FullPage = true });
        }

        var manager = await app.NewPageAsync(session: await app.SignInAsync(email));
        await manager.GotoAsync("/");
        await Assertions.Expect(manager.Locator("main")).ToContainTextAsync(programme.Name);
        await Assertions.Expect(manager.Locator("main")).ToContainTextAsync(project.Name);
        await Assertions.Expect(manager.Locator("main")).Not.ToContainTextAsync(portfolio.Name);
        await manager.AssertNoViolationsAsync();

        await manager.GotoAsync("/roles");
        await manager.AssertNoViolationsAsync();

        await manager.GotoAsync("/account/tokens/new");
        await manager.GetByLabel("Name").FillAsync("Weekly report script");
        await manager.GetByRole(AriaRole.Button, new() { Name = "Create token" }).ClickAsync();
        var token = await manager.Locator("#token").InputValueAsync();
        Assert.StartsWith("stw_", token, StringComparison.Ordinal);
        await manager.AssertNoViolationsAsync();

        var response = await app.Api(token).GetAsync($"/api/v1/units/{project.Code}", TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode);
        await manager.GotoAsync("/account/tokens");
        await manager.GetByRole(AriaRole.Button, new() { Name = "Revoke Weekly report script" }).ClickAsync();
        await Assertions.Expect(manager.Locator("main")).ToContainTextAsync("Revoked");
        await manager.AssertNoViolationsAsync();
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await app.Api(token).GetAsync($"/api/v1/units/{project.Code}", TestContext.Current.CancellationToken)).StatusCode);
    }
}
