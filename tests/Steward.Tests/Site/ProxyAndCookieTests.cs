using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Steward.Infrastructure;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Site;

public sealed class ProxyTrustTests
{
    // Trusting forwarded headers used to mean trusting them from anyone who reached the port.
    [Fact]
    public void ForwardedHeaders_AreBelievedOnlyFromNamedProxies_OrThisMachine()
    {
        var unnamed = ProxyTrust.From(Configuration([]));
        // ASP.NET Core's defaults: this machine's loopback addresses only.
        Assert.Equal([IPAddress.IPv6Loopback], unnamed.KnownProxies);
        Assert.Equal("127.0.0.0/8", Assert.Single(unnamed.KnownIPNetworks).ToString());

        var named = ProxyTrust.From(Configuration(new() { ["Proxy:KnownProxies"] = "10.1.2.3, 10.1.2.4", ["Proxy:KnownNetworks"] = "192.168.10.0/24" }));
        Assert.Equal([IPAddress.Parse("10.1.2.3"), IPAddress.Parse("10.1.2.4")], named.KnownProxies);
        Assert.Equal("192.168.10.0/24", Assert.Single(named.KnownIPNetworks).ToString());

        var wrong = Assert.Throws<InvalidOperationException>(() => ProxyTrust.From(Configuration(new() { ["Proxy:KnownNetworks"] = "the office" })));
        Assert.Contains("Proxy:KnownNetworks: 'the office'", wrong.Message, StringComparison.Ordinal);
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) => new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}

public abstract class HttpsOnlyCookieTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : StewardApp
{
    [Fact]
    public async Task OverHttpsOnly_CookiesTakeTheHostPrefix_AndAreSecure()
    {
        using var https = app.WithWebHostBuilder(b => b.UseSetting("Https:Hsts", "true"));
        var client = https.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });

        var form = await client.GetAsync("/sign-in", TestContext.Current.CancellationToken);

        var antiforgery = form.Headers.GetValues("Set-Cookie").Single(c => c.Contains("steward_antiforgery", StringComparison.Ordinal));
        Assert.StartsWith("__Host-steward_antiforgery=", antiforgery, StringComparison.Ordinal);
        Assert.Contains("secure", antiforgery, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", antiforgery, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("domain=", antiforgery, StringComparison.OrdinalIgnoreCase);

        var token = System.Text.RegularExpressions.Regex.Match(await form.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var signIn = new HttpRequestMessage(HttpMethod.Post, "/sign-in")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = StewardApp.AdministratorEmail, ["Password"] = StewardApp.Password, ["__RequestVerificationToken"] = token }),
        };
        signIn.Headers.Add("Cookie", antiforgery.Split(';')[0]);
        var signedIn = await client.SendAsync(signIn, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var session = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.Contains("steward_session", StringComparison.Ordinal));
        Assert.StartsWith("__Host-steward_session=", session, StringComparison.Ordinal);
        Assert.Contains("secure", session, StringComparison.OrdinalIgnoreCase);
    }
}

public sealed class HttpsOnlyCookiesOnSqlite(SqliteApp app) : HttpsOnlyCookieTests<SqliteApp>(app);

public sealed class HttpsOnlyCookiesOnPostgres(PostgresApp app) : HttpsOnlyCookieTests<PostgresApp>(app);
