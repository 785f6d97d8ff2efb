using Microsoft.EntityFrameworkCore;
using Steward.Data;

namespace Steward.Features.Notifications;

public sealed record DeliveryCounts(int Sent, int ToRetry, int GaveUp, int Refused, int Bounced);

// Sends the e-mails waiting to go, oldest first, through the active channel (SMTP or GOV.UK Notify). A
// failure is retried with back-off: 1, 2, 4 ... minutes, up to MaxAttempts, then given up and shown on the
// jobs page. A channel that cannot be reached stops the run (the rest would wait out the same failure). An
// address refused or bounced for good is not tried again, and its person is told in their inbox. Each
// e-mail is marked sent as soon as it is, so a run that dies part-way does not send it again.
public sealed class EmailDelivery(StewardDbContext db, EmailChannels channels, UnsubscribeLinks unsubscribe, TimeProvider clock)
{
    public const int MaxAttempts = 8;
    public const int PerRun = 5000;

    public async Task<DeliveryCounts> RunAsync(CancellationToken ct)
    {
        if (channels.Active is not { } channel || channels.Problem() is not null)
        {
            return new(0, 0, 0, 0, 0);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        // Ids first, then each e-mail as it is sent: a digest can run to hundreds of kilobytes, and a morning's
        // thousands of them are not held in memory at once.
        var due = await db.OutgoingEmails.Where(e => e.SentAt == null && e.GaveUpAt == null && e.NextAttemptAt <= now)
            .OrderBy(e => e.NextAttemptAt).ThenBy(e => e.Id).Select(e => e.Id).Take(PerRun).ToListAsync(ct);
        var counts = new Dictionary<Attempt, int>();
        IEmailSession? session = null;
        try
        {
            foreach (var id in due)
            {
                db.ChangeTracker.Clear();
                var email = await db.OutgoingEmails.Where(e => e.Id == id).Select(e => new { Email = e, e.InboxMessage!.Kind }).SingleAsync(ct);
                ct.ThrowIfCancellationRequested();
                var attempt = await TryAsync(session ??= await OpenAsync(channel, email.Email, ct), email.Email, email.Kind, ct);
                counts[attempt] = counts.GetValueOrDefault(attempt) + 1;
                await db.SaveChangesAsync(CancellationToken.None);
                if (attempt == Attempt.ChannelUnavailable)
                {
                    break;
                }
            }
        }
        catch (ChannelUnavailableException)
        {
            // Could not even open the channel: the first e-mail carries the failure and its back-off.
            await db.SaveChangesAsync(CancellationToken.None);
            counts[Attempt.ChannelUnavailable] = 1;
        }
        finally
        {
            if (session is not null)
            {
                await session.DisposeAsync();
            }
        }

        var bounced = await BouncedAsync(channel, ct);
        return new(counts.GetValueOrDefault(Attempt.Sent), counts.GetValueOrDefault(Attempt.Retry) + counts.GetValueOrDefault(Attempt.ChannelUnavailable),
            counts.GetValueOrDefault(Attempt.GaveUp), counts.GetValueOrDefault(Attempt.Refused), bounced);
    }

    private enum Attempt
    {
        Sent,
        Retry,
        ChannelUnavailable,
        GaveUp,
        Refused,
    }

    private async Task<IEmailSession> OpenAsync(IEmailChannel channel, OutgoingEmail first, CancellationToken ct)
    {
        try
        {
            return await channel.OpenAsync(ct);
        }
        catch (ChannelUnavailableException e)
        {
            Failed(first, e);
            throw;
        }
    }

    private async Task<Attempt> TryAsync(IEmailSession session, OutgoingEmail email, string kind, CancellationToken ct)
    {
        try
        {
            var link = channels.Link(UnsubscribeLinks.Path(unsubscribe.Token(email.PersonId, email.Kinds.Split(',', StringSplitOptions.RemoveEmptyEntries))));
            await session.SendAsync(new EmailToSend(email.Id, kind, email.Address, email.Subject, email.Text, email.Html, link), ct);
            email.Attempts++;
            email.SentAt = clock.GetUtcNow().UtcDateTime;
            email.LastError = null;
            return Attempt.Sent;
        }
        catch (AddressRefusedException e)
        {
            email.Attempts++;
            email.GaveUpAt = clock.GetUtcNow().UtcDateTime;
            email.LastError = Clip(e.Message);
            await AddressRefusedAsync(email.PersonId, email.Address, e.Message, ct);
            return Attempt.Refused;
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            Failed(email, e);
            return email.GaveUpAt is not null ? Attempt.GaveUp : e is ChannelUnavailableException ? Attempt.ChannelUnavailable : Attempt.Retry;
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

    // E-mails the channel took that later bounced for good: marked (once) and their address no longer used.
    private async Task<int> BouncedAsync(IEmailChannel channel, CancellationToken ct)
    {
        IReadOnlyList<Bounce> bounces;
        try
        {
            bounces = await channel.BouncesAsync(ct);
        }
        catch (ChannelUnavailableException)
        {
            return 0;
        }

        var ids = bounces.Select(b => b.EmailId).Distinct().ToList();
        if (ids.Count == 0)
        {
            return 0;
        }

        db.ChangeTracker.Clear();
        var fresh = await db.OutgoingEmails.Where(e => ids.Contains(e.Id) && e.SentAt != null && e.LastError == null).ToListAsync(ct);
        foreach (var email in fresh)
        {
            var bounce = bounces.First(b => b.EmailId == email.Id);
            var reason = $"GOV.UK Notify could not deliver to {email.Address} ({bounce.Status})";
            email.LastError = Clip(reason);
            await AddressRefusedAsync(email.PersonId, email.Address, reason, ct);
            await db.SaveChangesAsync(CancellationToken.None);
        }

        return fresh.Count;
    }

    private async Task AddressRefusedAsync(Guid personId, string address, string reason, CancellationToken ct)
    {
        var settings = await db.NotificationSettings.FirstOrDefaultAsync(s => s.PersonId == personId, ct);
        if (settings is null)
        {
            settings = new NotificationSettings { PersonId = personId };
            db.NotificationSettings.Add(settings);
        }

        if (settings.EmailRefusedAt is not null && settings.EmailRefusedAddress == address)
        {
            return;
        }

        settings.EmailRefusedAt = clock.GetUtcNow().UtcDateTime;
        settings.EmailRefusedAddress = address;
        settings.EmailRefusedReason = Clip(reason);
        settings.Version++;
        // Everything else waiting for that address would be refused too.
        await db.OutgoingEmails.Where(e => e.PersonId == personId && e.Address == address && e.SentAt == null && e.GaveUpAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.GaveUpAt, settings.EmailRefusedAt).SetProperty(e => e.LastError, "Not sent: the address was refused for good"), ct);
        db.InboxMessages.Add(new InboxMessage
        {
            PersonId = personId, Kind = "email-refused", CreatedAt = settings.EmailRefusedAt.Value, Items = "[]",
            Subject = "We cannot e-mail you", Text = $"Your address {address} was refused for good, so Steward has stopped e-mailing you: {reason}. "
                + "Your messages still arrive here. Ask an administrator to correct your e-mail address, then turn e-mail back on in your notification choices.",
        });
    }

    private static string Clip(string text) => text.Length > OutgoingEmail.ErrorMaxLength ? text[..OutgoingEmail.ErrorMaxLength] : text;
}
