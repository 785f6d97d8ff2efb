using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Infrastructure;

namespace Steward.Features.Notifications;

// Someone a message is for: an e-mail address when mail can reach them, else null (the inbox only).
public sealed record Recipient(Guid Id, string Name, string? Email);

// Puts one message in a person's inbox and, where mail can reach them, queues its e-mail with a signed
// unsubscribe link for the kinds it carries; and, in the same commit, whatever records that it was told (a
// digest day, items told of, news marked told). A second attempt at the same telling finds that record (a
// unique key, or news already marked) and sends nothing.
public sealed class Messenger(StewardDbContext db, EmailChannels mail, UnsubscribeLinks unsubscribe, TimeProvider clock)
{
    public async Task<Dictionary<Guid, Recipient>> RecipientsAsync(IReadOnlyCollection<Guid> people, IReadOnlyDictionary<Guid, NotificationSettings> settings, CancellationToken ct)
    {
        var mailOn = mail.CanSend;
        return await db.People.AsNoTracking().Where(p => people.Contains(p.Id))
            .Select(p => new { p.Id, p.Name, p.Email }).ToDictionaryAsync(p => p.Id,
                p => new Recipient(p.Id, p.Name, mailOn && !string.IsNullOrWhiteSpace(p.Email) && settings.GetValueOrDefault(p.Id)?.EmailRefusedAt is null ? p.Email : null), ct);
    }

    // False when it was already done (another node, or an earlier try of this run): nothing is sent twice.
    public async Task<bool> TellAsync(Recipient to, ReminderMessage? message, Action record, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        record();
        if (message is not null)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var inbox = new InboxMessage { PersonId = to.Id, Kind = message.Kind, Subject = message.Subject, Text = message.Text, Items = message.ItemsJson, CreatedAt = now };
            db.InboxMessages.Add(inbox);
            if (to.Email is not null)
            {
                var unsubscribeLink = mail.Link(UnsubscribeLinks.Path(unsubscribe.Token(to.Id, message.WorkKinds)));
                db.OutgoingEmails.Add(new OutgoingEmail
                {
                    PersonId = to.Id, Address = to.Email, Subject = message.Subject, Kinds = string.Join(',', message.WorkKinds), CreatedAt = now, NextAttemptAt = now,
                    Text = message.PlainText(to.Name, mail.Link, unsubscribeLink), Html = message.Html(to.Name, mail.Link, unsubscribeLink),
                    InboxMessage = inbox,
                });
            }
        }

        return await db.SaveUnlessDoneElsewhereAsync(ct);
    }
}
