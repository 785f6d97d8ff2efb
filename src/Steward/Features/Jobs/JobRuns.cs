using Microsoft.EntityFrameworkCore;
using Steward.Data;

namespace Steward.Features.Jobs;

// Writes each run's record in a database scope of its own, so that the record is kept whatever the job's
// own work did to its unit of work (a job that fails half-way still has its failure recorded).
public sealed class JobRuns(IServiceScopeFactory scopes, TimeProvider clock)
{
    public Task<long> StartAsync(string job, string node, string startedBy, bool recovering, CancellationToken ct) =>
        WithDatabaseAsync(async db =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            if (recovering)
            {
                // Quartz runs a job again on another node when the node running it stopped checking in.
                await db.JobRuns.Where(r => r.Job == job && r.Outcome == JobOutcome.Running && r.Node != node)
                    .ExecuteUpdateAsync(s => s.SetProperty(r => r.Outcome, JobOutcome.Abandoned).SetProperty(r => r.FinishedAt, now), ct);
            }

            var run = new JobRun { Job = job, Node = Clip(node, JobRun.NodeMaxLength)!, StartedBy = Clip(startedBy, JobRun.StartedByMaxLength)!, StartedAt = now, Outcome = JobOutcome.Running };
            db.JobRuns.Add(run);
            await db.SaveChangesAsync(ct);
            return run.Id;
        });

    public Task FinishAsync(long run, JobOutcome outcome, string? summary, string? error) =>
        WithDatabaseAsync(async db =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var clippedSummary = Clip(summary, JobRun.TextMaxLength);
            var clippedError = Clip(error, JobRun.TextMaxLength);
            // Not cancellable: a run that finished is recorded as finished even while the node shuts down.
            await db.JobRuns.Where(r => r.Id == run).ExecuteUpdateAsync(
                s => s.SetProperty(r => r.Outcome, outcome).SetProperty(r => r.FinishedAt, now)
                    .SetProperty(r => r.Summary, clippedSummary).SetProperty(r => r.Error, clippedError), CancellationToken.None);
            return 0;
        });

    private async Task<T> WithDatabaseAsync<T>(Func<StewardDbContext, Task<T>> work)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<StewardDbContext>());
    }

    private static string? Clip(string? text, int max) => text is { Length: > 0 } && text.Length > max ? text[..max] : text;
}
