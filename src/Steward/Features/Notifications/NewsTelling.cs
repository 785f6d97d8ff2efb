using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.History;
using Steward.Infrastructure;
using Steward.Infrastructure.Work;

namespace Steward.Features.Notifications;

public sealed record NewsCounts(int ChangesRead, int NewsHeld, int Messages, int Emails);

// What has just happened that people should hear of. Each run reads the history past the last event it
// read (every change is there, committed with the change itself, so no register calls anything to be
// heard), asks each register's news source who should hear of what, and holds each piece for its person;
// then tells at once, in one message a person, those who chose that. The rest wait for their digest
// (WorkReminders). The mark of how far it has read moves in the same commit as the news it found.
public sealed class NewsTelling(StewardDbContext db, IEnumerable<INewsSource> sources, Messenger messenger, TimeProvider clock)
{
    public const int Batch = 1000;
    public const int BatchesPerRun = 50;

    // Events younger than this are left for the next run: an event's id is taken before its transaction
    // commits, so a later id can be seen before an earlier one is, and must not carry the mark past it.
    public TimeSpan Settling { get; set; } = TimeSpan.FromSeconds(5);

    public async Task<NewsCounts> RunAsync(CancellationToken ct)
    {
        var (read, held) = await ReadHistoryAsync(ct);
        var (messages, emails) = await TellAtOnceAsync(ct);
        return new(read, held, messages, emails);
    }

    // Marks news told (by a message, or set aside because the person turned its kind off) in the telling's
    // commit. ToldAt is a concurrency token: news another run already told fails the commit, sending nothing.
    public static void MarkTold(StewardDbContext db, IEnumerable<NewsItem> news, DateTime at)
    {
        foreach (var item in news)
        {
            db.NewsItems.Attach(item);
            item.ToldAt = at;
        }
    }

    private async Task<(int Read, int Held)> ReadHistoryAsync(CancellationToken ct)
    {
        var byType = sources.SelectMany(s => s.RecordTypes.Select(t => (Type: t, Source: s))).ToLookup(p => p.Type, p => p.Source);
        var types = byType.Select(g => g.Key).ToList();
        var kinds = sources.SelectMany(s => s.Kinds).ToDictionary(k => k.Key);
        int read = 0, held = 0;
        for (var batch = 0; batch < BatchesPerRun; batch++)
        {
            db.ChangeTracker.Clear();
            var mark = await db.NewsMarks.FirstOrDefaultAsync(m => m.Name == NewsMark.History, ct);
            if (mark is null)
            {
                // The first run starts from now: what happened before Steward told anyone is not news.
                var last = await db.History.MaxAsync(e => (long?)e.Id, ct) ?? 0;
                db.NewsMarks.Add(new NewsMark { Name = NewsMark.History, LastEventId = last });
                await SaveOrLoseAsync(ct);
                return (0, 0);
            }

            var settled = clock.GetUtcNow().UtcDateTime - Settling;
            var events = await db.History.AsNoTracking().Where(e => e.Id > mark.LastEventId).OrderBy(e => e.Id).Take(Batch)
                .Select(e => new { e.Id, e.RecordType, e.RecordId, e.Action, e.Actor, e.At, e.Changes }).ToListAsync(ct);
            var settledCount = events.TakeWhile(e => e.At <= settled).Count();
            if (settledCount == 0)
            {
                break;
            }

            var seen = events.Take(settledCount).Where(e => types.Contains(e.RecordType))
                .Select(e => new ChangeSeen(e.Id, e.RecordType, e.RecordId, e.Action, e.Actor, e.At, HistoryJson.Read(e.Changes))).ToList();
            var news = new List<News>();
            foreach (var group in seen.GroupBy(c => c.RecordType))
            {
                foreach (var source in byType[group.Key])
                {
                    news.AddRange(await source.NewsAsync(group.ToList(), ct));
                }
            }

            var settings = await SettingsAsync(news.Select(n => n.PersonId).Distinct().ToList(), ct);
            var now = clock.GetUtcNow().UtcDateTime;
            var keep = news.DistinctBy(n => (n.PersonId, n.EventId, n.Kind.Key))
                .Where(n => NotificationPreferences.ChoiceFor(Choices(settings, n.PersonId), kinds.GetValueOrDefault(n.Kind.Key) ?? n.Kind) != Delivery.Off).ToList();
            db.NewsItems.AddRange(keep.Select(n => new NewsItem
            {
                PersonId = n.PersonId, Kind = n.Kind.Key, EventId = n.EventId, Reference = Clip(n.Reference, 60), Title = Clip(n.Title, NewsItem.TextMaxLength),
                Unit = Clip($"{n.Unit.Name} ({n.Unit.Code})", 400), What = Clip(n.What, NewsItem.TextMaxLength), Link = Clip(n.Link, 400), At = now,
            }));
            mark.LastEventId = events[settledCount - 1].Id;
            mark.Version++;
            if (!await SaveOrLoseAsync(ct))
            {
                break;
            }

            read += settledCount;
            held += keep.Count;
            if (settledCount < Batch)
            {
                break;
            }
        }

        return (read, held);
    }

    private async Task<(int Messages, int Emails)> TellAtOnceAsync(CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var waiting = await db.NewsItems.AsNoTracking().Where(n => n.ToldAt == null).OrderBy(n => n.Id).ToListAsync(ct);
        if (waiting.Count == 0)
        {
            return (0, 0);
        }

        var kinds = sources.SelectMany(s => s.Kinds).ToDictionary(k => k.Key);
        WorkKind KindOf(string key) => kinds.TryGetValue(key, out var kind) ? kind : new WorkKind(key, key, key);
        var people = waiting.Select(n => n.PersonId).Distinct().ToList();
        int messages = 0, emails = 0;
        foreach (var chunk in people.Chunk(WorkReminders.Batch))
        {
            var settings = await SettingsAsync(chunk.ToList(), ct);
            var recipients = await messenger.RecipientsAsync(chunk, settings, ct);
            foreach (var person in chunk)
            {
                var choices = Choices(settings, person);
                var now = waiting.Where(n => n.PersonId == person && NotificationPreferences.ChoiceFor(choices, KindOf(n.Kind)) == Delivery.Immediately).ToList();
                if (now.Count == 0 || !recipients.TryGetValue(person, out var to))
                {
                    continue;
                }

                var told = clock.GetUtcNow().UtcDateTime;
                if (await messenger.TellAsync(to, ReminderMessage.News(now, KindOf), () => MarkTold(db, now, told), ct))
                {
                    messages++;
                    emails += to.Email is null ? 0 : 1;
                }
            }
        }

        return (messages, emails);
    }

    private async Task<Dictionary<Guid, NotificationSettings>> SettingsAsync(List<Guid> people, CancellationToken ct) =>
        people.Count == 0 ? [] : await db.NotificationSettings.AsNoTracking().Where(s => people.Contains(s.PersonId)).ToDictionaryAsync(s => s.PersonId, ct);

    private static Dictionary<string, Delivery> Choices(Dictionary<Guid, NotificationSettings> settings, Guid person) =>
        settings.TryGetValue(person, out var mine) ? NotificationPreferences.Choices(mine) : [];

    // False when another node read the same history first: it holds the news.
    private Task<bool> SaveOrLoseAsync(CancellationToken ct) => db.SaveUnlessDoneElsewhereAsync(ct);

    private static string Clip(string text, int max) => text.Length > max ? text[..(max - 1)] + "…" : text;
}
