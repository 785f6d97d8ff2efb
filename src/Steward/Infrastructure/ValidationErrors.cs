using FluentValidation;

namespace Steward.Infrastructure;

public static class ValidationErrors
{
    // Field names in errors are the API's JSON names (camelCase); pages map them onto their own inputs.
    public static Dictionary<string, string[]> ToDictionary(ValidationException exception) =>
        exception.Errors
            .GroupBy(e => JsonName(e.PropertyName))
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray());

    // Each segment of a nested name too: Agenda[0].Title is agenda[0].title.
    public static string JsonName(string propertyName) =>
        string.Join('.', propertyName.Split('.').Select(segment => segment.Length == 0 ? segment : char.ToLowerInvariant(segment[0]) + segment[1..]));
}
