using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Steward.Cli;
using Steward.Features.Reporting.Dashboard;
using Steward.Features.Reporting.Exceptions;
using Steward.Infrastructure;

namespace Steward.Features.Reporting.Cli;

// steward report dashboard|exceptions|snapshot: what the reporting pages show, from the command line,
// as text or (--json) as the API answers it.
internal static class ReportViewCommands
{
    private static readonly Option<string> Unit = new("--unit") { Description = "The unit (code or id).", Required = true };
    private static readonly Option<string> Reference = new("--reference") { Description = "The report (SR-0012).", Required = true };
    private static readonly Option<string?> State = new("--state") { Description = "Only exceptions in this state: open, with-board or decided." };
    private static readonly Option<bool> Json = new("--json") { Description = "Print it as JSON, as the API answers it." };
    private static readonly JsonSerializerOptions Indented = CreateJson();

    public static IEnumerable<Command> Create() => [Dashboard(), Exceptions(), Snapshot()];

    private static Command Dashboard()
    {
        var command = new Command("dashboard", "The dashboard of a unit: each unit directly below with its latest DCA, late report, open exceptions, milestones at risk and money.") { Unit, Json };
        command.SetAction((parse, ct) => CliHost.WithServicesAsync(parse, async services =>
        {
            var unit = await services.GetRequiredService<ReportQueries>().RequireReadableUnitAsync(parse.GetValue(Unit)!, ct);
            var view = await services.GetRequiredService<DashboardQueries>().ForAsync(unit, new DashboardFilter(), ct);
            if (parse.GetValue(Json))
            {
                Console.WriteLine(JsonSerializer.Serialize(view, Indented));
                return StewardCommandLine.Success;
            }

            Console.WriteLine($"{view.Unit.Code}: {view.Children:N0} units below, {view.ReportsLate:N0} reports late, {view.OpenExceptions:N0} open exceptions, "
                + $"{view.MilestonesAtRisk:N0} milestones at risk. DCA ({view.Scale}): {string.Join(", ", view.DcaCounts.Select(c => $"{c.Key} {c.Value}"))}.");
            foreach (var row in view.Rows)
            {
                Console.WriteLine($"{row.Unit.Code,-14} {row.ReportPeriod ?? "-",-8} {row.Dca ?? "-",-12}{(row.ReportLate ? " LATE" : "     ")} "
                    + $"exceptions {row.OpenExceptions,3}  milestones at risk {row.MilestonesAtRisk,3}  year {(row.YearVariancePercent is { } v ? v.ToString("+0.#;-0.#;0", CultureInfo.InvariantCulture) + "%" : "-")}");
            }

            return StewardCommandLine.Success;
        }));
        return command;
    }

    private static Command Exceptions()
    {
        var command = new Command("exceptions", "Exceptions at and below a unit, open ones first and oldest first.") { Unit, State, Json };
        command.SetAction((parse, ct) => CliHost.WithServicesAsync(parse, async services =>
        {
            var unit = await services.GetRequiredService<ReportQueries>().RequireReadableUnitAsync(parse.GetValue(Unit)!, ct);
            var list = await services.GetRequiredService<ExceptionQueries>().ListAsync(unit, EnumText.ParseOptional<ExceptionState>("state", parse.GetValue(State)), ct);
            if (parse.GetValue(Json))
            {
                Console.WriteLine(JsonSerializer.Serialize(list, Indented));
                return StewardCommandLine.Success;
            }

            Console.WriteLine($"{list.Count:N0} exceptions at and below {unit.Code}.");
            foreach (var e in list)
            {
                Console.WriteLine($"{e.Reference,-8} {e.Unit.Code,-14} {e.Dimension}{(e.Forecast ? " (forecast)" : "")}: {e.Value.ToString("0.##", CultureInfo.InvariantCulture)} against "
                    + $"{e.Limit.ToString("0.##", CultureInfo.InvariantCulture)} {e.Measure}; to {e.RaisedTo.Code}; {e.AgeDays} days; {e.State}");
            }

            return StewardCommandLine.Success;
        }));
        return command;
    }

    private static Command Snapshot()
    {
        var command = new Command("snapshot", "What a submitted report froze, as JSON: the facts it quoted, its ratings, the digest of its words, and the SHA-256 its history recorded.") { Unit, Reference };
        command.SetAction((parse, ct) => CliHost.WithServicesAsync(parse, async services =>
        {
            var queries = services.GetRequiredService<ReportQueries>();
            var report = await queries.ReportAsync(await queries.RequireReadableUnitAsync(parse.GetValue(Unit)!, ct), parse.GetValue(Reference)!, ct);
            if (!report.FactsFrozen || report.SnapshotDigest is null || await services.GetRequiredService<ReportSnapshots>().LatestAsync(report.Id, ct) is not { } document)
            {
                throw new CommandFailure($"{report.Reference} is {report.State}: it is frozen into a snapshot when it is submitted");
            }

            Console.WriteLine(JsonSerializer.Serialize(new SnapshotView(report.Reference, report.SubmittedAt!.Value, report.SnapshotDigest, document), Indented));
            return StewardCommandLine.Success;
        }));
        return command;
    }

    private static JsonSerializerOptions CreateJson()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true };
        StewardWebHost.ConfigureJson(options);
        return options;
    }
}
