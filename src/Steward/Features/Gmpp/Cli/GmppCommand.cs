using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Steward.Cli;
using Steward.Features.Reporting;
using Steward.Infrastructure;
using Steward.Infrastructure.Spreadsheets;

namespace Steward.Features.Gmpp.Cli;

// steward gmpp import|show|set: a department's published GMPP files in, a unit's GMPP data out, its entry set.
internal static class GmppCommand
{
    private static readonly Option<string> Under = new("--under") { Description = "The portfolio or programme that receives projects no unit holds yet.", Required = true };
    private static readonly Option<string[]> Files = new("--file") { Description = "A published GMPP file (.csv or .xlsx, any year). Repeatable: each file is imported whole or not at all.", Required = true, AllowMultipleArgumentsPerToken = true };
    private static readonly Option<string?> AsAt = new("--as-at") { Description = "The date the data stands at (31 March or 30 September, yyyy-mm-dd), when the file does not say it." };
    private static readonly Option<bool> DryRun = new("--dry-run") { Description = "Check the files and say what importing them would do, writing nothing." };
    private static readonly Option<bool> Confirm = new("--confirm") { Description = "Import although projects are matched to units by name or values will be kept as published text (see a dry run first)." };
    private static readonly Option<string> Unit = new("--unit") { Description = "The unit (code or id).", Required = true };
    private static readonly Option<bool> Json = new("--json") { Description = "Print it as JSON, as the API answers it." };
    private static readonly Option<string?> GmppId = new("--gmpp-id") { Description = "The GMPP id as published (DFT_0048_2021-Q3)." };
    private static readonly Option<string?> Category = new("--category") { Description = "The annual report category." };
    private static readonly Option<string?> Department = new("--department") { Description = "The department's code." };
    private static readonly Option<string?> Joined = new("--joined") { Description = "When it joined the GMPP (yyyy-mm-dd)." };
    private static readonly Option<string?> Left = new("--left") { Description = "When it left the GMPP (yyyy-mm-dd)." };

    private static readonly Option<string> ReturnAsAt = new("--as-at") { Description = "The snapshot date of the return: 31 March or 30 September (yyyy-mm-dd).", Required = true };
    private static readonly Option<string?> Layout = new("--layout") { Description = "The published layout: 2024 (19 columns, the default) or 2021 (16 columns)." };
    private static readonly Option<string> Format = new("--format") { Description = "csv (UTF-8 with BOM, as published; the default) or xlsx.", DefaultValueFactory = _ => "csv" };
    private static readonly Option<string?> ReturnUnit = new("--unit") { Description = "The portfolio or programme (code or id); without it, the whole department." };
    private static readonly Option<string> Out = new("--out") { Description = "The file to write.", Required = true };

    public static Command Create() => new("gmpp", "The Government Major Projects Portfolio: import published GMPP files, show a unit's GMPP data, set its GMPP entry, produce the return.") { Import(), Show(), Set(), Export() };

    // steward gmpp export: the return of a unit and the GMPP units below it, checked first; refused while it has problems.
    private static Command Export()
    {
        var command = new Command("export", "Produce the GMPP return of a portfolio (or programme) and every GMPP unit below it for a snapshot date, from Steward's data; every problem is listed and nothing is written until there are none.") { ReturnUnit, ReturnAsAt, Layout, Format, Out };
        command.SetAction((parse, ct) => CliHost.WithServicesAsync(parse, async services =>
        {
            var format = SpreadsheetFormats.Parse("--format", parse.GetValue(Format));
            var built = await services.GetRequiredService<GmppReturns>().BuildAsync(parse.GetValue(ReturnUnit), Date("--as-at", parse.GetValue(ReturnAsAt))!.Value, GmppReturnLayouts.Parse(parse.GetValue(Layout)), ct);
            if (built.Problems.Count > 0)
            {
                foreach (var problem in built.Problems)
                {
                    Console.Error.WriteLine($"{problem.Unit}, {problem.Column}: {problem.Message}");
                }

                throw new CommandFailure($"The return of {built.Scope.Code} as at {built.AsAt:d MMMM yyyy} has {built.Problems.Count} problems; nothing was written.");
            }

            var path = parse.GetValue(Out)!;
            await using (var output = File.Create(path))
            {
                await GmppReturnFile.WriteAsync(output, format, built, ct);
            }

            Console.WriteLine($"Wrote the GMPP return of {built.Scope.Code} as at {built.AsAt:d MMMM yyyy} ({built.Rows.Count:N0} units, {built.Headings.Count} columns) to {path}.");
            return StewardCommandLine.Success;
        }));
        return command;
    }

