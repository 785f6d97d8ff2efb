using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Steward.Data;
using Steward.Features.Jobs;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Jobs;

// Two Steward nodes on one PostgreSQL database, each with its scheduler running, as behind a load
// balancer: a job due every second runs once per firing across both, never on both at once, and a run
// asked for on one node happens once.
[Collection(ClusterTimingCollection.Name)]
public sealed class TwoNodeJobsOnPostgres(ClusteredJobsApp first) : IClassFixture<ClusteredJobsApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AJobDueOnBothNodes_RunsOnceEachTime_AndNeverOnBothAtOnce()
    {
        Assert.SkipWhen(first.SkipReason is not null, first.SkipReason ?? string.Empty);
        await using var second = new ClusteredSecondNode(first);
        await second.StartAsync();
        var nodes = new[] { first, (StewardApp)second };
        var boards = new List<JobBoardView>();
        foreach (var node in nodes)
        {
            boards.Add(await (await node.Api().GetAsync("/api/v1/jobs", Ct)).ReadAsync<JobBoardView>());
        }

        Assert.All(boards, b => Assert.True(b.Clustered));
        Assert.NotEqual(boards[0].Node, boards[1].Node);

        var from = DateTime.UtcNow;
        await Task.Delay(TimeSpan.FromSeconds(12), Ct);
        var runs = (await RunsAsync("work-reminders")).Where(r => r.StartedAt >= from).ToList();
        var triggers = await first.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<StewardDbContext>();
            var c = db.Database.GetDbConnection();
            await c.OpenAsync(Ct);
            await using var cmd = c.CreateCommand();
            cmd.CommandText = "select sched_name || ' ' || trigger_name || ' ' || trigger_group || ' ' || coalesce(next_fire_time,0) || ' ' || trigger_state || ' ' || trigger_type from qrtz_triggers";
            var rows = new List<string>();
            await using var r = await cmd.ExecuteReaderAsync(Ct);
            while (await r.ReadAsync(Ct)) { rows.Add(r.GetString(0)); }
            return rows;
        });
        Assert.Single(triggers, t => t.Contains("work-reminders", StringComparison.Ordinal));
        // Due every second for twelve seconds on two nodes: about twelve runs, not twice that.
        Assert.True(runs.Count is >= 3 and <= 15, string.Join("\n", runs.Select(r => $"{r.Id} {r.Node} {r.StartedAt:HH:mm:ss.fff}-{r.FinishedAt:HH:mm:ss.fff} {r.StartedBy}")));
        Assert.All(runs, r => Assert.Equal(JobOutcome.Succeeded, r.Outcome));
        for (var i = 1; i < runs.Count; i++)
        {
            Assert.True(runs[i].StartedAt >= runs[i - 1].FinishedAt, $"Run {runs[i].Id} on {runs[i].Node} started before run {runs[i - 1].Id} on {runs[i - 1].Node} finished");
        }

        // Asked for on the second node: one run, on whichever node was free.
        var before = (await RunsAsync("email-delivery")).Count;
        Assert.Equal(System.Net.HttpStatusCode.Accepted, (await second.Api().PostAsync("/api/v1/jobs/email-delivery/run", null, Ct)).StatusCode);
        await Task.Delay(TimeSpan.FromSeconds(4), Ct);
        Assert.Equal(before + 1, (await RunsAsync("email-delivery")).Count);
    }

    private Task<List<JobRun>> RunsAsync(string job) =>
        first.WithServicesAsync(sp => sp.GetRequiredService<StewardDbContext>().JobRuns.AsNoTracking().Where(r => r.Job == job && r.Outcome != JobOutcome.Running)
            .OrderBy(r => r.StartedAt).ThenBy(r => r.Id).ToListAsync(Ct));
}

public sealed class ClusteredJobsApp : PostgresApp
{
    protected override bool RunsJobs => true;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        ClusteredJobs.Apply(builder);
    }
}

public sealed class ClusteredSecondNode(StewardApp first) : StewardApp
{
    public override DatabaseProvider Provider => first.Provider;

    protected override bool RunsJobs => true;

    protected override Task<string> CreateDatabaseAsync() => Task.FromResult(first.ConnectionString);

    protected override Task DropDatabaseAsync(string connectionString) => Task.CompletedTask;

    public async Task StartAsync() => await InitializeAsync();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        ClusteredJobs.Apply(builder);
    }
}

internal static class ClusteredJobs
{
    // The reminders job every second, delivery only when asked for.
    public static void Apply(IWebHostBuilder builder)
    {
        builder.UseSetting($"{JobScheduling.EverySecondsSection}:work-reminders", "1");
        builder.UseSetting($"{JobScheduling.EverySecondsSection}:email-delivery", "3600");
    }
}
