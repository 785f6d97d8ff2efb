using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Playwright;

namespace Steward.Features.Reporting.BoardPacks;

// Prints a board pack: renders BoardPackDocument to HTML and has headless Chromium print it to a tagged
// PDF with bookmarks from the headings. Chromium is Debian's (/usr/bin/chromium, or BoardPacks:Chromium),
// driven through Playwright; where it is missing the printer says so rather than failing later.
public sealed class BoardPackPrinter(IServiceProvider services, ILoggerFactory logs, IConfiguration configuration)
{
    public const string ChromiumSetting = "BoardPacks:Chromium";
    public const string DefaultChromium = "/usr/bin/chromium";

    private static readonly Lazy<string> Stylesheet = new(() =>
    {
        using var css = typeof(BoardPackPrinter).Assembly.GetManifestResourceStream("Steward.Features.Reporting.BoardPacks.BoardPack.css")
            ?? throw new InvalidOperationException("The board pack stylesheet is not built into Steward");
        return new StreamReader(css).ReadToEnd();
    });

    public string ChromiumPath => configuration[ChromiumSetting] is { Length: > 0 } path ? path : DefaultChromium;

    public bool IsAvailable => File.Exists(ChromiumPath);

    // Why packs cannot be printed here, or null when they can.
    public string? Unavailable => IsAvailable ? null
        : $"Board packs are printed by Chromium, which is not installed at {ChromiumPath}. Install Debian's chromium package, or set {ChromiumSetting} to where it is.";

    public async Task<string> RenderAsync(BoardPackContent content)
    {
        await using var renderer = new HtmlRenderer(services, logs);
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await renderer.RenderComponentAsync<BoardPackDocument>(ParameterView.FromDictionary(new Dictionary<string, object?>
            {
                [nameof(BoardPackDocument.C)] = content,
                [nameof(BoardPackDocument.Stylesheet)] = Stylesheet.Value,
            }));
            return output.ToHtmlString();
        });
    }

    public async Task<byte[]> PrintAsync(string html, BoardPackContent content, CancellationToken ct = default)
    {
        if (Unavailable is { } why)
        {
            throw new BoardPackPrinterMissing(why);
        }

        using var playwright = await Playwright.CreateAsync();
        await using var chromium = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // No sandbox: Steward may run as a service account or root in a container, where Chromium's own refuses to start.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        var page = await chromium.NewPageAsync(new BrowserNewPageOptions { JavaScriptEnabled = false });
        ct.ThrowIfCancellationRequested();
        await page.SetContentAsync(html, new PageSetContentOptions { WaitUntil = WaitUntilState.Load });
        var footer = $"<div style=\"font-size:7pt;width:100%;padding:0 15mm;color:#505a5f;font-family:Arial,sans-serif\">{System.Net.WebUtility.HtmlEncode($"{content.Unit.Code} board pack, {content.Period.Describe()}")}"
            + "<span style=\"float:right\">Page <span class=\"pageNumber\"></span> of <span class=\"totalPages\"></span></span></div>";
        return await page.PdfAsync(new PagePdfOptions
        {
            Format = "A4",
            PrintBackground = true,
            PreferCSSPageSize = true,
            Tagged = true,
            Outline = true,
            DisplayHeaderFooter = true,
            HeaderTemplate = "<span></span>",
            FooterTemplate = footer,
        });
    }
}

// Chromium is not where Steward was told to find it.
public sealed class BoardPackPrinterMissing(string message) : InvalidOperationException(message);
