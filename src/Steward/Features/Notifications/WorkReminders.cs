using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.MyWork;
using Steward.Infrastructure.Work;

namespace Steward.Features.Notifications;

public sealed record ReminderCounts(int PeopleLookedAt, int Digests, int DueNowMessages, int Emails, int WithoutEmail);

// Tells people what is due: each person's daily digest once their digest time has passed (UK time), and
// the items of kinds they want at once as soon as those fall due. One message per person per digest, never
// one per item. Each person's messages and the record that they were made commit together, and a second
// attempt (another node, or this run repeated after a crash) finds that record and sends nothing.
public sealed class WorkReminders(StewardDbContext db, IEnumerable<IWorkSource> sources, IEnumerable<INewsSource> newsSources, Messenger messenger, TimeProvider clock)
{
    // People asked about at once: each register answers for this many in one query.
    public const int Batch = 200;

    public async Task<ReminderCounts> RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var uk = TimeZoneInfo.ConvertTime(now, NotificationDefaults.UkTime).DateTime;
        var today = DateOnly.FromDateTime(uk);
        var timeOfDay = TimeOnly.FromDateTime(uk);
        var kinds = newsSources.SelectMany(n => n.Kinds).ToDictionary(k => k.Key);
        WorkKind KindOf(string key) => kinds.TryGetValue(key, out var kind) ? kind : new WorkKind(key, key, key);

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
            var people = await messenger.RecipientsAsync(ids, settings, ct);
            var digesting = asking.Where(p => p.DigestDue).Select(p => p.Person).ToList();
            var news = (await db.NewsItems.AsNoTracking().Where(n => n.ToldAt == null && digesting.Contains(n.PersonId)).OrderBy(n => n.Id).ToListAsync(ct)).ToLookup(n => n.PersonId);
            var alreadyTold = await AlreadyToldAsync(asking.Where(p => p.WantsAnythingAtOnce).Select(p => p.Person).ToList(), ct);
            foreach (var plan in asking)
            {
                looked++;
                var mine = AssignedWorkQueries.Ordered(byPerson[plan.Person]);
                var atOnce = mine.Where(w => plan.Choose(w.Kind) == Delivery.Immediately && !alreadyTold.Contains((plan.Person, ItemKey(w)))).ToList();
                var inDigest = plan.DigestDue ? mine.Where(w => plan.Choose(w.Kind) == Delivery.Digest).ToList() : [];
                var person = people[plan.Person];
                var canEmail = person.Email is not null;
                if (atOnce.Count > 0 && await messenger.TellAsync(person, ReminderMessage.DueNow(atOnce),
                        () => db.ItemsToldOf.AddRange(atOnce.Select(w => new ItemToldOf { PersonId = plan.Person, ItemKey = ItemKey(w), At = now.UtcDateTime })), ct))
                {
                    dueNow++;
                    emails += canEmail ? 1 : 0;
                    withoutEmail += canEmail ? 0 : 1;
                }

                if (plan.DigestDue)
                {
                    // News they chose to hear of in the digest; news they have since turned off is set aside, told of nothing.
                    var heldNews = news[plan.Person].Where(n => plan.Choose(KindOf(n.Kind)) != Delivery.Immediately).ToList();
                    var newsInDigest = heldNews.Where(n => plan.Choose(KindOf(n.Kind)) == Delivery.Digest).ToList();
                    var day = new DigestDay { PersonId = plan.Person, Day = today, At = now.UtcDateTime, Items = inDigest.Count + newsInDigest.Count };
                    var message = inDigest.Count + newsInDigest.Count > 0 ? ReminderMessage.Digest(inDigest, today, newsInDigest, KindOf) : null;
                    if (await messenger.TellAsync(person, message, () =>
                        {
                            db.DigestDays.Add(day);
                            NewsTelling.MarkTold(db, heldNews, now.UtcDateTime);
                        }, ct) && message is not null)
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

    private sealed class Plan(Guid person, NotificationSettings settings)
    {
        private readonly Dictionary<string, Delivery> _choices = NotificationPreferences.Choices(settings);

        public Guid Person { get; } = person;
        public NotificationSettings Settings { get; } = settings;
        public bool DigestDue { get; set; }
        public bool WantsAnythingAtOnce => _choices.Values.Any(d => d == Delivery.Immediately);

        public Delivery Choose(WorkKind kind) => NotificationPreferences.ChoiceFor(_choices, kind);
    }
}
