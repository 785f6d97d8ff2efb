using System.CommandLine;
using Spectre.Console;
using Steward.Cli;
using Steward.Infrastructure.Spreadsheets;

namespace Steward.Features.Raid.Cli;

// steward raid import: risks, issues, assumptions or dependencies from .xlsx or .csv into a unit's log,
// all rows or none, with a progress bar and every problem listed by row and column.
internal static class RaidImportCommand
{
    private static readonly Option<string> Unit = new("--unit") { Description = "The unit whose RAID log receives the items (a 'Unit' column may name units below it).", Required = true };
    private static readonly Option<string> Type = new("--type") { Description = "risks (the default), issues, assumptions or dependencies.", DefaultValueFactory = _ => "risks" };
    private static readonly Option<string> File = new("--file") { Description = "The .xlsx or .csv file.", Required = true };
    private static readonly Option<string?> DefaultOwner = new("--default-owner") { Description = "E-mail of the owner for rows that name none." };
    private static readonly Option<bool> DryRun = new("--dry-run") { Description = "Check every row and show what would be imported, without writing." };
    private static readonly Option<string[]> Map = new("--map") { Description = "HEADING=field: read a column into a field (or '-' to leave it out). Repeatable.", AllowMultipleArgumentsPerToken = false };

    public static Command Create()
    {
        var command = new Command("import", "Import risks, issues, assumptions or dependencies from a spreadsheet into a unit's RAID log: every row is checked, and all are written or none.")
        {
            Unit, Type, File, DefaultOwner, DryRun, Map,
        };
        command.SetAction((parse, ct) => CliHost.WithServicesAsync(parse, async services =>
        {
            var kind = RaidImportKind.For(parse.GetValue(Type))
                ?? throw new FluentValidation.ValidationException([new FluentValidation.Results.ValidationFailure("--type", $"must be one of {string.Join(", ", RaidImportKind.Registers)}")]);
            var path = parse.GetValue(File)!;
            if (!System.IO.File.Exists(path))
            {
                throw new FluentValidation.ValidationException([new FluentValidation.Results.ValidationFailure("--file", $"no file at {path}")]);
            }

            var mapping = ImportReportOutput.Mapping(parse.GetValue(Map));
            await using var file = System.IO.File.OpenRead(path);
            ImportReport report;
            try
            {
                report = await AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) }).Progress()
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn())
                    .StartAsync(async progress =>
                    {
                        var task = progress.AddTask($"Checking {Path.GetFileName(path)}", maxValue: 1);
                        var writing = false;
                        var result = await services.GetRequiredService<RaidImport>().ImportAsync(
                            kind, parse.GetValue(Unit)!, file, mapping, parse.GetValue(DefaultOwner), parse.GetValue(DryRun),
                            new Progress<ImportProgress>(p =>
                            {
                                if (p.Stage == ImportStage.Writing && !writing)
                                {
                                    // Said in words too, for logs and for anyone watching without a terminal.
                                    writing = true;
                                    task.Description = $"Writing {p.Total:N0} {kind.Register}";
                                    Console.Error.WriteLine($"Writing {p.Total:N0} {kind.Register} in one transaction; stopping now leaves none of them.");
                                }

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

            ImportReportOutput.Print(report, path, kind.Register);
            return StewardCommandLine.Success;
        }));
        return command;
    }
}
