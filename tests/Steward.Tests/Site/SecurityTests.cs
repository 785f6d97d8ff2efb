using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Steward.Data;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Site;

public abstract class SecurityTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : StewardApp
{
    [Theory]
    [InlineData("/")]
    [InlineData("/units/new")]
    [InlineData("/history")]
    public async Task Pages_HaveAStrictContentSecurityPolicyAndNoInlineScript(string url)
    {
        var response = await app.Browser().GetAsync(url, TestContext.Current.CancellationToken);
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self';", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        var page = await response.ReadHtmlAsync();
        Assert.Empty(page.QuerySelectorAll("script:not([src])"));
        Assert.Empty(page.QuerySelectorAll("[style]"));
    }

    [Fact]
    public async Task FormsCookies_AreHttpOnlyAndSameSite()
    {
        var response = await app.Browser().GetAsync("/units/new", TestContext.Current.CancellationToken);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("steward_antiforgery=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task PostWithoutAntiforgeryToken_IsRefused()
    {
        var before = await app.Api().GetAsync("/api/v1/units?limit=500", TestContext.Current.CancellationToken);
        var response = await app.Browser().PostAsync("/units/new", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Kind"] = "Portfolio", ["Input.Code"] = TestData.NewCode(), ["Input.Name"] = "Forged",
        }), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(await before.Content.ReadAsStringAsync(TestContext.Current.CancellationToken),
            await (await app.Api().GetAsync("/api/v1/units?limit=500", TestContext.Current.CancellationToken)).Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task AFormServedByOneNode_CanBePostedToAnother()
    {
        // A second host on the same database stands for a second web node behind a load balancer:
        // the data-protection keys in the database let it accept the first node's antiforgery token.
        app.RequireDatabase();
        await using var secondNode = new SecondNode(app);
        await secondNode.StartAsync();
        var served = await app.Browser().GetAsync("/units/new", TestContext.Current.CancellationToken);
        var cookie = served.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith("steward_antiforgery=", StringComparison.Ordinal));
        var token = (await served.ReadHtmlAsync()).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        var request = new HttpRequestMessage(HttpMethod.Post, "/units/new")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token, ["Input.Kind"] = "Portfolio", ["Input.Code"] = TestData.NewCode(), ["Input.Name"] = "Posted to the other node",
            }),
        };
        // The session cookie the first node issued works on the second too.
        request.Headers.Add("Cookie", $"{cookie}; {app.AdministratorSession.Name}={app.AdministratorSession.Value}");
        var response = await secondNode.AnonymousApi().SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        // The key ring lives in the database, not in a folder on one machine.
        var keys = await app.WithServicesAsync(sp => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(
            sp.GetRequiredService<StewardDbContext>().DataProtectionKeys, TestContext.Current.CancellationToken));
        Assert.True(keys > 0, "No data-protection key was stored in the database.");
    }

    [Fact]
    public async Task ApiAnswers_AreNeverStored()
    {
        var (_, _, project) = await app.CreateTreeAsync();
        foreach (var url in new[] { $"/api/v1/units/{project.Code}", $"/api/v1/units/{project.Code}/risks/export?format=csv", "/api/v1/units/NO-SUCH-UNIT" })
        {
            var response = await app.Api().GetAsync(url, TestContext.Current.CancellationToken);
            Assert.True(response.Headers.CacheControl?.NoStore, $"{url} has no Cache-Control: no-store");
        }
    }

    // A unit outside what a person may see and a code that does not exist answer alike, so nobody can
    // learn which codes exist.
    [Fact]
    public async Task AUnitOutsideWhatAViewerMaySee_AnswersAsAMadeUpCodeDoes()
    {
        var (mine, _, _) = await app.CreateTreeAsync();
        var (_, _, theirs) = await app.CreateTreeAsync();
        var viewer = app.Api(await app.CreateTokenAsync(await app.AddAccountWithRoleAsync(Steward.Features.Access.StewardRole.Viewer, mine.Code)));
        var madeUp = $"ZZ-{Guid.NewGuid().ToString("N")[..6].ToUpperInvariant()}";

        var hidden = await viewer.GetAsync($"/api/v1/units/{theirs.Code}", TestContext.Current.CancellationToken);
        var missing = await viewer.GetAsync($"/api/v1/units/{madeUp}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        string Body(string text, string code) => System.Text.RegularExpressions.Regex.Replace(text.Replace(code, "CODE", StringComparison.Ordinal), "\"traceId\":\"[^\"]*\"", "");
        Assert.Equal(Body(await missing.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), madeUp), Body(await hidden.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), theirs.Code));
        Assert.Equal(missing.Content.Headers.ContentType?.MediaType, hidden.Content.Headers.ContentType?.MediaType);
    }
}

public sealed class SecurityOnSqlite(SqliteApp app) : SecurityTests<SqliteApp>(app);

public sealed class SecurityOnPostgres(PostgresApp app) : SecurityTests<PostgresApp>(app);
