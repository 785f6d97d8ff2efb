using System.Diagnostics;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Steward.Data;
using Steward.Features.Access;
using Steward.Tests.Cli;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Access;

// A token revoked, or an account disabled, from the command line (another process, as on another node)
// kept working for up to 30 s from the web server's cache. Now the server hears of it at once.
public abstract class AccessChangesTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : StewardApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ATokenRevokedFromTheCommandLine_StopsWorkingAtOnce()
    {
        var (portfolio, _, _) = await app.CreateTreeAsync();
        var email = await app.AddAccountWithRoleAsync(StewardRole.Viewer, portfolio.Code);
        var api = app.Api(await app.CreateTokenAsync(email));
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"/api/v1/units/{portfolio.Code}", Ct)).StatusCode);
        var id = await app.WithServicesAsync(sp => sp.GetRequiredService<StewardDbContext>().ApiTokens.Where(t => t.User!.Email == email).Select(t => t.Id).SingleAsync(Ct));

        var revoked = await StewardProcess.RunAsync("tokens", "revoke", id.ToString(), "--database", app.ConnectionString);
        Assert.True(revoked.ExitCode == 0, revoked.Error);

        Assert.True(await RefusedWithinAsync(api, $"/api/v1/units/{portfolio.Code}"), "the revoked token still worked two seconds later");
    }

    [Fact]
    public async Task AnAccountDisabledFromTheCommandLine_LosesItsTokensAtOnce()
    {
        var (portfolio, _, _) = await app.CreateTreeAsync();
        var email = await app.AddAccountWithRoleAsync(StewardRole.Viewer, portfolio.Code);
        var api = app.Api(await app.CreateTokenAsync(email));
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"/api/v1/units/{portfolio.Code}", Ct)).StatusCode);

        var disabled = await StewardProcess.RunAsync("users", "disable", email, "--database", app.ConnectionString);
        Assert.True(disabled.ExitCode == 0, disabled.Error);

        Assert.True(await RefusedWithinAsync(api, $"/api/v1/units/{portfolio.Code}"), "the disabled account's token still worked two seconds later");
    }

    // The change reaches the server as a notification (PostgreSQL) or within a tenth of a second (SQLite).
    private static async Task<bool> RefusedWithinAsync(HttpClient api, string url)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(2))
        {
            if ((await api.GetAsync(url, Ct)).StatusCode == HttpStatusCode.Unauthorized)
            {
                return true;
            }

            await Task.Delay(50, Ct);
        }

        return false;
    }
}

public sealed class AccessChangesOnSqlite(SqliteApp app) : AccessChangesTests<SqliteApp>(app);

public sealed class AccessChangesOnPostgres(PostgresApp app) : AccessChangesTests<PostgresApp>(app);
