using System.Text.Json;
using FluentValidation;
using FluentValidation.Results;

namespace Steward.Infrastructure;

// Enum values as the API, query strings and the CLI spell them: kebab-case ("amber-green", "ict").
public static class EnumText
{
    public static string Of<T>(T value) where T : struct, Enum => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    public static IEnumerable<string> All<T>() where T : struct, Enum => Enum.GetValues<T>().Select(Of);

    public static T? ParseOptional<T>(string field, string? text) where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (TryParse<T>(text, out var parsed))
        {
            return parsed;
        }

        throw new ValidationException([new ValidationFailure(field, $"{field} must be one of: {string.Join(", ", All<T>())}")]);
    }

    public static bool TryParse<T>(string? text, out T parsed) where T : struct, Enum
    {
        foreach (var value in Enum.GetValues<T>())
        {
            if (string.Equals(Of(value), text?.Trim(), StringComparison.OrdinalIgnoreCase)
                || string.Equals(value.ToString(), text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                parsed = value;
                return true;
            }
        }

        parsed = default;
        return false;
    }
}
