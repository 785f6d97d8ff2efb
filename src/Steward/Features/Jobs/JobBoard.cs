using Microsoft.EntityFrameworkCore;
using Quartz;
using Steward.Data;
using Steward.Infrastructure;
using Steward.Infrastructure.Modules;

namespace Steward.Features.Jobs;

public sealed record JobRunView(long Id, string Node, string StartedBy, DateTime StartedAt, DateTime? FinishedAt, JobOutcome Outcome, string? Summary, string? Error);

public sealed record JobView(string Key, string Title, string Purpose, int EveryMinutes, DateTime? NextRunAt, JobRunView? LastRun, JobRunView? LastFailure, IReadOnlyList<JobRunView> RecentRuns);

public sealed record JobBoardView(bool RunsOnThisNode, bool Clustered, string Node, IReadOnlyList<JobView> Jobs);

// What the jobs page and GET /api/v1/jobs show: each job with its last and next run and its latest
// failure; and running one now, which any node of the cluster may pick up.
public sealed class JobBoard(StewardDbContext db, ISchedulerFactory schedulers, IConfiguration configuration)
{
    public const int RecentRuns = 10;

    public async Task<JobBoardView> ReadAsync(CancellationToken ct)
    {
        var scheduler = await schedulers.GetScheduler(ct);
        var jobs = new List<JobView>();
        foreach (var job in StewardModules.Jobs)
        {
            var recent = await db.JobRuns.AsNoTracking().Where(r => r.Job == job.Key).OrderByDescending(r => r.StartedAt).ThenByDescending(r => r.Id)
                .Take(RecentRuns).Select(r => new JobRunView(r.Id, r.Node, r.StartedBy, r.StartedAt, r.FinishedAt, r.Outcome, r.Summary, r.Error)).ToListAsync(ct);
            var failure = await db.JobRuns.AsNoTracking().Where(r => r.Job == job.Key && r.Outcome == JobOutcome.Failed).OrderByDescending(r => r.StartedAt).ThenByDescending(r => r.Id)
                .Select(r => new JobRunView(r.Id, r.Node, r.StartedBy, r.StartedAt, r.FinishedAt, r.Outcome, r.Summary, r.Error)).FirstOrDefaultAsync(ct);
            var trigger = await scheduler.GetTrigger(new TriggerKey(job.Key, JobScheduling.Group), ct);
            jobs.Add(new(job.Key, job.Title, job.Purpose, Math.Max(1, (int)JobScheduling.Interval(configuration, job).TotalMinutes), trigger?.NextFireTimeUtc?.UtcDateTime, recent.FirstOrDefault(), failure, recent));
        }

        var metadata = await scheduler.GetMetadata(ct);
        return new(RunsHere, metadata.JobStoreClustered, metadata.SchedulerInstanceId, jobs);
    }

    public bool RunsHere => configuration.GetValue(JobScheduling.EnabledSetting, true);

    // Queues one run now; whichever node is free runs it (this one, if jobs run here).
    public async Task RunNowAsync(string key, string startedBy, CancellationToken ct)
    {
        if (StewardModules.Jobs.All(j => j.Key != key))
        {
            throw new RecordNotFoundException("Background job", key);
        }

        var scheduler = await schedulers.GetScheduler(ct);
        await scheduler.TriggerJob(new JobKey(key, JobScheduling.Group), new JobDataMap { [RecordedJob.StartedByKey] = startedBy }, ct);
    }
}
