using System.Net;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Steward.Features.Accounts;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Access;

// Each request is authenticated once: a request to the API with a token by the token check alone, without
// ASP.NET Core's authentication, and a page by ASP.NET Core's once. The web host adds an authentication
// middleware of its own unless the application's pipeline is marked as having one; when it did, every
// request was authenticated twice and the token check cost twice what it should (see ApiTokenAuthentication).
public sealed class AuthenticationCountTests(AuthenticationCountTests.CountingApp app) : IClassFixture<AuthenticationCountTests.CountingApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ARequestWithAToken_IsAuthenticatedByTheTokenCheckAlone_AndAPageByAspNetCoreOnce()
    {
        var before = app.Calls.Count;
        Assert.Equal(HttpStatusCode.OK, (await app.Api().GetAsync("/api/v1/units", Ct)).StatusCode);
        Assert.Equal(0, app.Calls.Count - before);

        before = app.Calls.Count;
        Assert.Equal(HttpStatusCode.OK, (await app.Browser().GetAsync("/", Ct)).StatusCode);
        Assert.Equal(1, app.Calls.Count - before);
    }

    public sealed class CountingApp : SqliteApp
    {
        public AuthenticationCalls Calls { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
            {
                services.AddSingleton(Calls);
                services.AddScoped<IAuthenticationService, CountingAuthenticationService>();
            });
        }
    }

    public sealed class AuthenticationCalls
    {
        private int count;

        public int Count => Volatile.Read(ref count);

        public void Add() => Interlocked.Increment(ref count);
    }

    private sealed class CountingAuthenticationService(
        IAuthenticationSchemeProvider schemes, IAuthenticationHandlerProvider handlers, IClaimsTransformation transform, IOptions<AuthenticationOptions> options, AuthenticationCalls calls)
        : AuthenticationService(schemes, handlers, transform, options)
    {
        public override Task<AuthenticateResult> AuthenticateAsync(HttpContext context, string? scheme)
        {
            // The scheme that picks cookie or token forwards to the one it picks: one authentication, two calls.
            if (scheme is null or SignInServiceCollectionExtensions.CookieOrToken)
            {
                calls.Add();
            }

            return base.AuthenticateAsync(context, scheme);
        }
    }
}
