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
    public const int PerRun = 5000;

    public async Task<DeliveryCounts> RunAsync(CancellationToken ct)
    {
        if (!mail.Settings.IsOn || mail.Settings.Problem() is not null)
        {
            return new(0, 0, 0, 0);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        // Ids first, then each e-mail as it is sent: a digest can run to hundreds of kilobytes, and a morning's
        // thousands of them are not held in memory at once.
        var due = await db.OutgoingEmails.Where(e => e.SentAt == null && e.GaveUpAt == null && e.NextAttemptAt <= now)
            .OrderBy(e => e.NextAttemptAt).ThenBy(e => e.Id).Select(e => e.Id).Take(PerRun).ToListAsync(ct);
        var counts = new Dictionary<Attempt, int>();
        MailSession? session = null;
        OutgoingEmail? first = null;
        try
        {
            foreach (var id in due)
            {
                db.ChangeTracker.Clear();
                var email = await db.OutgoingEmails.SingleAsync(e => e.Id == id, ct);
                first ??= email;
                ct.ThrowIfCancellationRequested();
                session ??= await mail.ConnectAsync(ct);
                var attempt = await TryAsync(session, email, ct);
                counts[attempt] = counts.GetValueOrDefault(attempt) + 1;
                await db.SaveChangesAsync(CancellationToken.None);
                if (attempt == Attempt.ServerUnreachable)
                {
                    // The rest would wait for the same timeout: they wait for the next run instead.
                    break;
                }
            }
        }
        catch (Exception e) when (session is null && !ct.IsCancellationRequested)
        {
            // Could not even connect: the first e-mail carries the failure and its back-off.
            Failed(first!, e);
            await db.SaveChangesAsync(CancellationToken.None);
            counts[first!.GaveUpAt is null ? Attempt.ServerUnreachable : Attempt.GaveUp] = 1;
        }
        finally
        {
            if (session is not null)
            {
                await session.DisposeAsync();
            }
        }

        return new(counts.GetValueOrDefault(Attempt.Sent), counts.GetValueOrDefault(Attempt.Retry) + counts.GetValueOrDefault(Attempt.ServerUnreachable),
            counts.GetValueOrDefault(Attempt.GaveUp), counts.GetValueOrDefault(Attempt.Refused));
    }

    private enum Attempt
    {
        Sent,
        Retry,
        ServerUnreachable,
        GaveUp,
        Refused,
    }

    private async Task<Attempt> TryAsync(MailSession session, OutgoingEmail email, CancellationToken ct)
    {
        email.Attempts++;
        try
        {
            await session.SendAsync(email, mail.Settings.Link(UnsubscribeLinks.Path(unsubscribe.Token(email.PersonId, email.Kinds.Split(',', StringSplitOptions.RemoveEmptyEntries)))), ct);
            email.SentAt = clock.GetUtcNow().UtcDateTime;
            email.LastError = null;
            return Attempt.Sent;
        }
        catch (AddressRefusedException e)
        {
            email.GaveUpAt = clock.GetUtcNow().UtcDateTime;
            email.LastError = Clip(e.Message);
            await AddressRefusedAsync(email, e.Message, ct);
            return Attempt.Refused;
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            email.Attempts--;
            Failed(email, e);
            return email.GaveUpAt is not null ? Attempt.GaveUp
                : e is System.Net.Sockets.SocketException or MailKit.Net.Smtp.SmtpProtocolException or MailKit.ServiceNotConnectedException or TimeoutException or IOException
                    ? Attempt.ServerUnreachable : Attempt.Retry;
        }
    }

    // Tried again after 1, 2, 4 ... minutes; given up after MaxAttempts.
    private void Failed(OutgoingEmail email, Exception e)
    {
        email.Attempts++;
        email.LastError = Clip(e.Message);
        if (email.Attempts >= MaxAttempts)
        {
            email.GaveUpAt = clock.GetUtcNow().UtcDateTime;
        }
        else
        {
            email.NextAttemptAt = clock.GetUtcNow().UtcDateTime.AddMinutes(Math.Pow(2, email.Attempts - 1));
        }
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
