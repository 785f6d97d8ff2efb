using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.MyWork;
using Steward.Infrastructure;
using Steward.Infrastructure.Work;

namespace Steward.Features.Notifications;

public sealed record ReminderCounts(int PeopleLookedAt, int Digests, int DueNowMessages, int Emails, int WithoutEmail);

// Tells people what is due: each person's daily digest once their digest time has passed (UK time), and
// the items of kinds they want at once as soon as those fall due. One message per person per digest, never
// one per item. Each person's messages and the record that they were made commit together, and a second
// attempt (another node, or this run repeated after a crash) finds that record and sends nothing.
public sealed class WorkReminders(StewardDbContext db, IEnumerable<IWorkSource> sources, EmailChannels mail, UnsubscribeLinks unsubscribe, TimeProvider clock)
{
    // People asked about at once: each register answers for this many in one query.
    public const int Batch = 200;

    public async Task<ReminderCounts> RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var uk = TimeZoneInfo.ConvertTime(now, NotificationDefaults.UkTime).DateTime;
        var today = DateOnly.FromDateTime(uk);
        var timeOfDay = TimeOnly.FromDateTime(uk);
        var mailOn = mail.CanSend;

        var everyone = await db.People.AsNoTracking().OrderBy(p => p.Id).Select(p => p.Id).ToListAsync(ct);
        int looked = 0, digests = 0, dueNow = 0, emails = 0, withoutEmail = 0;
        foreach (var batch in everyone.Chunk(Batch))
        {
            var settings = await db.NotificationSettings.AsNoTracking().Where(s => batch.Contains(s.PersonId)).ToDictionaryAsync(s => s.PersonId, ct);
            var digested = (await db.DigestDays.AsNoTracking().Where(d => batch.Contains(d.PersonId) && d.Day == today).Select(d => d.PersonId).ToListAsync(ct)).ToHashSet();
            var plans = batch.Select(id => new Plan(id, settings.GetValueOrDefault(id) ?? new NotificationSettings { PersonId = id })).ToList();
            foreach (var plan in plans)
            {
                plan.DigestDue = !digested.Contains(plan.Person) && timeOfDay >= plan.Settings.DigestAt;
            }

            // Only those with something to decide now are asked about: most people, once a day.
            var asking = plans.Where(p => p.DigestDue || p.WantsAnythingAtOnce).ToList();
            if (asking.Count == 0)
            {
                continue;
            }

            var ids = asking.Select(p => p.Person).ToList();
            var work = new List<AssignedWork>();
            foreach (var source in sources)
            {
                work.AddRange(await source.AssignedAsync(ids, today, ct));
            }

            var byPerson = work.ToLookup(w => w.PersonId);
            var people = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => new { p.Name, p.Email }, ct);
            var alreadyTold = await AlreadyToldAsync(asking.Where(p => p.WantsAnythingAtOnce).Select(p => p.Person).ToList(), ct);
            foreach (var plan in asking)
            {
                looked++;
                var mine = AssignedWorkQueries.Ordered(byPerson[plan.Person]);
                var atOnce = mine.Where(w => plan.Choose(w.Kind.Key) == Delivery.Immediately && !alreadyTold.Contains((plan.Person, ItemKey(w)))).ToList();
                var inDigest = plan.DigestDue ? mine.Where(w => plan.Choose(w.Kind.Key) == Delivery.Digest).ToList() : [];
                var person = people[plan.Person];
                var canEmail = mailOn && !string.IsNullOrWhiteSpace(person.Email) && plan.Settings.EmailRefusedAt is null;
                if (atOnce.Count > 0 && await TellAsync(plan.Person, person.Name, canEmail ? person.Email : null, ReminderMessage.DueNow(atOnce),
                        atOnce.Select(w => new ItemToldOf { PersonId = plan.Person, ItemKey = ItemKey(w), At = now.UtcDateTime }), null, ct))
                {
                    dueNow++;
                    emails += canEmail ? 1 : 0;
                    withoutEmail += canEmail ? 0 : 1;
                }

                if (plan.DigestDue)
                {
                    var day = new DigestDay { PersonId = plan.Person, Day = today, At = now.UtcDateTime, Items = inDigest.Count };
                    var message = inDigest.Count > 0 ? ReminderMessage.Digest(inDigest, today) : null;
                    if (await TellAsync(plan.Person, person.Name, canEmail ? person.Email : null, message, [], day, ct) && message is not null)
                    {
                        digests++;
                        emails += canEmail ? 1 : 0;
                        withoutEmail += canEmail ? 0 : 1;
                    }
                }
            }
        }

        return new(looked, digests, dueNow, emails, withoutEmail);
    }

    // "R-0042@2026-12-05": an item told of for one due date; moved to another date, it is news again.
    public static string ItemKey(AssignedWork work) => $"{work.Kind.Key}:{work.Reference}@{work.Due:yyyy-MM-dd}";

    private async Task<HashSet<(Guid, string)>> AlreadyToldAsync(List<Guid> people, CancellationToken ct) =>
        people.Count == 0 ? [] : (await db.ItemsToldOf.AsNoTracking().Where(t => people.Contains(t.PersonId)).Select(t => new { t.PersonId, t.ItemKey }).ToListAsync(ct))
            .Select(t => (t.PersonId, t.ItemKey)).ToHashSet();

    // False when another node (or an earlier try of this run) already did it: nothing is sent twice.
    private async Task<bool> TellAsync(Guid person, string name, string? email, ReminderMessage? message, IEnumerable<ItemToldOf> told, DigestDay? day, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        if (day is not null)
        {
            db.DigestDays.Add(day);
        }

        db.ItemsToldOf.AddRange(told);
        if (message is not null)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var inbox = new InboxMessage { PersonId = person, Kind = message.Kind, Subject = message.Subject, Text = message.Text, Items = message.ItemsJson, CreatedAt = now };
            db.InboxMessages.Add(inbox);
            if (email is not null)
            {
                var link = unsubscribe.Token(person, message.WorkKinds);
                var unsubscribeLink = mail.Link(UnsubscribeLinks.Path(link));
                db.OutgoingEmails.Add(new OutgoingEmail
                {
                    PersonId = person, Address = email, Subject = message.Subject, Kinds = string.Join(',', message.WorkKinds), CreatedAt = now, NextAttemptAt = now,
                    Text = message.PlainText(name, mail.Link, unsubscribeLink), Html = message.Html(name, mail.Link, unsubscribeLink),
                    InboxMessage = inbox,
                });
            }
        }

        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    private sealed class Plan(Guid person, NotificationSettings settings)
    {
        private readonly Dictionary<string, Delivery> _choices = NotificationPreferences.Choices(settings);

        public Guid Person { get; } = person;
        public NotificationSettings Settings { get; } = settings;
        public bool DigestDue { get; set; }
        public bool WantsAnythingAtOnce => _choices.Values.Any(d => d == Delivery.Immediately);

        public Delivery Choose(string kind) => NotificationPreferences.ChoiceFor(_choices, kind);
    }
}
