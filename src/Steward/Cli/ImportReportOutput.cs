using FluentValidation;
using FluentValidation.Results;
using Steward.Infrastructure.Spreadsheets;

namespace Steward.Cli;

// What every import command shares: --map HEADING=field pairs, and printing the report (headings read,
// each problem by row and column, what was imported), failing the command when anything was wrong.
public static class ImportReportOutput
{
    public static Dictionary<string, string> Mapping(string[]? pairs)
    {
        var mapping = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in pairs ?? [])
        {
            var at = pair.LastIndexOf('=');
            if (at <= 0)
            {
                throw new ValidationException([new ValidationFailure("--map", $"takes HEADING=field, not {pair}")]);
            }

            mapping[pair[..at].Trim()] = pair[(at + 1)..].Trim();
        }

        return mapping;
    }

    public static void Print(ImportReport report, string path, string noun)
    {
        Console.WriteLine($"Read {report.RowsRead:N0} rows from {report.Sheet ?? Path.GetFileName(path)} (headings on row {report.HeadingRow}{(report.Encoding is null ? string.Empty : $", text read as {report.Encoding}")}).");
        foreach (var column in report.Columns.Where(c => c.Heading.Length > 0))
        {
            Console.WriteLine($"  {column.Heading,-32} -> {column.Field ?? "(not imported)"}");
        }

        if (report.ProblemCount > 0)
        {
            foreach (var problem in report.Problems)
            {
                Console.Error.WriteLine(problem.Row == 0 ? $"{problem.Column}: {problem.Message}" : $"row {problem.Row}, {problem.Column}: {problem.Message}");
            }

            throw new CommandFailure(ImportResults.Summary(report));
        }

        Console.WriteLine(report.DryRun ? $"All {report.RowsRead:N0} rows are valid; nothing was written (--dry-run)." : $"Imported {report.Imported:N0} {noun}.");
    }
}
