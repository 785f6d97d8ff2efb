using FluentValidation;
using FluentValidation.Results;

namespace Steward.Infrastructure.Spreadsheets;

public static class SpreadsheetFormats
{
    // "xlsx" (the default) or "csv", as a query parameter or command-line option names it.
    public static SpreadsheetFormat Parse(string field, string? text) => text?.Trim().TrimStart('.').ToLowerInvariant() switch
    {
        null or "" or "xlsx" => SpreadsheetFormat.Xlsx,
        "csv" => SpreadsheetFormat.Csv,
        _ => throw new ValidationException([new ValidationFailure(field, $"{field} must be xlsx or csv, not {text}")]),
    };
}
