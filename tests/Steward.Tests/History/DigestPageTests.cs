using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting;
using Steward.Features.Access;
using Steward.Features.History.Digests;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.History;

// The history digests page: an administrator takes a digest and checks the database against a copy of it
// uploaded from outside; someone who may only read the history sees the digests but can do neither.
public abstract class DigestPageTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : StewardApp
{
    [Fact]
    public async Task AnAdministratorTakesADigest_AndChecksTheDatabaseAgainstAnUploadedCopy()
    {
        app.RequireDatabase();
        await app.CreateTreeAsync();
        var admin = app.Browser();
        var taken = await admin.SubmitFormAsync("/history/digests", new Dictionary<string, string?>(), "form[action*=Take]");
        Assert.Equal(HttpStatusCode.Redirect, taken.StatusCode);
        var page = await admin.GetPageAsync("/history/digests");
        Assert.Contains("kept in the database only: set Audit:DigestFolder", page.QuerySelector(".govuk-notification-banner")!.TextContent, StringComparison.Ordinal);
        var link = page.QuerySelector("table a[download]")!;
        var file = await admin.GetAsync(link.GetAttribute("href"));
        Assert.Equal("application/json", file.Content.Headers.ContentType!.MediaType);
        var digest = HistoryDigestDocument.Parse(await file.Content.ReadAsStringAsync(), "download");

        var intact = await UploadAsync(admin, await file.Content.ReadAsByteArrayAsync(), DigestPublication.FileName(digest));
        Assert.Equal(HttpStatusCode.OK, intact.StatusCode);
        Assert.Contains($"Consistent with digest {digest.Sequence}", (await intact.ReadHtmlAsync()).QuerySelector(".govuk-panel")!.TextContent, StringComparison.Ordinal);

        var junk = await UploadAsync(admin, "{\"format\":\"something else\"}"u8.ToArray(), "junk.json");
        Assert.Equal(HttpStatusCode.BadRequest, junk.StatusCode);
        Assert.Contains("junk.json is not a Steward history digest", (await junk.ReadHtmlAsync()).QuerySelector("#DigestFile-error")!.TextContent, StringComparison.Ordinal);

        await app.TamperAsync("UPDATE history_events SET \"Actor\" = 'mallory' WHERE \"Id\" = (SELECT MIN(\"Id\") FROM history_events)");
        var broken = await UploadAsync(admin, await file.Content.ReadAsByteArrayAsync(), DigestPublication.FileName(digest));
        Assert.Contains("The history is broken: event ", (await broken.ReadHtmlAsync()).QuerySelector(".govuk-warning-text")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SomeoneWhoMayOnlyReadTheHistory_SeesTheDigestsButCannotTakeOrCheck()
    {
        app.RequireDatabase();
        var reader = app.Browser(await app.SignInAsync(await app.AddAccountWithRoleAsync(StewardRole.AssuranceManager, null)));
        var page = await reader.GetPageAsync("/history/digests");
        Assert.Null(page.QuerySelector("form[action*=Verify]"));
        Assert.Null(page.QuerySelector("form[action*=Take]"));

        // Refused before the handler runs, whatever the form carries.
        foreach (var handler in new[] { "Take", "Verify" })
        {
            var refused = await reader.PostAsync($"/history/digests?handler={handler}", new FormUrlEncodedContent([]));
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient browser, byte[] content, string name)
    {
        var form = (await browser.GetPageAsync("/history/digests")).QuerySelector("form[action*=Verify]")!;
        using var upload = new MultipartFormDataContent
        {
            { new StringContent(form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!), "__RequestVerificationToken" },
            { new ByteArrayContent(content), "DigestFile", name },
        };
        return await browser.PostAsync(form.GetAttribute("action"), upload);
    }
}

// Steward with a signing key of its own (outside the database) and no digests on a timer.
public sealed class SigningSqliteApp : SqliteApp
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        SigningKeys.Configure(builder);
    }
}

public sealed class SigningPostgresApp : PostgresApp
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        SigningKeys.Configure(builder);
    }
}

internal static class SigningKeys
{
    public static void Configure(IWebHostBuilder builder)
    {
        var path = Path.Combine(Path.GetTempPath(), "steward-tests", $"signing-{Guid.NewGuid():N}.pem");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        File.WriteAllText(path, key.ExportPkcs8PrivateKeyPem());
        builder.UseSetting(DigestKeys.SigningKeyPathSetting, path);
        builder.UseSetting(DigestSchedule.EveryMinutesSetting, "0");
    }
}

public sealed class DigestPageOnSqlite(SigningSqliteApp app) : DigestPageTests<SigningSqliteApp>(app);

public sealed class DigestPageOnPostgres(SigningPostgresApp app) : DigestPageTests<SigningPostgresApp>(app);
