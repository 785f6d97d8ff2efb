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

    public static Command Create() => new("benefits", "Benefits: export the register.") { Export() };

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
            await using (var output = File.Create(path))
            {
                await SpreadsheetWriter.WriteAsync(output, format, "Benefits", BenefitsSpreadsheet.Columns, rows, ct);
            }

            Console.WriteLine($"Wrote {rows.Count:N0} benefits of {unit.Code} and below to {path}.");
            return StewardCommandLine.Success;
        }));
        return command;
    }
}
