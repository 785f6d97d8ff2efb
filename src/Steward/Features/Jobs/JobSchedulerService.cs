using Quartz;

namespace Steward.Features.Jobs;

// Starts this node's scheduler with the web host, unless Jobs:Enabled is false (a node kept for pages
// only, or a test host that runs jobs by hand), and lets a running job finish when the node stops.
internal sealed partial class JobSchedulerService(ISchedulerFactory schedulers, IConfiguration configuration, ILogger<JobSchedulerService> log) : IHostedService
{
    private IScheduler? _scheduler;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetValue(JobScheduling.EnabledSetting, true))
        {
            Off(log, JobScheduling.EnabledSetting);
            return;
        }

        _scheduler = await schedulers.GetScheduler(cancellationToken);
        await _scheduler.Start(cancellationToken);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_scheduler is { } scheduler)
        {
            await scheduler.Shutdown(waitForJobsToComplete: true, cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Background jobs do not run on this node: {Setting} is false.")]
    private static partial void Off(ILogger logger, string setting);
}