    private static Command Import()
    {
        var command = new Command("import", "Import a department's published GMPP files (2013-2020 one column per project, 2021 on one row per project) as each year's snapshot.") { Under, Files, AsAt, DryRun, Confirm };
        command.SetAction((parse, ct) => CliHost.WithServicesAsync(parse, async services =>
        {
            var asAt = Date("--as-at", parse.GetValue(AsAt));
            var failed = 0;
            foreach (var path in parse.GetValue(Files)!)
            {
                if (!File.Exists(path))
                {
                    throw new FluentValidation.ValidationException([new FluentValidation.Results.ValidationFailure("--file", $"no file at {path}")]);
                }

                await using var stream = File.OpenRead(path);
                await using var scope = services.CreateAsyncScope();
                try
                {
                    var report = await scope.ServiceProvider.GetRequiredService<GmppImport>().ImportAsync(stream,
                        new GmppImportRequest(Path.GetFileName(path), parse.GetValue(Under), asAt, parse.GetValue(DryRun), parse.GetValue(Confirm)), ct);
                    Print(report);
                    failed += report.Refused ? 1 : 0;
                }
                catch (UnreadableSpreadsheetException unreadable)
                {
                    Console.Error.WriteLine($"{path}: {unreadable.Message}");
                    failed++;
                }
                catch (FluentValidation.ValidationException invalid)
                {
                    Console.Error.WriteLine(string.Join(Environment.NewLine, invalid.Errors.Select(e => $"{Path.GetFileName(path)}: {Option(e.PropertyName)}: {e.ErrorMessage}")));
                    failed++;
                }
            }

            return failed == 0 ? StewardCommandLine.Success : throw new CommandFailure($"{failed} of {parse.GetValue(Files)!.Length} files were not imported.");
        }));
        return command;
    }

    private static void Print(GmppImportReport report)
    {
        Console.WriteLine($"{report.File}: {report.Layout.ToString().ToLowerInvariant()} layout{(report.Encoding is null ? string.Empty : $", {report.Encoding}")}, data as at {report.AsAt:d MMMM yyyy}"
            + $"{(report.FinancialYear is null ? string.Empty : $" (financial year {report.FinancialYear})")}, DCA on the {DeliveryConfidence.Label(report.DcaScale)} scale.");
        Console.WriteLine($"  {report.Projects.Count:N0} projects: {Count(report.Projects, GmppMatch.GmppId)} matched by GMPP id, {Count(report.Projects, GmppMatch.PublishedName)} by an earlier file's name, "
            + $"{report.MatchedByName:N0} by a unit's name (to confirm), {report.NewUnits:N0} new; {report.Added:N0} snapshots to add, {report.Changed:N0} to change, {report.Unchanged:N0} unchanged.");
        Console.WriteLine($"  {report.ValuesWithheld:N0} values withheld under an exemption and {report.ValuesNotGiven:N0} not given by the department, kept in their words.");
        foreach (var project in report.Projects.Where(p => p.Match == GmppMatch.UnitName))
        {
            Console.WriteLine($"  To confirm: {project.Where} '{project.Name}' is taken to be {project.UnitCode}.");
        }

        foreach (var finding in report.Findings)
        {
            Console.WriteLine($"  {(finding.Refuses ? "Must be corrected" : "Kept as published")}: {finding.Where} ({finding.Project}), {finding.Field}: {finding.Message}");
        }

        if (report.FindingCount > report.Findings.Count)
        {
            Console.WriteLine($"  ...and {report.FindingCount - report.Findings.Count:N0} more.");
        }

        Console.WriteLine(report.Refused ? "  Nothing was imported: correct the values above first."
            : report.Written ? $"  Imported: {report.Added:N0} snapshots added, {report.Changed:N0} changed, {report.NewUnits:N0} units created."
            : "  Dry run: nothing was written.");
    }

