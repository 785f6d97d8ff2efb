using System.Text.Json;
using System.Text.RegularExpressions;

namespace Steward.Infrastructure;

// Describes a JSON body that could not be read, naming the field where System.Text.Json says which one.
internal static partial class JsonErrors
{
    [GeneratedRegex("The JSON property '(?<name>[^']+)' could not be mapped")]
    private static partial Regex UnmappedProperty();

    public static Dictionary<string, string[]> From(JsonException exception)
    {
        if (UnmappedProperty().Match(exception.Message) is { Success: true } unmapped)
        {
            return new() { [unmapped.Groups["name"].Value] = ["This field is not part of the request; remove it or check its spelling"] };
        }

        var field = exception.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : "$";
        if (field == "$")
        {
            return new() { ["$"] = ["The body is not valid JSON: " + FirstSentence(exception.Message)] };
        }

        // The outer message names the record being read; the inner one names the value's own type.
        var detail = exception.InnerException?.Message ?? exception.Message;
        var reason = detail.Contains("DateOnly", StringComparison.Ordinal)
            ? "Enter a real date in the format YYYY-MM-DD"
            : detail.Contains("Guid", StringComparison.Ordinal)
                ? "Enter an id in the form 0193c3a1-7d2e-7c3b-9a55-2f1c8e3b5d10"
                : "Enter a value of the type this field takes; the API reference at /api/docs lists the values it accepts";
        return new() { [field] = [reason] };
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end > 0 ? message[..(end + 1)] : message;
    }
}
