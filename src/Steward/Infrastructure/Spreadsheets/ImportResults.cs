using FluentValidation;
using FluentValidation.Results;

namespace Steward.Infrastructure.Spreadsheets;

// How every import endpoint takes its mapping and answers: the report when every row is valid, else a
// validation problem keying every problem by where it is (row and column), with the whole report beside.
public static class ImportResults
{
    // ?map[Heading]=field, repeatable; "-" leaves a column out.
    public static Dictionary<string, string> MappingFrom(HttpRequest request) =>
        request.Query.Where(q => q.Key.StartsWith("map[", StringComparison.Ordinal) && q.Key.EndsWith(']'))
            .ToDictionary(q => q.Key[4..^1], q => q.Value.ToString(), StringComparer.OrdinalIgnoreCase);

    // Runs the import, an unreadable file being a problem with the "file" field.
    public static async Task<IResult> RunAsync(Func<Task<ImportReport>> import)
    {
        ImportReport report;
        try
        {
            report = await import();
        }
        catch (UnreadableSpreadsheetException unreadable)
        {
            throw new ValidationException([new ValidationFailure("file", unreadable.Message)]);
        }

        if (report.ProblemCount == 0)
        {
            return TypedResults.Ok(report);
        }

        var errors = report.Problems.GroupBy(p => p.Row == 0 ? p.Column : $"row {p.Row}, {p.Column}")
            .ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray());
        return TypedResults.ValidationProblem(errors, detail: Summary(report), extensions: new Dictionary<string, object?> { ["report"] = report });
    }

    public static string Summary(ImportReport report) => report.ProblemCount > report.Problems.Count
        ? $"{report.ProblemCount} problems, the first {report.Problems.Count} listed; nothing was imported." : $"{report.ProblemCount} problems; nothing was imported.";
}
