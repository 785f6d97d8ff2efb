using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Jobs;

namespace Steward.Features.Notifications;

// What the jobs page says about mail: off, misconfigured, or how many e-mails wait, have failed, and who
// cannot be e-mailed (no address, or an address refused for good).
internal sealed class MailNotice(StewardDbContext db, MailChannel mail) : IJobsPageNotice
{
    public async Task<IReadOnlyList<string>> NoticesAsync(CancellationToken ct)
    {
        var said = new List<string>();
        var settings = mail.Settings;
        if (!settings.IsOn)
        {
            said.Add("Mail is off: no SMTP server is set (Mail:Host). People find their reminders in their inbox in Steward only.");
        }
        else if (settings.Problem() is { } problem)
        {
            said.Add($"Mail is not sent: {problem}.");
        }
        else
        {
            said.Add($"Mail goes through {settings.Host}:{settings.Port} from {settings.From}.");
        }

        var waiting = await db.OutgoingEmails.CountAsync(e => e.SentAt == null && e.GaveUpAt == null, ct);
        var retrying = await db.OutgoingEmails.Where(e => e.SentAt == null && e.GaveUpAt == null && e.Attempts > 0)
            .OrderByDescending(e => e.Id).Select(e => new { e.Attempts, e.LastError, e.NextAttemptAt }).FirstOrDefaultAsync(ct);
        if (waiting > 0)
        {
            said.Add($"{waiting} e-mails waiting to go{(retrying is null ? "." : $"; failures are being retried, the latest: {retrying.LastError}")}");
        }

        var gaveUp = await db.OutgoingEmails.CountAsync(e => e.GaveUpAt != null, ct);
        if (gaveUp > 0)
        {
            said.Add($"{gaveUp} e-mails given up on after {EmailDelivery.MaxAttempts} attempts or a refused address.");
        }

        var noAddress = await db.People.CountAsync(p => p.Email == null || p.Email == string.Empty, ct);
        var refused = await db.NotificationSettings.CountAsync(s => s.EmailRefusedAt != null, ct);
        if (noAddress + refused > 0)
        {
            said.Add($"{noAddress} people have no e-mail address and {refused} have an address the mail server refused: they are told in their inbox only.");
        }

        return said;
    }
}
