using System.Globalization;
using System.Text.RegularExpressions;

namespace Steward.Features.History;

// How a history event's field names, channels and values read to a person.
public static partial class HistoryLabels
{
    private static readonly Dictionary<string, string> Fields = new()
    {
        ["ParentId"] = "Part of",
        ["SroId"] = "Senior responsible owner",
        ["ManagerId"] = "Manager",
        ["PmoContactId"] = "PMO contact",
        ["RoleTitle"] = "Role title",
        ["Email"] = "Email address",
    };

    [GeneratedRegex("(?<=[a-z])(?=[A-Z])")]
    private static partial Regex WordBoundary();

    // "OwnerId" is the owner, named on the page: the label does not speak of ids.
    public static string Field(string name) =>
        Fields.TryGetValue(name, out var label) ? label
        : Sentence(WordBoundary().Replace(name.Length > 2 && name.EndsWith("Id", StringComparison.Ordinal) ? name[..^2] : name, " "));

    public static string Channel(string channel) => channel switch
    {
        ChangeChannel.Web => "on the web",
        ChangeChannel.Api => "through the API",
        ChangeChannel.Cli => "on the command line",
        ChangeChannel.Import => "by an import",
        _ => "by a background job",
    };

    public static string Value(string? value) =>
        value is null ? "(blank)"
        : value is "True" ? "Yes"
        : value is "False" ? "No"
        : DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? Infrastructure.UkFormat.Date(date)
        : value.Length >= 20 && value[10] == 'T' && DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var instant)
            ? Infrastructure.UkFormat.DateTime(instant)
        : value;

    // A field's value as the forms show it: a choice ("InProgress", "ProgrammeOrProjectManager") in words.
    public static string Value(string field, string? value) =>
        value is not null && Choices.Any(c => field.EndsWith(c, StringComparison.Ordinal)) && ChoiceValue().IsMatch(value)
            ? Sentence(WordBoundary().Replace(value, " "))
            : Value(value);

    private static readonly string[] Choices = ["Status", "Priority", "Role", "Kind", "Stage", "Category", "Response", "Type", "Level", "Direction", "Constraint"];

    [GeneratedRegex("^[A-Z][a-z]+(?:[A-Z][a-z]+)*$")]
    private static partial Regex ChoiceValue();

    // What kind of record a history event is about, in the names people use.
    public static string RecordType(string type) => RecordTypes.TryGetValue(type, out var label) ? label : Sentence(WordBoundary().Replace(type, " "));

    private static readonly Dictionary<string, string> RecordTypes = new()
    {
        ["DeliveryUnit"] = "Unit",
        ["StewardUser"] = "Account",
        ["RoleAssignment"] = "Role",
        ["ApiToken"] = "API token",
        ["UnitTolerances"] = "Tolerances",
        ["UnitPlan"] = "Plan",
        ["PlannedTask"] = "Plan task",
        ["TaskLink"] = "Link between tasks",
        ["CrossUnitLink"] = "Link between plans",
        ["PlanBaseline"] = "Plan baseline",
        ["ActionItem"] = "Action",
    };

    // An account's security fields say nothing to a reader ("Security stamp: (hidden)"): they are shown as
    // what happened (a password changed, a lock-out), and the rest of them not at all.
    public static bool Shown(string recordType, string field) =>
        recordType != "StewardUser" || !AccountInternals.Contains(field);

    private static readonly HashSet<string> AccountInternals =
        ["NormalizedEmail", "NormalizedUserName", "ConcurrencyStamp", "SecurityStamp", "PasswordHash", "AccessFailedCount", "LockoutEnd", "LockoutEnabled", "EmailConfirmed", "PhoneNumberConfirmed", "TwoFactorEnabled"];

    public static IEnumerable<string> AccountEvents(HistoryEntry entry)
    {
        if (entry.RecordType != "StewardUser" || entry.Action == "created")
        {
            yield break;
        }

        var fields = entry.Changes.ToDictionary(c => c.Field);
        if (fields.ContainsKey("PasswordHash"))
        {
            yield return "Password changed";
        }

        if (fields.TryGetValue("LockoutEnd", out var lockout))
        {
            yield return lockout.To is null ? "Lock-out ended" : "Locked out after failed sign-ins";
        }
        else if (fields.ContainsKey("SecurityStamp") && !fields.ContainsKey("PasswordHash"))
        {
            yield return "Signed out everywhere";
        }
    }

    private static string Sentence(string words) => words.Length == 0 ? words : words[0] + words[1..].ToLowerInvariant();
}
