using System.CommandLine;
using Spectre.Console;
using Steward.Cli;
using Steward.Infrastructure.Spreadsheets;

namespace Steward.Features.Raid.Cli;

// steward raid export: a unit's RAID register, rolled up, as .xlsx or .csv, with the register's filters.
internal static class RaidCommand
{
    private static readonly Option<string> Unit = new("--unit") { Description = "The unit's code or id; its register rolls up everything below it.", Required = true };
    private static readonly Option<string> Type = new("--type") { Description = "risks (the default), issues, assumptions or dependencies.", DefaultValueFactory = _ => "risks" };
    private static readonly Option<string?> Format = new("--format") { Description = "xlsx or csv; by default taken from the output file's extension." };
    private static readonly Option<string> Output = new("--output") { Description = "The file to write (an existing file is replaced).", Required = true };
    private static readonly Option<string?> Status = new("--status") { Description = "As the register's status filter: for risks open (the default), closed, realised or all; issues open, resolved, closed or all; assumptions unvalidated (the default), validated, invalid or all; dependencies proposed, agreed, at-risk, delivered, broken or all (default: the open ones)." };

    public static Command Create()
    {
        var export = new Command("export", "Write a unit's risk, issue, assumption or dependency register, with every field, to a spreadsheet.") { Unit, Type, Format, Output, Status };
        export.SetAction((parse, ct) => CliHost.WithServicesAsync(parse, async services =>
        {
            var output = parse.GetValue(Output)!;
            var format = SpreadsheetFormats.Parse("--format", parse.GetValue(Format) ?? Path.GetExtension(output));
            var queries = services.GetRequiredService<RaidQueries>();
            var unit = await queries.RequireReadableUnitAsync(parse.GetValue(Unit)!, ct);
            var status = parse.GetValue(Status);
            await using var file = File.Create(output);
            var count = 0;
            switch (parse.GetValue(Type)?.Trim().ToLowerInvariant())
            {
                case "risks":
                    var risks = await services.GetRequiredService<RiskQueries>().RiskRowsAsync(unit, new RiskListQuery { Status = status }.Filter(), RiskSort.Score, ct);
                    count = risks.Count;
                    await WithProgressAsync($"Writing {count:N0} risks", count, progress => SpreadsheetWriter.WriteAsync(file, format, "Risks", RaidSpreadsheets.RiskColumns, risks, ct, progress));
                    break;
                case "issues":
                    var issues = await services.GetRequiredService<IssueQueries>().IssueRowsAsync(unit, new IssueListQuery { Status = status }.Filter(), IssueSort.Priority, ct);
                    count = issues.Count;
                    await WithProgressAsync($"Writing {count:N0} issues", count, progress => SpreadsheetWriter.WriteAsync(file, format, "Issues", RaidSpreadsheets.IssueColumns, issues, ct, progress));
                    break;
                case "assumptions":
                    var query = new AssumptionListQuery { Status = status };
                    var assumptions = await services.GetRequiredService<AssumptionQueries>().AssumptionRowsAsync(unit, query.StatusFilter, query.AllStatuses, false, ct);
                    count = assumptions.Count;
                    await WithProgressAsync($"Writing {count:N0} assumptions", count, progress => SpreadsheetWriter.WriteAsync(file, format, "Assumptions", RaidSpreadsheets.AssumptionColumns, assumptions, ct, progress));
                    break;
                case "dependencies":
                    var dependencies = await services.GetRequiredService<DependencyQueries>().DependencyRowsAsync(unit, new DependencyListQuery { Status = status }.Filter(), ct);
                    count = dependencies.Count;
                    await WithProgressAsync($"Writing {count:N0} dependencies", count, progress => SpreadsheetWriter.WriteAsync(file, format, "Dependencies", RaidSpreadsheets.DependencyColumns, dependencies, ct, progress));
                    break;
                default:
                    throw new FluentValidation.ValidationException([new FluentValidation.Results.ValidationFailure("--type", "must be risks, issues, assumptions or dependencies")]);
            }

            Console.WriteLine($"Wrote {count:N0} {parse.GetValue(Type)} of {unit.Code} and below to {output}.");
            return StewardCommandLine.Success;
        }));
        return new Command("raid", "The RAID log: import and export its registers (risks, issues, assumptions, dependencies), take an entry's status step, review a risk, and change entries in bulk.")
        {
            export, RaidImportCommand.Create(), RaidBulkCommand.Create(), RaidStepCommand.Step(), RaidStepCommand.Review(),
        };
    }

    private static async Task WithProgressAsync(string description, int total, Func<IProgress<int>, Task> write) =>
        await AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) }).Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn())
            .StartAsync(async progress =>
            {
                var task = progress.AddTask(description, maxValue: Math.Max(total, 1));
                await write(new Progress<int>(done => task.Value = done));
                task.Value = task.MaxValue;
            });
}
