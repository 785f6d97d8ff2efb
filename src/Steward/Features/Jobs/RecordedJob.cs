using Quartz;

namespace Steward.Features.Jobs;

// A background job whose every run is recorded (started, finished, outcome, what it did) for the jobs page.
// Runs are safe to repeat: Quartz may run a job again after a node dies mid-run, so each job checks what is
// already done (a digest already sent, a message already delivered) rather than trusting it ran once.
// [DisallowConcurrentExecution] on the job type makes the cluster run it on one node at a time.
public abstract partial class RecordedJob(JobRuns runs, ILogger logger) : IJob
{
    public const string StartedByKey = "startedBy";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var startedBy = context.MergedJobDataMap.TryGetValue(StartedByKey, out var who) && who is string { Length: > 0 } person ? person : "Schedule";
        try
        {
            await RunRecordedAsync(context.JobDetail.Key.Name, JobScheduling.NodeName(context.Scheduler.SchedulerInstanceId), startedBy, context.Recovering, cancellationToken);
        }
        catch (Exception e) when (e is not JobExecutionException)
        {
            throw new JobExecutionException(e);
        }
    }

    // One run, recorded: from the scheduler, or from `steward jobs run` on the command line.
    public async Task<string> RunRecordedAsync(string key, string node, string startedBy, bool recovering, CancellationToken cancellationToken)
    {
        var run = await runs.StartAsync(key, node, startedBy, recovering, cancellationToken);
        try
        {
            var summary = await RunAsync(cancellationToken);
            await runs.FinishAsync(run, JobOutcome.Succeeded, summary, null);
            Finished(logger, key, summary);
            return summary;
        }
        catch (Exception e)
        {
            var stopped = e is OperationCanceledException && cancellationToken.IsCancellationRequested;
            await runs.FinishAsync(run, stopped ? JobOutcome.Abandoned : JobOutcome.Failed, null, stopped ? "Stopped: the node was shutting down." : e.Message);
            Failed(logger, key, e);
            throw;
        }
    }

    // Does the work and says what it did, with its counts ("3 digests sent to 3 people").
    protected abstract Task<string> RunAsync(CancellationToken ct);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Job {Job} finished: {Summary}")]
    private static partial void Finished(ILogger logger, string job, string summary);

    [LoggerMessage(Level = LogLevel.Error, Message = "Job {Job} failed")]
    private static partial void Failed(ILogger logger, string job, Exception error);
}
