using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Steward.Tests.Infrastructure;

namespace Steward.Browser.Tests;

// Steward on a real port (Kestrel) with Debian's Chromium driven by Playwright. Browser tests run on
// SQLite: they test what people see and do, and the HTTP suite covers both databases underneath.
public sealed class BrowserApp : SqliteApp
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser? Chromium { get; private set; }

    public string BaseUrl { get; private set; } = string.Empty;

    public override string? SkipReason => File.Exists(ChromiumPath) || Required
        ? null
        : $"{ChromiumPath} is not installed (apt-get install chromium); browser tests are skipped";

    private static bool Required => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    // A key to sign history digests with, kept outside the database as in production; no digests on a timer.
    public string SigningKeyPath { get; } = Path.Combine(Path.GetTempPath(), "steward-tests", $"browser-signing-{Guid.NewGuid():N}.pem");

    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        Directory.CreateDirectory(Path.GetDirectoryName(SigningKeyPath)!);
        using var key = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        File.WriteAllText(SigningKeyPath, key.ExportPkcs8PrivateKeyPem());
        builder.UseSetting("Audit:SigningKeyPath", SigningKeyPath);
        builder.UseSetting("Audit:DigestEveryMinutes", "0");
        builder.UseSetting(Steward.Features.Reporting.BoardPacks.BoardPackPrinter.ChromiumSetting, ChromiumPath);
    }

    protected override void StartHost()
    {
        UseKestrel(0);
        StartServer();
        BaseUrl = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal);
        _playwright = Microsoft.Playwright.Playwright.CreateAsync().GetAwaiter().GetResult();
        Chromium = _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        }).GetAwaiter().GetResult();
    }

    protected override HttpClient NewApiClient() =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = new Uri(BaseUrl) };

    protected override HttpClient SignInClient(System.Net.CookieContainer cookies) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = cookies, UseCookies = true }) { BaseAddress = new Uri(BaseUrl) };

    // Signed in as the test Administrator unless asked otherwise, or as the session given.
    public async Task<IPage> NewPageAsync(bool javaScript = true, bool signedIn = true, System.Net.Cookie? session = null)
    {
        RequireDatabase();
        var context = await Chromium!.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, JavaScriptEnabled = javaScript });
        if (signedIn)
        {
            var cookie = session ?? AdministratorSession;
            await context.AddCookiesAsync([new Cookie { Name = cookie.Name, Value = cookie.Value, Url = BaseUrl }]);
        }

        return await context.NewPageAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        if (Chromium is not null)
        {
            await Chromium.DisposeAsync();
        }

        _playwright?.Dispose();
        await base.DisposeAsync();
    }
}
