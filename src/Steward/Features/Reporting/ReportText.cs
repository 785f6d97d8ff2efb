using FluentValidation.Results;

namespace Steward.Features.Reporting;

// The words typed into reports and assessments: trimmed, blank as none, and refused naming the field
// when longer than it holds.
internal static class ReportText
{
    public static string? Clean(string field, string? text, int max, List<ValidationFailure> failures)
    {
        var value = Clean(field, text, max, out var failure);
        if (failure is not null)
        {
            failures.Add(failure);
        }

        return value;
    }

    public static string? Clean(string field, string? text, int max, out ValidationFailure? failure)
    {
        failure = null;
        var value = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        if (value is not null && value.Length > max)
        {
            failure = new ValidationFailure(field, $"Keep it to {max:N0} characters (it has {value.Length:N0})");
        }

        return value;
    }
}
