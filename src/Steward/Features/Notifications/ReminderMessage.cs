using System.Net;
using System.Text;
using System.Text.Json;
using Steward.Infrastructure;
using Steward.Infrastructure.Work;

namespace Steward.Features.Notifications;

// One item a message lists: work with its due date, or news with what happened (What).
public sealed record MessageItem(string Kind, string Reference, string Title, string Unit, DateOnly? Due, string Link, string? What = null)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public string Detail => What ?? $"due {UkFormat.Date(Due)}";
}

// The words of one reminder: the daily digest of what is due or overdue, or the items that fell due just
// now for someone who asked to hear at once. Each says why the person got it and links to every item.
public sealed class ReminderMessage
{
    public const string DigestKind = "digest";
    public const string DueNowKind = "due-now";
    public const string NewsKind = "news";

    private ReminderMessage(string kind, string subject, string text, IReadOnlyList<MessageItem> items, IReadOnlyList<string> kinds)
    {
        Kind = kind;
        Subject = subject;
        Text = text;
        Items = items;
        WorkKinds = kinds;
    }

    public string Kind { get; }
    public string Subject { get; }
    public string Text { get; }
    public IReadOnlyList<MessageItem> Items { get; }

    // The kinds of work in it: what its unsubscribe link turns off.
    public IReadOnlyList<string> WorkKinds { get; }

    public string ItemsJson => JsonSerializer.Serialize(Items, JsonOptions);

    public static IReadOnlyList<MessageItem> ReadItems(string json) => JsonSerializer.Deserialize<List<MessageItem>>(json, JsonOptions) ?? [];

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    public static ReminderMessage Digest(IReadOnlyList<AssignedWork> work, DateOnly today, IReadOnlyList<NewsItem>? news = null, Func<string, WorkKind>? kindOf = null)
    {
        news ??= [];
        var overdue = work.Count(w => w.Due < today);
        var dueToday = work.Count - overdue;
        var subject = work.Count > 0 ? $"Your work in Steward: {Count(overdue, "item")} overdue, {dueToday} due today" : $"Steward: {Count(news.Count, "update")} since your last summary";
        if (work.Count > 0 && news.Count > 0)
        {
            subject += $"; {Count(news.Count, "update")}";
        }

        var text = "This is your daily summary from Steward"
            + (work.Count > 0 ? " of the work assigned to you that is due or overdue" : string.Empty)
            + (news.Count > 0 ? $"{(work.Count > 0 ? ", and" : " of")} what has happened since the last that concerns you" : string.Empty) + ". "
            + "You get it because you are named as the owner of each item, or lead the unit it concerns.";
        return new(DigestKind, subject, text, ItemsOf(work).Concat(ItemsOf(news, kindOf!)).ToList(), KindsOf(work).Concat(news.Select(n => n.Kind)).Distinct().Order(StringComparer.Ordinal).ToList());
    }

    // What has just happened that the person asked to hear of at once.
    public static ReminderMessage News(IReadOnlyList<NewsItem> news, Func<string, WorkKind> kindOf)
    {
        var first = news[0];
        var subject = news.Count == 1 ? $"{kindOf(first.Kind).Singular}: {first.Reference} {first.Title}" : $"{news.Count} things in Steward that concern you";
        if (subject.Length > InboxMessage.SubjectMaxLength)
        {
            subject = subject[..(InboxMessage.SubjectMaxLength - 1)] + "…";
        }

        var text = "This has just happened in Steward and concerns you: an item escalated to or handed back from a unit you lead, an exception on it, "
            + "an action given you, or a report for you to approve or returned to you. You get it at once because you asked to, or have not chosen otherwise.";
        return new(NewsKind, subject, text, ItemsOf(news, kindOf).ToList(), news.Select(n => n.Kind).Distinct().Order(StringComparer.Ordinal).ToList());
    }

