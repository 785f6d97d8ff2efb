using System.CommandLine;
using FluentValidation;
using FluentValidation.Results;
using Spectre.Console;
using Steward.Cli;
using Steward.Features.Finance.Ledger;
using Steward.Infrastructure.Spreadsheets;

namespace Steward.Features.Finance.Cli;

// steward finance import: a finance system's export into the units below one, all rows or none, with a
// progress bar; steward finance export: every line of a unit and below as .xlsx or .csv.
internal static class FinanceCommand
{
    private static readonly Option<string> Unit = new("--unit") { Description = "The unit (code or id) whose lines the export lists with those below it.", Required = true };
    private static readonly Option<string?> Into = new("--unit") { Description = "The unit (code or id) whose units below the rows may go to; leave out for the whole department." };
    private static readonly Option<string> File = new("--file") { Description = "The ledger export, .xlsx or .csv.", Required = true };
    private static readonly Option<string?> Year = new("--year") { Description = "The financial year (2026-27), for files that give periods without one; for an export, only that year." };
    private static readonly Option<string[]> MapCode = new("--map-code") { Description = "LEDGER-CODE=UNIT-CODE: a cost centre or project code's unit (remembered). Repeatable." };
    private static readonly Option<string[]> MapAccount = new("--map-account") { Description = "ACCOUNT=category: an account's spending category (remembered). Repeatable." };
    private static readonly Option<bool> DryRun = new("--dry-run") { Description = "Check every row and show what would change, without writing." };
    private static readonly Option<string> Format = new("--format") { Description = "xlsx (the default) or csv.", DefaultValueFactory = _ => "xlsx" };
    private static readonly Option<string> Out = new("--out") { Description = "The file to write.", Required = true };
    private static readonly Option<string?> Category = new("--category") { Description = "Only this spending category." };

    public static Command Create()
    {
        var command = new Command("finance", "Money: show it, re-profile forecasts, record actuals, re-baseline budgets, import actuals from the ledger, export lines.") { Import(), Export() };
        foreach (var money in FinanceMoneyCommands.Create())
        {
            command.Subcommands.Add(money);
        }

        return command;
    }

    private static Command Import()
    {
        var command = new Command("import", "Import actuals from a finance system's export: every row is checked, and all are written or none; each unit-month in the file replaces that month's actuals.")
        {
            Into, File, Year, MapCode, MapAccount, DryRun,
        };
        command.SetAction((parse, ct) => CliHost.WithServicesAsync(parse, async services =>
        {
            var path = parse.GetValue(File)!;
            if (!System.IO.File.Exists(path))
            {
                throw new ValidationException([new ValidationFailure("--file", $"no file at {path}")]);
            }

            var mappings = new LedgerMappings(Pairs(parse.GetValue(MapCode), "--map-code"), Pairs(parse.GetValue(MapAccount), "--map-account"));
            var year = FinanceQuery.ParseYear(parse.GetValue(Year));
            await using var file = System.IO.File.OpenRead(path);
            LedgerReport report;
            try
            {
                report = await AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) }).Progress()
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn())
                    .StartAsync(async bar =>
                    {
                        var task = bar.AddTask($"Reading {Path.GetFileName(path)}", maxValue: 1);
                        var result = await services.GetRequiredService<LedgerImport>().ImportAsync(parse.GetValue(Into), file, year, mappings, path, parse.GetValue(DryRun),
                            new Progress<LedgerProgress>(p =>
                            {
                                task.Description = $"{p.Stage} {Path.GetFileName(path)}";
                                task.MaxValue = Math.Max(p.Total, 1);
                                task.Value = p.Done;
                            }), ct);
                        task.Value = task.MaxValue;
                        return result;
                    });
            }
            catch (UnreadableSpreadsheetException unreadable)
            {
                throw new CommandFailure($"{path}: {unreadable.Message}");
            }

            Console.WriteLine($"Read {report.RowsRead:N0} rows from {report.Sheet ?? Path.GetFileName(path)} (headings on row {report.HeadingRow}{(report.Encoding is null ? string.Empty : $", text read as {report.Encoding}")}).");
            if (report.ProblemCount > 0)
            {
                foreach (var problem in report.Problems)
                {
                    Console.Error.WriteLine(problem.Row == 0 ? $"{problem.Column}: {problem.Message}" : $"row {problem.Row}, {problem.Column}: {problem.Message}");
                }

                foreach (var code in report.UnmappedCodes.Take(20))
                {
                    Console.Error.WriteLine($"Unmapped code: {code} (--map-code {code}=UNIT-CODE)");
                }

                foreach (var account in report.UnmappedAccounts.Take(20))
                {
                    Console.Error.WriteLine($"Unmapped account: {account} (--map-account {account}=cdel)");
                }

                throw new CommandFailure(report.ProblemCount > report.Problems.Count
                    ? $"{report.ProblemCount} problems, the first {report.Problems.Count} listed; nothing was imported." : $"{report.ProblemCount} problems; nothing was imported.");
            }

            foreach (var change in report.Changes.Where(c => c.Before != c.After).Take(50))
            {
                Console.WriteLine($"  {change.Unit} {change.Year} P{change.Period}: {change.Before.Exact()} -> {change.After.Exact()}");
            }

            var changed = report.Changes.Count(c => c.Before != c.After);
            Console.WriteLine(report.DryRun
                ? $"All rows are valid: {report.MonthsReplaced:N0} unit-months would be replaced, {changed:N0} of them changed; nothing was written (--dry-run)."
                : $"Replaced {report.MonthsReplaced:N0} unit-months of actuals; {changed:N0} changed.");
            return StewardCommandLine.Success;
        }));
        return command;
    }

    private static Command Export()
    {
        var command = new Command("export", "Every current line (budget, forecast, actuals) of a unit and the units below it, as .xlsx or .csv.") { Unit, Format, Out, Year, Category };
        command.SetAction((parse, ct) => CliHost.WithServicesAsync(parse, async services =>
        {
            var format = SpreadsheetFormats.Parse("--format", parse.GetValue(Format));
            var queries = services.GetRequiredService<FinanceQueries>();
            var unit = await queries.RequireReadableUnitAsync(parse.GetValue(Unit)!, ct);
            var rows = await queries.ExportRowsAsync(unit, FinanceQuery.ParseYear(parse.GetValue(Year)),
                Infrastructure.EnumText.ParseOptional<SpendingCategory>("--category", parse.GetValue(Category)), ct);
            var path = parse.GetValue(Out)!;
            await using (var output = System.IO.File.Create(path))
            {
                await SpreadsheetWriter.WriteAsync(output, format, "Finance", FinanceSpreadsheet.Columns, rows, ct);
            }

            Console.WriteLine($"Wrote {rows.Count:N0} lines of {unit.Code} and below to {path}.");
            return StewardCommandLine.Success;
        }));
        return command;
    }

    private static Dictionary<string, string> Pairs(string[]? pairs, string option)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in pairs ?? [])
        {
            var at = pair.LastIndexOf('=');
            if (at <= 0 || at == pair.Length - 1)
            {
                throw new ValidationException([new ValidationFailure(option, $"takes CODE=VALUE, not {pair}")]);
            }

            result[pair[..at].Trim()] = pair[(at + 1)..].Trim();
        }

        return result;
    }
}
