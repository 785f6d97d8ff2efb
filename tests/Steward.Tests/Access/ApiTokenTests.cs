using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Steward.Data;
using Steward.Features.Access;
using Steward.Features.Tokens;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Access;

public abstract class ApiTokenTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : StewardApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("Bearer stw_short")]
    [InlineData("Bearer not-a-steward-token-at-all")]
    [InlineData("Bearer stw_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("Basic dXNlcjpwYXNz")]
    public async Task MalformedOrUnknownTokens_Get401(string header)
    {
        var client = app.AnonymousApi();
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", header);
        var response = await client.GetAsync("/api/v1/units", Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("Bearer", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RevokedAndExpiredTokens_Get401_AtOnce()
    {
        var email = await app.AddAccountWithRoleAsync(StewardRole.Viewer, null);
        var revoked = await app.CreateTokenAsync(email);
        Assert.Equal(HttpStatusCode.OK, (await app.Api(revoked).GetAsync("/api/v1/me", Ct)).StatusCode);
        var id = await TokenIdAsync(revoked);
        await app.WithServicesAsync(async sp => { await sp.GetRequiredService<TokenService>().RevokeAsync(id, null); return 0; });
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Api(revoked).GetAsync("/api/v1/me", Ct)).StatusCode);

        var expired = await app.CreateTokenAsync(email);
        Assert.Equal(HttpStatusCode.OK, (await app.Api(expired).GetAsync("/api/v1/me", Ct)).StatusCode);
        var expiredId = await TokenIdAsync(expired);
        // Ages the token by rewriting its expiry, then drops the cached copy as its short life would.
        await app.WithServicesAsync(sp => sp.GetRequiredService<StewardDbContext>().ApiTokens.Where(t => t.Id == expiredId)
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.ExpiresAt, DateTime.UtcNow.AddMinutes(-1)), Ct));
        app.Services.GetRequiredService<AccessCache>().Clear();
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Api(expired).GetAsync("/api/v1/me", Ct)).StatusCode);
    }

    [Fact]
    public async Task ReadOnlyToken_CanRead_ButWritingIs403()
    {
        var (portfolio, _, _) = await app.CreateTreeAsync();
        var email = await app.AddAccountWithRoleAsync(StewardRole.PmoManager, portfolio.Code);
        var token = await app.CreateTokenAsync(email, readOnly: true);
        var api = app.Api(token);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"/api/v1/units/{portfolio.Code}", Ct)).StatusCode);
        var write = await api.SendJsonAsync(HttpMethod.Put, $"/api/v1/units/{portfolio.Code}", new { code = portfolio.Code, name = "Renamed", category = "ict", stage = "delivery" }, "\"1\"");
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
        Assert.Equal(portfolio.Name, (await app.Api().GetUnitAsync(portfolio.Code)).Name);
    }

    [Fact]
    public async Task TheSessionCookie_WorksOnTheApiFromSteward_ButNeverCrossSite()
    {
        var browser = app.Browser();
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/v1/me", Ct)).StatusCode);

        foreach (var (header, value) in new[] { ("Sec-Fetch-Site", "cross-site"), ("Sec-Fetch-Site", "same-site"), ("Origin", "https://evil.example") })
        {
            var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me");
            request.Headers.TryAddWithoutValidation(header, value);
            Assert.Equal(HttpStatusCode.Unauthorized, (await browser.SendAsync(request, Ct)).StatusCode);
        }

        var sameOrigin = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me");
        sameOrigin.Headers.TryAddWithoutValidation("Sec-Fetch-Site", "same-origin");
        Assert.Equal(HttpStatusCode.OK, (await browser.SendAsync(sameOrigin, Ct)).StatusCode);
    }

    [Fact]
    public async Task TokensAreStoredHashed_AndBadRequestsToMakeOneNameTheField()
    {
        var token = await app.CreateTokenAsync(StewardApp.AdministratorEmail);
        var stored = await app.WithServicesAsync(sp => sp.GetRequiredService<StewardDbContext>().ApiTokens.Select(t => t.Hash).ToListAsync(Ct));
        Assert.DoesNotContain(token, stored);
        Assert.Contains(TokenSecret.Hash(token), stored);

        var page = await app.Browser().SubmitFormAsync("/account/tokens/new", new Dictionary<string, string?> { ["Input.Name"] = "", ["Input.Expires.Day"] = "1", ["Input.Expires.Month"] = "1", ["Input.Expires.Year"] = "2020" });
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        var html = await page.ReadHtmlAsync();
        Assert.Equal(["Enter a name for the token, such as the script that will use it", "Expiry date must be in the future"], html.ErrorSummary());

        var created = await app.Browser().SubmitFormAsync("/account/tokens/new", new Dictionary<string, string?> { ["Input.Name"] = "Weekly report", ["Input.ReadOnly"] = "true" });
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var secret = (await created.ReadHtmlAsync()).QuerySelector("#token")!.GetAttribute("value")!;
        var me = await (await app.Api(secret).GetAsync("/api/v1/me", Ct)).ReadJsonAsync();
        Assert.True(me.GetProperty("readOnlyToken").GetBoolean());
    }

    private Task<Guid> TokenIdAsync(string secret) =>
        app.WithServicesAsync(sp => sp.GetRequiredService<StewardDbContext>().ApiTokens.Where(t => t.Hash == TokenSecret.Hash(secret)).Select(t => t.Id).SingleAsync(Ct));
}

public sealed class ApiTokensOnSqlite(SqliteApp app) : ApiTokenTests<SqliteApp>(app);

public sealed class ApiTokensOnPostgres(PostgresApp app) : ApiTokenTests<PostgresApp>(app);