    public static ReminderMessage DueNow(IReadOnlyList<AssignedWork> work)
    {
        var subject = work.Count == 1 ? $"Now due: {work[0].Kind.Singular.ToLowerInvariant()} {work[0].Reference} {work[0].Title}" : $"{work.Count} items assigned to you are now due";
        if (subject.Length > InboxMessage.SubjectMaxLength)
        {
            subject = subject[..(InboxMessage.SubjectMaxLength - 1)] + "…";
        }

        var text = "These items assigned to you have reached their date. You get this message as soon as they do because you asked to hear of these kinds of work at once.";
        return new(DueNowKind, subject, text, ItemsOf(work), KindsOf(work));
    }

    public string PlainText(string name, Func<string, string> link, string unsubscribe)
    {
        var body = new StringBuilder().Append("Hello ").Append(name).Append(",\n\n").Append(Text).Append("\n\n");
        foreach (var item in Items)
        {
            body.Append("- ").Append(item.Kind).Append(' ').Append(item.Reference).Append(": ").Append(item.Title)
                .Append(" (").Append(item.Unit).Append("): ").Append(item.Detail).Append('\n')
                .Append("  ").Append(link(item.Link)).Append('\n');
        }

        return body.Append("\nAll your work: ").Append(link(Steward.Features.MyWork.MyWorkLinks.Index)).Append('\n')
            .Append("Choose what you are told about, and when: ").Append(link(NotificationsLinks.Preferences)).Append('\n')
            .Append("Stop messages about these kinds of work: ").Append(unsubscribe).Append('\n').ToString();
    }

    // Plain and GOV.UK-like: a mail client ignores style sheets, so the few styles are inline.
    public string Html(string name, Func<string, string> link, string unsubscribe)
    {
        static string E(string text) => WebUtility.HtmlEncode(text);
        const string Font = "font-family: Arial, sans-serif; color: #0b0c0c;";
        var body = new StringBuilder()
            .Append("<!DOCTYPE html><html lang=\"en\"><body style=\"").Append(Font).Append("\">")
            .Append("<p style=\"font-size: 19px;\">Hello ").Append(E(name)).Append(",</p>")
            .Append("<p style=\"font-size: 19px;\">").Append(E(Text)).Append("</p><ul style=\"font-size: 19px;\">");
        foreach (var item in Items)
        {
            body.Append("<li style=\"margin-bottom: 10px;\">").Append(E(item.Kind)).Append(" <a style=\"color: #1d70b8;\" href=\"").Append(E(link(item.Link))).Append("\">")
                .Append(E(item.Reference)).Append("</a>: ").Append(E(item.Title)).Append(" (").Append(E(item.Unit)).Append("): ")
                .Append(E(item.Detail)).Append("</li>");
        }

        return body.Append("</ul><p style=\"font-size: 16px;\"><a style=\"color: #1d70b8;\" href=\"").Append(E(link(Steward.Features.MyWork.MyWorkLinks.Index))).Append("\">All your work</a> · ")
            .Append("<a style=\"color: #1d70b8;\" href=\"").Append(E(link(NotificationsLinks.Preferences))).Append("\">Choose what you are told about, and when</a> · ")
            .Append("<a style=\"color: #1d70b8;\" href=\"").Append(E(unsubscribe)).Append("\">Stop messages about these kinds of work</a></p></body></html>").ToString();
    }

    private static List<MessageItem> ItemsOf(IEnumerable<AssignedWork> work) =>
        work.Select(w => new MessageItem(w.Kind.Singular, w.Reference, w.Title, $"{w.Unit.Name} ({w.Unit.Code})", w.Due, w.Link)).ToList();

    private static IEnumerable<MessageItem> ItemsOf(IEnumerable<NewsItem> news, Func<string, WorkKind> kindOf) =>
        news.Select(n => new MessageItem(kindOf(n.Kind).Singular, n.Reference, n.Title, n.Unit, null, n.Link, n.What));

    private static List<string> KindsOf(IEnumerable<AssignedWork> work) => work.Select(w => w.Kind.Key).Distinct().Order(StringComparer.Ordinal).ToList();

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";
}
