using Microsoft.Playwright;
using Steward.Tests.Infrastructure;

namespace Steward.Browser.Tests;

public sealed class DigestJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    // An administrator takes a digest, keeps the file, and later checks the database against it; a file
    // that is not a digest is refused with the reason. Each state axe-scanned.
    [Fact]
    public async Task AnAdministratorTakesADigest_AndChecksTheDatabaseAgainstTheCopyKept()
    {
        await app.CreateTreeAsync();
        var page = await app.NewPageAsync();
        await page.GotoAsync("/history");
        await page.GetByRole(AriaRole.Link, new() { Name = "digests kept outside it" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("History digests");
        await page.AssertNoViolationsAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Take a digest now" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Digest 1 taken");
        await page.AssertNoViolationsAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Digest 1 (download)" }).ClickAsync());
        var kept = Path.Combine(Path.GetTempPath(), "steward-tests", download.SuggestedFilename);
        await download.SaveAsAsync(kept);

        await page.GetByLabel("Digest file kept outside the database").SetInputFilesAsync(kept);
        await page.GetByRole(AriaRole.Button, new() { Name = "Check the database" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-panel")).ToContainTextAsync("Consistent with digest 1");
        await page.AssertNoViolationsAsync();

        var junk = Path.Combine(Path.GetTempPath(), "steward-tests", $"junk-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(junk, "not a digest");
        await page.GetByLabel("Digest file kept outside the database").SetInputFilesAsync(junk);
        await page.GetByRole(AriaRole.Button, new() { Name = "Check the database" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("is not a Steward history digest");
        await page.AssertNoViolationsAsync();
    }
}
