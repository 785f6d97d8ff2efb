using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Steward.Features.Accounts;

namespace Steward.Browser.Tests;

public sealed class SignInJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task APerson_SignsIn_ChangesTheirPassword_AndSignsOut()
    {
        var email = $"journey.{Guid.NewGuid():N}@test.example";
        await app.WithServicesAsync(sp => sp.GetRequiredService<AccountService>().AddAsync(email, "Journey Person", false, "first long password"));
        var page = await app.NewPageAsync(signedIn: false);

        // Nothing but the sign-in page is open to someone not signed in.
        await page.GotoAsync("/");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Sign in");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync("wrong password entirely");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter a correct email address and password");
        await page.AssertNoViolationsAsync();

        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync("first long password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.Locator(".steward-account")).ToContainTextAsync("Signed in as Journey Person");
        await page.AssertNoViolationsAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Change password" }).ClickAsync();
        await page.AssertNoViolationsAsync();
        await page.GetByLabel("Current password").FillAsync("first long password");
        await page.GetByLabel("New password").FillAsync("second even longer password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Your password has been changed");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Sign in");
        await page.GotoAsync("/account/tokens");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Sign in");
    }
}
