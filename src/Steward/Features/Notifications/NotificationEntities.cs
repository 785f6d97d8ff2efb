namespace Steward.Features.Notifications;

// How a person wants to hear of one kind of thing: on its own as soon as it is due, in the daily digest,
// or not at all.
public enum Delivery
{
    Digest,
    Immediately,
    Off,
}

// One person's choices: the time of their daily digest (UK time) and, per kind, how they hear of it (a kind
// not named takes its default). Also whether mail to their address has been refused for good.
public sealed class NotificationSettings
{
    public Guid PersonId { get; set; }
    public TimeOnly DigestAt { get; set; } = NotificationDefaults.DigestAt;

    // Kind key to Delivery, as JSON: {"risk-review":"immediately"}.
    public string Choices { get; set; } = "{}";

    public DateTime? EmailRefusedAt { get; set; }
    public string? EmailRefusedAddress { get; set; }
    public string? EmailRefusedReason { get; set; }
    public int Version { get; set; }
}

// That one person's digest for one UK day has been made (sent, or found empty): the key that makes two
// nodes, or a run repeated after a crash, never send it twice.
public sealed class DigestDay
{
    public Guid PersonId { get; set; }
    public DateOnly Day { get; set; }
    public DateTime At { get; set; }
    public int Items { get; set; }
}

// That one person has been told, on its own, that one item fell due on one date.
public sealed class ItemToldOf
{
    public Guid PersonId { get; set; }

    // "R-0042@2026-12-05": a new due date is news again.
    public required string ItemKey { get; set; }
    public DateTime At { get; set; }
}

// A message in a person's inbox in Steward: every notification lands here, whatever else carries it.
public sealed class InboxMessage
{
    public const int SubjectMaxLength = 300;
    public const int TextMaxLength = 200_000;

    public long Id { get; set; }
    public Guid PersonId { get; set; }
    public required string Kind { get; set; }
    public required string Subject { get; set; }
    public required string Text { get; set; }

    // The items it is about, as JSON (reference, title, link, due), so the inbox can link each one.
    public required string Items { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ReadAt { get; set; }
}

// An e-mail waiting to go, or gone: the delivery job sends it, retrying with back-off, and gives up on an
// address the mail server refuses for good.
public sealed class OutgoingEmail
{
    public const int AddressMaxLength = 254;
    public const int ErrorMaxLength = 2000;

    public long Id { get; set; }
    public Guid PersonId { get; set; }
    public long InboxMessageId { get; set; }
    public InboxMessage? InboxMessage { get; set; }
    public required string Address { get; set; }
    public required string Subject { get; set; }
    public required string Text { get; set; }
    public required string Html { get; set; }

    // The kinds the message is about, comma separated: what its unsubscribe link turns off.
    public required string Kinds { get; set; }
    public DateTime CreatedAt { get; set; }
    public int Attempts { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public DateTime? SentAt { get; set; }
    public DateTime? GaveUpAt { get; set; }
    public string? LastError { get; set; }
}

// Something that happened that one person is to hear of (an escalation, an exception, an action given them),
// held until a message carries it: at once, or their next digest, as they chose. Unique per person, history
// event and kind, so reading the same history twice adds nothing.
public sealed class NewsItem
{
    public const int TextMaxLength = 1000;

    public long Id { get; set; }
    public Guid PersonId { get; set; }
    public required string Kind { get; set; }
    public long EventId { get; set; }
    public required string Reference { get; set; }
    public required string Title { get; set; }
    public required string Unit { get; set; }
    public required string What { get; set; }
    public required string Link { get; set; }
    public DateTime At { get; set; }
    public DateTime? ToldAt { get; set; }
}

// How far the history has been read for news: the last event looked at. Its version makes two readers
// (a node that lost the lock and did not know it) conflict instead of both telling.
public sealed class NewsMark
{
    public const string History = "history";

    public required string Name { get; set; }
    public long LastEventId { get; set; }
    public int Version { get; set; }
}