    private static Command Show()
    {
        var command = new Command("show", "A unit's GMPP entry and its published data by snapshot date.") { Unit, Json };
        command.SetAction((parse, ct) => CliHost.WithServicesAsync(parse, async services =>
        {
            var queries = services.GetRequiredService<GmppQueries>();
            var view = await queries.UnitAsync(await queries.RequireReadableUnitAsync(parse.GetValue(Unit)!, ct), ct);
            if (parse.GetValue(Json))
            {
                var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true };
                StewardWebHost.ConfigureJson(options);
                Console.WriteLine(JsonSerializer.Serialize(view, options));
                return StewardCommandLine.Success;
            }

            var m = view.Membership;
            Console.WriteLine(m is null ? $"{view.Unit.Code} is not marked as on the GMPP." : $"{view.Unit.Code}: GMPP id {m.GmppId ?? "not recorded"}, {m.CategoryLabel ?? "no category"}, department {m.Department ?? "not recorded"}"
                + $"{(m.Joined is { } j ? $", joined {j:d MMMM yyyy}" : string.Empty)}{(m.Left is { } l ? $", left {l:d MMMM yyyy}" : string.Empty)}.");
            foreach (var s in view.Snapshots)
            {
                Console.WriteLine($"  {s.AsAt:yyyy-MM-dd}  DCA {(s.IpaDca is { } d ? DeliveryConfidence.Label(d) : s.NoteOn(GmppField.IpaDca)?.Text ?? "-"),-12}  end {s.End?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-",-10}"
                    + $"  whole-life £{(s.WholeLifeCost is { } w ? w.ToString("N2", CultureInfo.InvariantCulture) + "m" : s.NoteOn(GmppField.WholeLifeCost)?.Kind.ToString() ?? "-")}");
            }

            return StewardCommandLine.Success;
        }));
        return command;
    }

    private static Command Set()
    {
        var command = new Command("set", "Mark a unit as on the GMPP, or change its entry.") { Unit, GmppId, Category, Department, Joined, Left };
        command.SetAction((parse, ct) => CliHost.WithServicesAsync(parse, async services =>
        {
            var queries = services.GetRequiredService<GmppQueries>();
            var unit = await queries.RequireReadableUnitAsync(parse.GetValue(Unit)!, ct);
            var current = (await queries.UnitAsync(unit, ct)).Membership;
            await services.GetRequiredService<GmppMembershipService>().SetAsync(unit.Id.ToString(), current?.Version,
                new GmppMembershipInput(parse.GetValue(GmppId) ?? current?.GmppId, parse.GetValue(Category) ?? current?.Category?.ToString(), parse.GetValue(Department) ?? current?.Department,
                    Date("--joined", parse.GetValue(Joined)) ?? current?.Joined, Date("--left", parse.GetValue(Left)) ?? current?.Left), ct);
            Console.WriteLine($"The GMPP entry of {unit.Code} has been saved.");
            return StewardCommandLine.Success;
        }));
        return command;
    }

    private static int Count(IReadOnlyList<GmppImportProject> projects, GmppMatch match) => projects.Count(p => p.Match == match);

    // An option's name for a field of the request; a place in the file (row 145 (NO2 Reduction), Department) as it is.
    private static string Option(string property) => property switch
    {
        "asAt" => "--as-at",
        "file" => "--file",
        "under" => "--under",
        "confirm" => "--confirm",
        _ => property,
    };

    private static DateOnly? Date(string option, string? text) => text is null ? null
        : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date
        : throw new FluentValidation.ValidationException([new FluentValidation.Results.ValidationFailure(option, $"'{text}' is not a date (yyyy-mm-dd)")]);
}
