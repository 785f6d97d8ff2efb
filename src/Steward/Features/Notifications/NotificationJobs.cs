using Quartz;
using Steward.Features.Jobs;

namespace Steward.Features.Notifications;

// Every five minutes: whose digest time has passed, and what has fallen due for those who want it at once.
[DisallowConcurrentExecution]
internal sealed class WorkRemindersJob(WorkReminders reminders, JobRuns runs, ILogger<WorkRemindersJob> logger) : RecordedJob(runs, logger)
{
    public const string Key = "work-reminders";

    protected override async Task<string> RunAsync(CancellationToken ct)
    {
        var c = await reminders.RunAsync(ct);
        return $"{c.PeopleLookedAt} people looked at; {c.Digests} digests and {c.DueNowMessages} due-now messages made, {c.Emails} to be e-mailed, {c.WithoutEmail} to the inbox only";
    }
}

// Every minute: the e-mails waiting to go, and (through Notify) those that bounced.
[DisallowConcurrentExecution]
internal sealed class EmailDeliveryJob(EmailDelivery delivery, EmailChannels mail, JobRuns runs, ILogger<EmailDeliveryJob> logger) : RecordedJob(runs, logger)
{
    public const string Key = "email-delivery";

    protected override async Task<string> RunAsync(CancellationToken ct)
    {
        if (!mail.IsOn)
        {
            return "Mail is off (neither Notify:ApiKey nor Mail:Host is set): nothing sent";
        }

        if (mail.Problem() is { } problem)
        {
            throw new InvalidOperationException($"Mail is not set up correctly: {problem}");
        }

        var c = await delivery.RunAsync(ct);
        return $"{c.Sent} sent, {c.ToRetry} to retry, {c.GaveUp} given up, {c.Refused} addresses refused, {c.Bounced} bounced";
    }
}

// Every minute: what has just happened that people should hear of.
[DisallowConcurrentExecution]
internal sealed class NewsJob(NewsTelling news, JobRuns runs, ILogger<NewsJob> logger) : RecordedJob(runs, logger)
{
    public const string Key = "news";

    protected override async Task<string> RunAsync(CancellationToken ct)
    {
        var c = await news.RunAsync(ct);
        return $"{c.ChangesRead} changes read, {c.NewsHeld} pieces of news held for people; {c.Messages} messages told at once, {c.Emails} to be e-mailed";
    }
}
