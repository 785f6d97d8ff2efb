using System.Net;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Steward.Features.Access;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Accounts;

public abstract class SessionLifetimeTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : StewardApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // A copy of the session cookie kept before signing out signed its owner in 21 minutes later.
    [Fact]
    public async Task SigningOut_EndsTheSessionOnTheServer_SoASavedCookieIsWorthNothing()
    {
        var email = await app.AddAccountWithRoleAsync(StewardRole.Viewer, null);
        var saved = await app.SignInAsync(email);
        Assert.Equal(HttpStatusCode.OK, (await app.Browser(saved).GetAsync("/people", Ct)).StatusCode);

        var signedOut = await app.Browser(saved).SubmitFormAsync("/", new Dictionary<string, string?>(), "form[action='/sign-out']");
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);

        var replayed = await app.Browser(saved).GetAsync("/people", Ct);
        Assert.Equal(HttpStatusCode.Redirect, replayed.StatusCode);
        Assert.StartsWith("/sign-in", replayed.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await app.Browser(await app.SignInAsync(email)).GetAsync("/people", Ct)).StatusCode);
    }

    [Fact]
    public async Task ASession_EndsAfterItsAbsoluteLimit_WhateverItsActivity()
    {
        var session = await app.SignInAsync(await app.AddAccountWithRoleAsync(StewardRole.Viewer, null));
        using var strict = app.WithWebHostBuilder(b => b.UseSetting("Sessions:AbsoluteHours", "0"));
        var cookies = new CookieContainer();
        cookies.Add(strict.ClientOptions.BaseAddress, session);

        var refused = await strict.CreateDefaultClient(strict.ClientOptions.BaseAddress, new CookieContainerHandler(cookies)).GetAsync("/people", Ct);

        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.Browser(session).GetAsync("/people", Ct)).StatusCode);
    }

    [Fact]
    public void SessionsLapse_AfterThirtyIdleMinutes_ByDefault()
    {
        var options = app.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
        Assert.Equal(TimeSpan.FromMinutes(30), options.ExpireTimeSpan);
        Assert.True(options.SlidingExpiration);
    }
}

public sealed class SessionLifetimeOnSqlite(SqliteApp app) : SessionLifetimeTests<SqliteApp>(app);

public sealed class SessionLifetimeOnPostgres(PostgresApp app) : SessionLifetimeTests<PostgresApp>(app);
