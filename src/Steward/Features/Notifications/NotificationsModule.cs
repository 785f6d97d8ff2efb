using Steward.Features.Jobs;
using Steward.Infrastructure.Modules;

namespace Steward.Features.Notifications;

// Reminders: what people are told about their work, when and how (the inbox in Steward, and e-mail).
internal sealed class NotificationsModule : IStewardModule
{
    public IEnumerable<BackgroundJob> Jobs =>
    [
        new(WorkRemindersJob.Key, "Work reminders", "Makes each person's daily digest of the work due or overdue once their digest time has passed (UK time), and tells those who asked to hear at once of items as they fall due.",
            typeof(WorkRemindersJob), TimeSpan.FromMinutes(5)),
        new(NewsJob.Key, "News", "Reads what has just happened (items escalated to or handed back from a unit, exceptions opened, actions given by decisions, reports submitted for approval or returned) and tells those concerned at once, or keeps it for their daily digest, as each chose.",
            typeof(NewsJob), TimeSpan.FromMinutes(1)),
        new(EmailDeliveryJob.Key, "E-mail delivery", "Sends the e-mails waiting to go through GOV.UK Notify or the SMTP server, retrying failures with back-off, and stops using addresses that bounce for good.",
            typeof(EmailDeliveryJob), TimeSpan.FromMinutes(1)),
    ];

    public void AddServices(IServiceCollection services)
    {
        services.AddOptions<MailSettings>().BindConfiguration(MailSettings.Section);
        services.AddOptions<NotifySettings>().BindConfiguration(NotifySettings.Section);
        services.AddSingleton<SmtpChannel>();
        services.AddSingleton<NotifyChannel>();
        services.AddSingleton<EmailChannels>();
        services.AddSingleton<UnsubscribeLinks>();
        services.AddScoped<NotificationPreferences>();
        services.AddScoped<WorkReminders>();
        services.AddScoped<Messenger>();
        services.AddScoped<NewsTelling>();
        services.AddScoped<EmailDelivery>();
        services.AddScoped<Inbox>();
        services.AddScoped<MailNotice>();
        services.AddScoped<IJobsPageNotice>(s => s.GetRequiredService<MailNotice>());
        services.AddScoped<TestEmail>();
    }

    public void MapEndpoints(IEndpointRouteBuilder app, IEndpointRouteBuilder api) => api.MapNotificationsApi();
}
