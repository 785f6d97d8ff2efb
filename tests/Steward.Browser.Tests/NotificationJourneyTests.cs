using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Steward.Data;
using Steward.Features.Access;
using Steward.Features.Notifications;
using Steward.Tests.Infrastructure;

namespace Steward.Browser.Tests;

public sealed class NotificationJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    // Someone with work assigned finds it on "Your work", filters it, chooses how they hear of it (a bad time
    // refused, naming the field), reads the digest in their messages and marks it read; an administrator
    // watches the jobs page, runs a job now and finds mail is off on the e-mail page. Each page type is scanned with axe.
    [Fact]
    public async Task APersonFindsTheirWork_ChoosesHowTheyHear_AndReadsTheirMessages()
    {
        var (_, programme, _) = await app.CreateTreeAsync();
        var email = await app.AddAccountWithRoleAsync(StewardRole.Contributor, programme.Code, "Robin Ashworth");
        var person = await app.WithServicesAsync(sp => sp.GetRequiredService<StewardDbContext>().People.Where(p => p.Email == email).Select(p => p.Id).SingleAsync());
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, NotificationDefaults.UkTime).DateTime);
        var overdue = await app.CreateActionAsync(programme.Code, person, today.AddDays(-2));
        var later = await app.CreateAssumptionAsync(programme.Code, person, today.AddDays(20));
        var page = await app.NewPageAsync(session: await app.SignInAsync(email));
        string? folder = Environment.GetEnvironmentVariable("STEWARD_SCREENSHOTS") is { Length: > 0 } f ? f : null;
        var main = page.Locator("main");

        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Your work" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Your work");
        await Assertions.Expect(main).ToContainTextAsync("1 overdue, 0 due today");
        await Assertions.Expect(page.GetByRole(AriaRole.Row, new() { Name = overdue.Reference })).ToContainTextAsync("Overdue");
        await Assertions.Expect(page.GetByRole(AriaRole.Row, new() { Name = later.Reference })).ToContainTextAsync("Assumption to validate");
        await page.AssertNoViolationsAsync();
        await page.GetByLabel("Kind of work").SelectOptionAsync(new SelectOptionValue { Label = "Actions" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Row, new() { Name = later.Reference })).ToHaveCountAsync(0);
        await page.GetByLabel("In unit (code), and below it").FillAsync("NO-SUCH-UNIT");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("No unit has the code 'NO-SUCH-UNIT'");
        await page.AssertNoViolationsAsync();
        if (folder is not null)
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, "my-work.png"), FullPage = true });
        }

        await page.GotoAsync(NotificationsLinks.Preferences);
        await page.AssertNoViolationsAsync();
        await page.GetByLabel("Time of your daily digest").FillAsync("25:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save your choices" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("'25:00' is not a time of day");
        await page.AssertNoViolationsAsync();
        await page.GetByLabel("Time of your daily digest").FillAsync("00:00");
        await page.GetByRole(AriaRole.Group, new() { Name = "Assumptions to validate" }).GetByLabel("Not at all").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save your choices" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Your notification choices are saved");
        await Assertions.Expect(page.GetByRole(AriaRole.Group, new() { Name = "Assumptions to validate" }).GetByLabel("Not at all")).ToBeCheckedAsync();

        await app.WithServicesAsync(sp => sp.GetRequiredService<WorkReminders>().RunAsync(CancellationToken.None));
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Messages (1 unread)" }).ClickAsync();
        await Assertions.Expect(main).ToContainTextAsync("Your work in Steward: 1 item overdue, 0 due today");
        await Assertions.Expect(main.GetByRole(AriaRole.Link, new() { Name = overdue.Reference })).ToBeVisibleAsync();
        await page.AssertNoViolationsAsync();
        if (folder is not null)
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, "inbox.png"), FullPage = true });
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Mark as read" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Message marked as read");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Messages", Exact = true })).ToBeVisibleAsync();

        // The administrator's view of the background work.
        var admin = await app.NewPageAsync();
        await admin.GotoAsync("/");
        await admin.GetByRole(AriaRole.Link, new() { Name = "Jobs" }).ClickAsync();
        await Assertions.Expect(admin.Locator("h1")).ToHaveTextAsync("Background jobs");
        await Assertions.Expect(admin.Locator("main")).ToContainTextAsync("Mail is off");
        await admin.AssertNoViolationsAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Run work reminders now" }).ClickAsync();
        await Assertions.Expect(admin.Locator(".govuk-notification-banner")).ToContainTextAsync("Work reminders: a run has been queued");
        await admin.AssertNoViolationsAsync();
        if (folder is not null)
        {
            await admin.ScreenshotAsync(new() { Path = Path.Combine(folder, "jobs.png"), FullPage = true });
        }

        // Mail is off here: the e-mail page says so, and the test e-mail cannot be sent until it is set.
        await admin.GetByRole(AriaRole.Link, new() { Name = "E-mail settings and a test e-mail" }).ClickAsync();
        await Assertions.Expect(admin.Locator("h1")).ToHaveTextAsync("E-mail");
        await Assertions.Expect(admin.Locator("main")).ToContainTextAsync("Mail is off: neither GOV.UK Notify");
        await Assertions.Expect(admin.GetByRole(AriaRole.Button, new() { Name = "Send a test e-mail" })).ToBeDisabledAsync();
        await admin.AssertNoViolationsAsync();

        // An unsubscribe link that is not Steward's, opened without signing in.
        var stranger = await app.NewPageAsync(signedIn: false);
        var refused = await stranger.GotoAsync(NotificationsLinks.Unsubscribe + "?token=made-up");
        Assert.Equal(400, refused!.Status);
        await Assertions.Expect(stranger.Locator("h1")).ToHaveTextAsync("This link does not work");
        await stranger.AssertNoViolationsAsync();
    }
}
