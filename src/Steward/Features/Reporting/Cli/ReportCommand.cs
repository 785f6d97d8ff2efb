using System.CommandLine;
using System.Text.Json;
using Steward.Cli;
using Steward.Infrastructure;

namespace Steward.Features.Reporting.Cli;

// steward report: status reports from the command line, acting as the operator: what is due, a report
// and its frozen figures, and each step of the workflow.
internal static class ReportCommand
{
    private static readonly Option<string> Unit = new("--unit") { Description = "The unit (code or id).", Required = true };
    private static readonly Option<string> Reference = new("--reference") { Description = "The report (SR-0012).", Required = true };
    private static readonly Option<string?> Period = new("--period") { Description = "A period of the unit's cadence (2026-11, 2026-Q4, 2026-W49); default the last ended." };
    private static readonly Option<string?> Comment = new("--comment") { Description = "Why it is returned: what must change." };
    private static readonly Option<bool> Json = new("--json") { Description = "Print the whole report, with its figures, as JSON." };
    private static readonly Option<FileInfo> Output = new("--output") { Description = "Where to write the board pack's PDF.", Required = true };

    private static readonly JsonSerializerOptions Indented = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Command Create()
    {
        var command = new Command("report", "Status reports: what is due, a report with its figures, its workflow (draft, submit, approve, return), its snapshot; the dashboard, exceptions and board packs.")
        {
            Due(), Show(), Draft(), Step("submit", "Submit a draft or returned report: freezes the figures it quotes."),
            Step("approve", "Approve a submitted report."), Step("return", "Return a submitted report to its author with --comment."), Pack(),
        };
        foreach (var view in ReportViewCommands.Create())
        {
            command.Add(view);
        }

        return command;
    }

    private static Command Due()
    {
        var command = new Command("due", "Reports due and late at and below a unit (the last three ended periods of every open programme and project).") { Unit };
        command.SetAction((parse, ct) => CliHost.WithServicesAsync(parse, async services =>
        {
            var queries = services.GetRequiredService<ReportQueries>();
            var due = await queries.DueAsync(await queries.RequireReadableUnitAsync(parse.GetValue(Unit)!, ct), ct);
            Console.WriteLine($"{due.UnitsReporting:N0} programmes and projects report: {due.Late:N0} late, {due.Due:N0} due.");
            foreach (var d in due.Reports)
            {
                Console.WriteLine($"{d.Unit.Code,-14} {d.Period,-9} due {d.DueOn:yyyy-MM-dd}{(d.Late ? " LATE" : "     ")}  {d.Reference ?? "-",-8} {d.State}");
            }

            return StewardCommandLine.Success;
        }));
        return command;
    }

    private static Command Show()
    {
        var command = new Command("show", "A report: its state, ratings and words; with --json, everything it quotes.") { Unit, Reference, Json };
        command.SetAction((parse, ct) => CliHost.WithServicesAsync(parse, async services =>
        {
            var queries = services.GetRequiredService<ReportQueries>();
            var report = await queries.ReportAsync(await queries.RequireReadableUnitAsync(parse.GetValue(Unit)!, ct), parse.GetValue(Reference)!, ct);
            if (parse.GetValue(Json))
            {
                Console.WriteLine(JsonSerializer.Serialize(report, Indented));
                return StewardCommandLine.Success;
            }

            Console.WriteLine($"{report.Reference} {report.Unit.Code} {report.PeriodDescription} ({report.Period}), edition {report.Edition}: {report.State}");
            Console.WriteLine($"DCA: {report.Dca?.Label ?? "not rated"}{(report.Dca?.Justification is { } why ? $" ({why})" : "")}");
            foreach (var d in report.Dimensions)
            {
                Console.WriteLine($"  {d.Dimension,-10} {d.Rating ?? "-",-6} {d.Justification}");
            }

            Console.WriteLine($"Figures: {(report.FactsFrozen ? $"frozen at submission, SHA-256 {report.SnapshotDigest}" : "live")}");
            Console.WriteLine($"Summary: {report.Summary ?? "not written"}");
            return StewardCommandLine.Success;
        }));
        return command;
    }

    private static Command Draft()
    {
        var command = new Command("draft", "Draft a unit's report for a period, pre-filled from live data.") { Unit, Period };
        command.SetAction((parse, ct) => CliHost.WithServicesAsync(parse, async services =>
        {
            var queries = services.GetRequiredService<ReportQueries>();
            var unit = await queries.RequireReadableUnitAsync(parse.GetValue(Unit)!, ct);
            var period = parse.GetValue(Period) ?? (await queries.CycleAsync(unit, ct)).LastEndedPeriod;
            var report = await services.GetRequiredService<StatusReportService>().DraftAsync(unit.Id.ToString(), new DraftRequest(period), ct);
            Console.WriteLine($"Drafted {report.Reference} for {unit.Code}, {report.Period}.");
            return StewardCommandLine.Success;
        }));
        return command;
    }

    private static Command Pack()
    {
        var command = new Command("pack", "Print a unit's board pack for a period to a PDF, as the server does (needs Chromium).") { Unit, Period, Output };
        command.SetAction((parse, ct) => CliHost.WithServicesAsync(parse, async services =>
        {
            var printer = services.GetRequiredService<BoardPacks.BoardPackPrinter>();
            if (printer.Unavailable is { } why)
            {
                throw new CommandFailure(why);
            }

            var queries = services.GetRequiredService<ReportQueries>();
            var contents = services.GetRequiredService<BoardPacks.BoardPackContents>();
            var unit = await queries.RequireReadableUnitAsync(parse.GetValue(Unit)!, ct);
            var period = await contents.PeriodAsync(unit, parse.GetValue(Period), ct);
            var content = await contents.GatherAsync(unit, period, ct: ct);
            var pdf = await printer.PrintAsync(await printer.RenderAsync(content), content, ct);
            var output = parse.GetValue(Output)!;
            await File.WriteAllBytesAsync(output.FullName, pdf, ct);
            Console.WriteLine($"Wrote the board pack of {unit.Code} for {period.Describe()} to {output.FullName}: {content.Reports.Count(r => r.Report is not null)} of {content.Reports.Count} units below reported, {pdf.Length:N0} bytes.");
            return StewardCommandLine.Success;
        }));
        return command;
    }

    private static Command Step(string name, string description)
    {
        var command = new Command(name, description) { Unit, Reference };
        if (name == "return")
        {
            command.Add(Comment);
        }

        command.SetAction((parse, ct) => CliHost.WithServicesAsync(parse, async services =>
        {
            var queries = services.GetRequiredService<ReportQueries>();
            var service = services.GetRequiredService<StatusReportService>();
            var report = await queries.ReportAsync(await queries.RequireReadableUnitAsync(parse.GetValue(Unit)!, ct), parse.GetValue(Reference)!, ct);
            var done = name switch
            {
                "submit" => await service.SubmitAsync(report.Id, report.Version, ct),
                "approve" => await service.ApproveAsync(report.Id, report.Version, ct),
                _ => await service.ReturnAsync(report.Id, report.Version, new ReturnRequest(parse.GetValue(Comment)), ct),
            };
            Console.WriteLine($"{done.Reference} is {EnumText.Of(done.State)}.");
            return StewardCommandLine.Success;
        }));
        return command;
    }
}
