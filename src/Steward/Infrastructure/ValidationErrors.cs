using FluentValidation;

namespace Steward.Infrastructure;

public static class ValidationErrors
{
    // Field names in errors are the API's JSON names (camelCase); pages map them onto their own inputs.
    public static Dictionary<string, string[]> ToDictionary(ValidationException exception) =>
        exception.Errors
            .GroupBy(e => JsonName(e.PropertyName))
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray());

    public static string JsonName(string propertyName) =>
        string.IsNullOrEmpty(propertyName) ? string.Empty : char.ToLowerInvariant(propertyName[0]) + propertyName[1..];
}
