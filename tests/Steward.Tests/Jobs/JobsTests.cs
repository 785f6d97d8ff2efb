using System.Net;
using Microsoft.AspNetCore.Hosting;
using Steward.Features.Access;
using Steward.Features.Jobs;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Jobs;

// The scheduler itself, on both databases: the jobs are listed with their next run, an administrator runs
// one now and its run is recorded on the node that ran it, a failure is recorded with its error and the
// node carries on, and only administrators may see or start jobs. On PostgreSQL two nodes share the work.
public abstract class JobsTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : StewardApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnAdministrator_RunsAJobNow_AndItsRunIsRecorded()
    {
        var board = await (await app.Api().GetAsync("/api/v1/jobs", Ct)).ReadAsync<JobBoardView>();
        Assert.True(board.RunsOnThisNode);
        Assert.Equal(app.Provider == Steward.Data.DatabaseProvider.PostgreSql, board.Clustered);
        Assert.Contains(board.Jobs, j => j.Key == "work-reminders" && j.NextRunAt is not null && j.EveryMinutes == 5);
        Assert.Contains(board.Jobs, j => j.Key == "email-delivery");

        Assert.Equal(HttpStatusCode.Accepted, (await app.Api().PostAsync("/api/v1/jobs/work-reminders/run", null, Ct)).StatusCode);
        var run = await WaitForRunAsync("work-reminders", r => r.Outcome == JobOutcome.Succeeded);
        Assert.Equal("Test Administrator (test.administrator@steward.test) with token Tests", run.StartedBy);
        Assert.Contains("people looked at", run.Summary, StringComparison.Ordinal);
        Assert.NotNull(run.FinishedAt);

        // Mail is misconfigured here: the delivery job fails, says why, and the node carries on.
        Assert.Equal(HttpStatusCode.Accepted, (await app.Api().PostAsync("/api/v1/jobs/email-delivery/run", null, Ct)).StatusCode);
        var failed = await WaitForRunAsync("email-delivery", r => r.Outcome == JobOutcome.Failed);
        Assert.Contains("Mail:From 'not an address' is not an e-mail address", failed.Error, StringComparison.Ordinal);
        var page = await app.Browser().GetAsync(JobsLinks.Index, Ct);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync(Ct));
        Assert.Contains("Mail is not sent: Mail:From 'not an address' is not an e-mail address", html, StringComparison.Ordinal);
        Assert.Contains("Latest failure", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await app.Api().GetAsync("/health/ready", Ct)).StatusCode);
    }

    [Fact]
    public async Task OnlyAdministrators_SeeOrStartJobs_AndAnUnknownJobIsNotFound()
    {
        var unit = await app.CreateUnitAsync(Steward.Features.Units.UnitKind.Portfolio);
        var manager = app.Api(await app.CreateTokenAsync(await app.AddAccountWithRoleAsync(StewardRole.PmoManager, unit.Code)));
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.GetAsync("/api/v1/jobs", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.PostAsync("/api/v1/jobs/work-reminders/run", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Api().PostAsync("/api/v1/jobs/no-such-job/run", null, Ct)).StatusCode);
    }

    private async Task<JobRunView> WaitForRunAsync(string job, Func<JobRunView, bool> done)
    {
        for (var waited = 0; waited < 60_000; waited += 250)
        {
            var board = await (await app.Api().GetAsync("/api/v1/jobs", Ct)).ReadAsync<JobBoardView>();
            if (board.Jobs.Single(j => j.Key == job).RecentRuns.FirstOrDefault(done) is { } run)
            {
                return run;
            }

            await Task.Delay(250, Ct);
        }

        throw new TimeoutException($"No run of {job} finished as expected within a minute");
    }
}

// Scheduler on; mail set up wrongly (From is not an address), as an operator might.
public sealed class SqliteJobsApp : SqliteApp
{
    protected override bool RunsJobs => true;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        JobsAppSettings.Apply(builder);
    }
}

public sealed class PostgresJobsApp : PostgresApp
{
    protected override bool RunsJobs => true;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        JobsAppSettings.Apply(builder);
    }
}

internal static class JobsAppSettings
{
    public static void Apply(IWebHostBuilder builder)
    {
        builder.UseSetting("Mail:Host", "127.0.0.1");
        builder.UseSetting("Mail:From", "not an address");
        builder.UseSetting("Mail:SiteAddress", "https://steward.test");
    }
}

public sealed class JobsOnSqlite(SqliteJobsApp app) : JobsTests<SqliteJobsApp>(app);

public sealed class JobsOnPostgres(PostgresJobsApp app) : JobsTests<PostgresJobsApp>(app);
