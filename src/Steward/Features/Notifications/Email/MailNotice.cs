using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Jobs;

namespace Steward.Features.Notifications;

public sealed record MailStatus(bool IsOn, string? Channel, string? Problem, int Waiting, string? LatestFailure, int GaveUp, int WithoutAddress, int Refused)
{
    public string Summary => !IsOn
        ? "Mail is off: neither GOV.UK Notify (Notify:ApiKey) nor an SMTP server (Mail:Host) is set. People find their reminders in their inbox in Steward only."
        : Problem is not null ? $"Mail is not sent: {Problem}." : $"Mail goes through {Channel}.";
}

// How mail stands: off, misconfigured, or how many e-mails wait, have failed, and who cannot be e-mailed
// (no address, or an address refused or bounced for good). Shown on the jobs page and the e-mail page.
public sealed class MailNotice(StewardDbContext db, EmailChannels channels) : IJobsPageNotice
{
    public async Task<MailStatus> ReadAsync(CancellationToken ct)
    {
        var waiting = await db.OutgoingEmails.CountAsync(e => e.SentAt == null && e.GaveUpAt == null, ct);
        var failure = await db.OutgoingEmails.Where(e => e.SentAt == null && e.GaveUpAt == null && e.Attempts > 0)
            .OrderByDescending(e => e.Id).Select(e => e.LastError).FirstOrDefaultAsync(ct);
        var gaveUp = await db.OutgoingEmails.CountAsync(e => e.GaveUpAt != null, ct);
        var noAddress = await db.People.CountAsync(p => p.Email == null || p.Email == string.Empty, ct);
        var refused = await db.NotificationSettings.CountAsync(s => s.EmailRefusedAt != null, ct);
        return new(channels.IsOn, channels.Active?.Name, channels.Problem(), waiting, failure, gaveUp, noAddress, refused);
    }

    public async Task<IReadOnlyList<JobsPageNotice>> NoticesAsync(CancellationToken ct)
    {
        var status = await ReadAsync(ct);
        var said = new List<JobsPageNotice> { new(status.Summary, "E-mail settings and a test e-mail", NotificationsLinks.Email) };
        if (status.Waiting > 0)
        {
            said.Add(new($"{status.Waiting} e-mails waiting to go{(status.LatestFailure is null ? "." : $"; failures are being retried, the latest: {status.LatestFailure}")}"));
        }

        if (status.GaveUp > 0)
        {
            said.Add(new($"{status.GaveUp} e-mails given up on after {EmailDelivery.MaxAttempts} attempts or a refused address."));
        }

        if (status.WithoutAddress + status.Refused > 0)
        {
            said.Add(new($"{status.WithoutAddress} people have no e-mail address and {status.Refused} have an address refused or bounced for good: they are told in their inbox only."));
        }

        return said;
    }
}
