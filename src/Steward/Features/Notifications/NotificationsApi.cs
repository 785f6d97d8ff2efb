using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using Steward.Features.Access;
using Steward.Infrastructure;

namespace Steward.Features.Notifications;

public static class NotificationsApi
{
    public static void MapNotificationsApi(this IEndpointRouteBuilder api)
    {
        var me = api.MapGroup("/me").WithTags("Notifications").ProducesRecordProblems();
        me.MapGet("/notifications", Get).AnySignedIn()
            .WithSummary("The caller's notification choices: the daily digest's time (UK) and, per kind of work, immediately, digest or off; ETag the version");
        me.MapPut("/notifications", Set).AnySignedIn()
            .WithSummary("Change the caller's notification choices (digestAt HH:mm; kinds: kind to immediately|digest|off; resumeEmail); If-Match optional");
        me.MapGet("/inbox", List).AnySignedIn()
            .WithSummary("The caller's messages in Steward, newest first, 50 at a time (before: the last id of the previous page), with the unread count");
        me.MapPost("/inbox/{id:long}/read", Read).AnySignedIn().WithSummary("Mark one of the caller's messages read");
        me.MapPost("/inbox/read", ReadAll).AnySignedIn().WithSummary("Mark all the caller's messages read");

        var email = api.MapGroup("/email").WithTags("Notifications").ProducesRecordProblems();
        email.MapGet("/", Status).Requires(PmoArea.Access, PmoAction.Administer, wholeDepartment: true)
            .WithSummary("How e-mail stands: the channel (GOV.UK Notify or SMTP) or why it is off or misconfigured, e-mails waiting and given up, people told in the inbox only");
        email.MapPost("/test", Test).Requires(PmoArea.Access, PmoAction.Administer, wholeDepartment: true)
            .WithSummary("Send one test e-mail at once through the active channel and say what it answered (sent false with its error); 409 when mail is off or misconfigured");
    }

    private static async Task<Ok<NotificationPreferencesView>> Get(NotificationPreferences preferences, HttpContext http, CancellationToken ct)
    {
        var view = await preferences.MineAsync(ct);
        EntityTag.Write(http, view.Version);
        return TypedResults.Ok(view);
    }

    private static async Task<Ok<NotificationPreferencesView>> Set(NotificationPreferencesInput input, NotificationPreferences preferences, HttpContext http, CancellationToken ct)
    {
        int? version = http.Request.Headers.IfMatch.Count == 0 ? null : EntityTag.RequireIfMatch(http);
        var view = await preferences.SetAsync(input, version, ct);
        EntityTag.Write(http, view.Version);
        return TypedResults.Ok(view);
    }

    private static async Task<Ok<InboxView>> List([Description("Messages older than this id (the page's last), for the next page.")] long? before, Inbox inbox, CancellationToken ct) =>
        TypedResults.Ok(await inbox.MineAsync(before, ct));

    private static async Task<NoContent> Read(long id, Inbox inbox, CancellationToken ct)
    {
        await inbox.MarkReadAsync(id, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<MailStatus>> Status(MailNotice notice, CancellationToken ct) => TypedResults.Ok(await notice.ReadAsync(ct));

    private static async Task<Ok<TestEmailResult>> Test(TestEmailInput input, TestEmail test, Steward.Features.History.ChangeContext who, CancellationToken ct) =>
        TypedResults.Ok(await test.SendAsync(input, who.Actor, ct));

    private static async Task<NoContent> ReadAll(Inbox inbox, CancellationToken ct)
    {
        await inbox.MarkReadAsync(null, ct);
        return TypedResults.NoContent();
    }
}
