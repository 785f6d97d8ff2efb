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

    public static string Field(string name) =>
        Fields.TryGetValue(name, out var label) ? label : Sentence(WordBoundary().Replace(name, " "));

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
        : DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? Infrastructure.UkFormat.Date(date)
        : value;

    private static string Sentence(string words) => words.Length == 0 ? words : words[0] + words[1..].ToLowerInvariant();
}
