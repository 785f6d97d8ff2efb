using Microsoft.Playwright;
using Steward.Tests.Infrastructure;

namespace Steward.Browser.Tests;

// One axe-core scan per page type, including forms in their error state.
public sealed class AccessibilityTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task EveryPageType_HasNoWcagAaViolations()
    {
        var (portfolio, programme, project) = await app.CreateTreeAsync();
        await app.CreatePersonAsync("Mary Seacole");
        var page = await app.NewPageAsync();
        string[] pages =
        [
            "/",
            $"/units/{portfolio.Code}",
            $"/units/{programme.Code}",
            $"/units/{project.Code}",
            "/units/new",
            $"/units/new?parent={programme.Code}",
            $"/units/{programme.Code}/edit",
            $"/units/{project.Code}/move",
            $"/units/{project.Code}/close",
            "/search",
            $"/search?q={programme.Code}",
            "/people",
            "/people/new",
            "/accessibility",
            "/cookies",
            "/units/NO-SUCH-UNIT",
            $"/units/{programme.Code}/history",
            "/history",
            "/sign-in",
            "/roles",
            $"/units/{programme.Code}/roles/new",
            "/account/tokens",
            "/account/tokens/new",
            $"/units/{portfolio.Code}/raid/scale",
            $"/units/{project.Code}/raid/scale",
            $"/units/{programme.Code}/governance",
            $"/units/{programme.Code}/boards/new",
            $"/units/{programme.Code}/decisions/new",
            $"/units/{programme.Code}/actions/new",
            $"/units/{programme.Code}/calendar",
        ];

        foreach (var url in pages)
        {
            await page.GotoAsync(url);
            await page.AssertNoViolationsAsync();
        }

        await page.GotoAsync($"/units/new?parent={portfolio.Code}");
        await page.GetByRole(AriaRole.Group, new() { Name = "Baseline start date" }).GetByLabel("Day").FillAsync("31");
        await page.GetByRole(AriaRole.Group, new() { Name = "Baseline start date" }).GetByLabel("Month").FillAsync("2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add unit" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToBeVisibleAsync();
        await page.AssertNoViolationsAsync();

        // The conflict page: someone saves through the API while the form is open.
        await page.GotoAsync($"/units/{portfolio.Code}/edit");
        var api = app.Api();
        var change = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/units/{portfolio.Id}")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { code = portfolio.Code, name = "Renamed by a colleague", category = "ict", stage = "delivery" }),
        };
        change.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        Assert.True((await api.SendAsync(change)).IsSuccessStatusCode);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Assertions.Expect(page.Locator("#conflict")).ToContainTextAsync("Renamed by a colleague");
        await page.AssertNoViolationsAsync();

        await page.GotoAsync($"/units/{programme.Code}/close");
        await page.GetByRole(AriaRole.Button, new() { Name = "Close programme" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToBeVisibleAsync();
        await page.AssertNoViolationsAsync();
    }
}

public sealed class AccessibilityScanTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    // Guards the guard: a scan that could not fail would prove nothing.
    [Fact]
    public async Task Scan_ReportsAViolationOnABrokenPage()
    {
        var page = await app.NewPageAsync();
        await page.SetContentAsync("<html><body><img src='x.png'><input type='text'></body></html>");
        var failure = await Assert.ThrowsAnyAsync<Exception>(page.AssertNoViolationsAsync);
        Assert.Contains("image-alt", failure.Message, StringComparison.Ordinal);
    }
}

public sealed class ApiReferenceTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    // Scalar's page declares its language, passes the scan, and fetches nothing from another host
    // (no web fonts from a third party), under its own content security policy.
    [Fact]
    public async Task TheApiReference_PassesTheScan_AndCallsNoOtherHost()
    {
        var page = await app.NewPageAsync();
        var elsewhere = new List<string>();
        var host = new Uri(app.BaseUrl).Authority;
        page.Request += (_, request) =>
        {
            if (Uri.TryCreate(request.Url, UriKind.Absolute, out var url) && url.Scheme.StartsWith("http", StringComparison.Ordinal) && url.Authority != host)
            {
                elsewhere.Add(request.Url);
            }
        };
        var refused = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                refused.Add(message.Text);
            }
        };

        var response = await page.GotoAsync("/api/docs/");
        Assert.Contains("default-src 'self'", (await response!.AllHeadersAsync())["content-security-policy"], StringComparison.Ordinal);
        // Scalar fetches the OpenAPI document and draws the page from it, which takes a while on a busy machine.
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await Assertions.Expect(page.GetByText("Steward API").First).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Equal("en", await page.EvaluateAsync<string>("document.documentElement.lang"));
        await page.AssertNoViolationsAsync();
        Assert.Empty(elsewhere);
        Assert.Empty(refused);
    }
}
