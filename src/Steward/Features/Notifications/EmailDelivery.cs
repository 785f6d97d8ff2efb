using Microsoft.EntityFrameworkCore;
using Steward.Data;

namespace Steward.Features.Notifications;

public sealed record DeliveryCounts(int Sent, int ToRetry, int GaveUp, int Refused);

// Sends the e-mails waiting to go, oldest first. A failure (server down, refused, timed out) is retried
// with back-off: 1, 2, 4 ... minutes, up to MaxAttempts, then given up and shown on the jobs page. An
// address the server refuses for good is not tried again, and its person is told in their inbox. Each
// e-mail is marked sent as soon as it is, so a run that dies part-way does not send it again.
public sealed class EmailDelivery(StewardDbContext db, MailChannel mail, UnsubscribeLinks unsubscribe, TimeProvider clock)
{
    public const int MaxAttempts = 8;
    public const int PerRun = 500;

    public async Task<DeliveryCounts> RunAsync(CancellationToken ct)
    {
        if (!mail.Settings.IsOn || mail.Settings.Problem() is not null)
        {
            return new(0, 0, 0, 0);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.OutgoingEmails.Where(e => e.SentAt == null && e.GaveUpAt == null && e.NextAttemptAt <= now)
            .OrderBy(e => e.NextAttemptAt).ThenBy(e => e.Id).Take(PerRun).ToListAsync(ct);
        int sent = 0, retry = 0, gaveUp = 0, refused = 0;
        var stop = false;
        foreach (var email in due)
        {
            ct.ThrowIfCancellationRequested();
            email.Attempts++;
            try
            {
                await mail.SendAsync(email, mail.Settings.Link(UnsubscribeLinks.Path(unsubscribe.Token(email.PersonId, email.Kinds.Split(',', StringSplitOptions.RemoveEmptyEntries)))), ct);
                email.SentAt = clock.GetUtcNow().UtcDateTime;
                email.LastError = null;
                sent++;
            }
            catch (AddressRefusedException e)
            {
                email.GaveUpAt = clock.GetUtcNow().UtcDateTime;
                email.LastError = Clip(e.Message);
                await AddressRefusedAsync(email, e.Message, ct);
                refused++;
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                email.LastError = Clip(e.Message);
                // The server could not be reached: the rest would wait for the same timeout, so they wait for the next run instead.
                stop = e is System.Net.Sockets.SocketException or MailKit.Net.Smtp.SmtpProtocolException or MailKit.ServiceNotConnectedException or TimeoutException or IOException;
                if (email.Attempts >= MaxAttempts)
                {
                    email.GaveUpAt = clock.GetUtcNow().UtcDateTime;
                    gaveUp++;
                }
                else
                {
                    email.NextAttemptAt = clock.GetUtcNow().UtcDateTime.AddMinutes(Math.Pow(2, email.Attempts - 1));
                    retry++;
                }
            }

            await db.SaveChangesAsync(CancellationToken.None);
            if (stop)
            {
                break;
            }
        }

        return new(sent, retry, gaveUp, refused);
    }

    private async Task AddressRefusedAsync(OutgoingEmail email, string reason, CancellationToken ct)
    {
        var settings = await db.NotificationSettings.FirstOrDefaultAsync(s => s.PersonId == email.PersonId, ct);
        if (settings is null)
        {
            settings = new NotificationSettings { PersonId = email.PersonId };
            db.NotificationSettings.Add(settings);
        }

        settings.EmailRefusedAt = clock.GetUtcNow().UtcDateTime;
        settings.EmailRefusedAddress = email.Address;
        settings.EmailRefusedReason = Clip(reason);
        settings.Version++;
        // Everything else waiting for that address would be refused too.
        await db.OutgoingEmails.Where(e => e.PersonId == email.PersonId && e.Address == email.Address && e.SentAt == null && e.GaveUpAt == null && e.Id != email.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.GaveUpAt, settings.EmailRefusedAt).SetProperty(e => e.LastError, "Not sent: the address was refused for good"), ct);
        db.InboxMessages.Add(new InboxMessage
        {
            PersonId = email.PersonId, Kind = "email-refused", CreatedAt = settings.EmailRefusedAt.Value, Items = "[]",
            Subject = "We cannot e-mail you", Text = $"The mail server refused your address {email.Address}, so Steward has stopped e-mailing you: {reason}. "
                + "Your messages still arrive here. Ask an administrator to correct your e-mail address, then turn e-mail back on in your notification choices.",
        });
    }

    private static string Clip(string text) => text.Length > OutgoingEmail.ErrorMaxLength ? text[..OutgoingEmail.ErrorMaxLength] : text;
}
