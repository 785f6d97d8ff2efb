using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.History;
using Steward.Features.People;
using Steward.Infrastructure;

namespace Steward.Features.Notifications;

public sealed record InboxMessageView(long Id, string Kind, string Subject, string Text, IReadOnlyList<MessageItem> Items, DateTime CreatedAt, bool Read);

public sealed record InboxView(int Unread, IReadOnlyList<InboxMessageView> Messages, long? Before);

// The signed-in person's messages in Steward, newest first, and marking them read.
public sealed class Inbox(StewardDbContext db, ChangeContext who, TimeProvider clock)
{
    public const int PageSize = 50;

    public async Task<InboxView> MineAsync(long? before, CancellationToken ct)
    {
        if (await ActingPerson.IdAsync(db, who, ct) is not { } person)
        {
            return new(0, [], null);
        }

        var rows = await db.InboxMessages.AsNoTracking().Where(m => m.PersonId == person && (before == null || m.Id < before))
            .OrderByDescending(m => m.Id).Take(PageSize + 1).ToListAsync(ct);
        var unread = await UnreadAsync(person, ct);
        var shown = rows.Take(PageSize).Select(m => new InboxMessageView(m.Id, m.Kind, m.Subject, m.Text, ReminderMessage.ReadItems(m.Items), m.CreatedAt, m.ReadAt is not null)).ToList();
        return new(unread, shown, rows.Count > PageSize ? shown[^1].Id : null);
    }

    // For the header: null when the account is no person (nothing can reach it).
    public async Task<int?> UnreadCountAsync(CancellationToken ct) =>
        await ActingPerson.IdAsync(db, who, ct) is { } person ? await UnreadAsync(person, ct) : null;

    // id null: every message. A message that is not the person's is not found, whoever's it is.
    public async Task MarkReadAsync(long? id, CancellationToken ct)
    {
        var person = await ActingPerson.IdAsync(db, who, ct) ?? throw new RecordNotFoundException("message", id?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "all");
        var now = clock.GetUtcNow().UtcDateTime;
        var changed = await db.InboxMessages.Where(m => m.PersonId == person && m.ReadAt == null && (id == null || m.Id == id))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ReadAt, now), ct);
        if (changed == 0 && id is { } one && !await db.InboxMessages.AnyAsync(m => m.PersonId == person && m.Id == one, ct))
        {
            throw new RecordNotFoundException("message", one.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    private Task<int> UnreadAsync(Guid person, CancellationToken ct) => db.InboxMessages.CountAsync(m => m.PersonId == person && m.ReadAt == null, ct);
}
