using System.CommandLine;
using Steward.Cli;
using Steward.Infrastructure;
using Steward.Infrastructure.Spreadsheets;

namespace Steward.Features.Benefits.Cli;

// steward benefits export: a unit's benefits register and those below it, as .xlsx or .csv.
internal static class BenefitsCommand
{
    private static readonly Option<string> Unit = new("--unit") { Description = "The unit (code or id) whose register, with those below it, is written.", Required = true };
    private static readonly Option<string> Format = new("--format") { Description = "xlsx (the default) or csv.", DefaultValueFactory = _ => "xlsx" };
    private static readonly Option<string> Out = new("--out") { Description = "The file to write.", Required = true };
    private static readonly Option<string?> Status = new("--status") { Description = "Only benefits in this status." };

    private static readonly Option<string> File = new("--file") { Description = "The .xlsx or .csv file to import.", Required = true };
    private static readonly Option<bool> DryRun = new("--dry-run") { Description = "Check every row and show what would be imported, without writing." };
    private static readonly Option<string[]> Map = new("--map") { Description = "HEADING=field: read a column into a field (or '-' to leave it out). Repeatable.", AllowMultipleArgumentsPerToken = false };
    private static readonly Option<string> ImportUnit = new("--unit") { Description = "The unit whose register receives the benefits (a 'Unit' column may name units below it).", Required = true };

    public static Command Create() => new("benefits", "Benefits: import and export the register.") { Export(), Import() };

    // steward benefits import: a benefits register from a spreadsheet, every row checked, all or none.
    private static Command Import()
    {
        var command = new Command("import", "Import benefits from .xlsx or .csv into a unit's register: every row is checked, and all are written or none.") { ImportUnit, File, DryRun, Map };
        command.SetAction((parse, ct) => CliHost.WithServicesAsync(parse, async services =>
        {
            var path = parse.GetValue(File)!;
            if (!System.IO.File.Exists(path))
            {
                throw new FluentValidation.ValidationException([new FluentValidation.Results.ValidationFailure("--file", $"no file at {path}")]);
            }

            await using var file = System.IO.File.OpenRead(path);
            ImportReport report;
            try
            {
                report = await services.GetRequiredService<BenefitImport>().ImportAsync(parse.GetValue(ImportUnit)!, file, ImportReportOutput.Mapping(parse.GetValue(Map)), parse.GetValue(DryRun), ct);
            }
            catch (UnreadableSpreadsheetException unreadable)
            {
                throw new CommandFailure($"{path}: {unreadable.Message}");
            }

            ImportReportOutput.Print(report, path, BenefitImport.Register);
            return StewardCommandLine.Success;
        }));
        return command;
    }

    private static Command Export()
    {
        var command = new Command("export", "Every benefit of a unit and the units below it, with its latest measurement, as .xlsx or .csv.") { Unit, Format, Out, Status };
        command.SetAction((parse, ct) => CliHost.WithServicesAsync(parse, async services =>
        {
            var format = SpreadsheetFormats.Parse("--format", parse.GetValue(Format));
            var queries = services.GetRequiredService<BenefitQueries>();
            var unit = await queries.RequireReadableUnitAsync(parse.GetValue(Unit)!, ct);
            var rows = await queries.ExportRowsAsync(unit, EnumText.ParseOptional<BenefitStatus>("--status", parse.GetValue(Status)), ct);
            var path = parse.GetValue(Out)!;
            await using (var output = System.IO.File.Create(path))
            {
                await SpreadsheetWriter.WriteAsync(output, format, "Benefits", BenefitsSpreadsheet.Columns, rows, ct);
            }

            Console.WriteLine($"Wrote {rows.Count:N0} benefits of {unit.Code} and below to {path}.");
            return StewardCommandLine.Success;
        }));
        return command;
    }
}
