using System.CommandLine;
using System.Globalization;
using Steward.Cli;
using Steward.Scheduling.Mspdi;
using Steward.Scheduling;

namespace Steward.Features.Plans;

// steward plan schedule: a Microsoft Project XML file scheduled by Steward's critical-path scheduler,
// task by task, and (--compare) set against the dates Microsoft Project saved in the file. Needs no
// database. steward plan import|export: a unit's stored plan from and to Microsoft Project XML, and
// export to .xlsx or .csv.
internal static class PlanCommand
{
    private static readonly Option<string> Unit = new("--unit") { Description = "The unit's code or id.", Required = true };
    private static readonly Option<string> Output = new("--output") { Description = "The file to write (an existing file is replaced).", Required = true };
    private static readonly Option<string?> Format = new("--format") { Description = "xml (Microsoft Project XML), xlsx or csv; by default taken from the output file's extension." };

    private static readonly Option<string> File = new("--file") { Description = "A Microsoft Project XML (MSPDI) file.", Required = true };
    private static readonly Option<bool> Compare = new("--compare") { Description = "Check every task's early and late dates, total slack and critical flag against what Microsoft Project saved in the file (exit 1 on any difference)." };

    public static Command Create()
    {
        var schedule = new Command("schedule", "Schedule a Microsoft Project XML file: early and late dates, total float and the critical path of every task.") { File, Compare };
        schedule.SetAction((parse, ct) =>
        {
            var path = parse.GetValue(File)!;
            if (!System.IO.File.Exists(path))
            {
                throw new FluentValidation.ValidationException([new FluentValidation.Results.ValidationFailure("--file", $"no file at {path}")]);
            }

            if (new FileInfo(path).Length > MspdiReader.MaxBytes)
            {
                throw new CommandFailure($"{path}: the file is larger than {MspdiReader.MaxBytes / 1024 / 1024} MB.");
            }

            MspdiProject project;
            Schedule result;
            try
            {
                using var stream = System.IO.File.OpenRead(path);
                project = MspdiReader.Read(stream);
                result = Scheduler.Run(project.ToPlan());
            }
            catch (PlanException bad)
            {
                throw new CommandFailure($"{path}: {bad.Message}");
            }

            Console.WriteLine($"{project.Name ?? Path.GetFileName(path)}: {project.Tasks.Count:N0} tasks, {project.Links.Count:N0} links, calendar {project.Calendar.Name}; from {Show(result.Start)} to {Show(result.Finish)}.");
            if (project.StatusDate is { } status)
            {
                Console.WriteLine($"Status date {status.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}: work not done by the end of it is scheduled after it.");
            }

            Console.WriteLine($"{"Task",-6} {"Name",-32} {"Early start",-17} {"Early finish",-17} {"Late start",-17} {"Late finish",-17} {"Float (days)",12}  Critical");
            foreach (var task in project.Tasks)
            {
                var s = result[task.Id];
                var days = (s.TotalFloat / (double)project.MinutesPerDay).ToString("0.##", CultureInfo.InvariantCulture);
                Console.WriteLine($"{task.Uid,-6} {Clip(new string(' ', Math.Max(0, task.OutlineLevel - 1) * 2) + task.Name),-32} {Show(s.EarlyStart),-17} {Show(s.EarlyFinish),-17} {Show(s.LateStart),-17} {Show(s.LateFinish),-17} {days,12}  {(s.Critical ? "yes" : "")}");
            }

            foreach (var critical in result.CriticalPaths)
            {
                Console.WriteLine($"Critical path: {string.Join(" → ", critical.Select(id => project.Tasks.First(t => t.Id == id).Name + $" ({id})"))}");
            }

            return Task.FromResult(parse.GetValue(Compare) ? CompareWithMicrosoftProject(project, result) : StewardCommandLine.Success);
        });
        var import = new Command("import", "Import a Microsoft Project XML file into a unit's plan. Tasks are matched by UID, so a second import updates the plan.") { Unit, File };
        import.SetAction((parse, ct) => CliHost.WithServicesAsync(parse, async services =>
        {
            var path = parse.GetValue(File)!;
            if (!System.IO.File.Exists(path))
            {
                throw new FluentValidation.ValidationException([new FluentValidation.Results.ValidationFailure("--file", $"no file at {path}")]);
            }

            await using var stream = System.IO.File.OpenRead(path);
            var result = await services.GetRequiredService<Features.Plans.MicrosoftProjectImport>().ImportAsync(parse.GetValue(Unit)!, stream, ct);
            Console.WriteLine($"Imported {result.Tasks:N0} tasks ({result.Milestones:N0} milestones) and {result.Links:N0} links into {parse.GetValue(Unit)}: {result.Added:N0} added, {result.Updated:N0} updated, {result.Removed:N0} removed.");
            if (result.CrossUnitLinks > 0)
            {
                Console.WriteLine($"The plan has {result.CrossUnitLinks:N0} link{(result.CrossUnitLinks == 1 ? "" : "s")} to tasks of other units' plans.");
            }

            foreach (var left in result.LeftOut)
            {
                Console.WriteLine($"Left out: {left}");
            }

            if (result.ComparedWithMicrosoftProject > 0)
            {
                Console.WriteLine(result.Differences.Count == 0
                    ? $"Steward's schedule matches Microsoft Project's on all {result.ComparedWithMicrosoftProject:N0} tasks it had scheduled."
                    : $"Steward's schedule differs from Microsoft Project's in {result.Differences.Count:N0} places; the first: {result.Differences[0]}");
            }

            return StewardCommandLine.Success;
        }));

        var export = new Command("export", "Write a unit's plan as Microsoft Project XML (with Steward's schedule and baselines), or its plan table as .xlsx or .csv.") { Unit, Output, Format };
        export.SetAction((parse, ct) => CliHost.WithServicesAsync(parse, async services =>
        {
            var output = parse.GetValue(Output)!;
            var format = (parse.GetValue(Format) ?? Path.GetExtension(output)).Trim().TrimStart('.').ToLowerInvariant();
            var queries = services.GetRequiredService<Features.Plans.PlanQueries>();
            var unit = await queries.RequireReadableUnitAsync(parse.GetValue(Unit)!, ct);
            if (format is "xml" or "mspdi")
            {
                await using var xml = System.IO.File.Create(output);
                await queries.WriteMspdiAsync(unit, xml, ct);
            }
            else if (format is "xlsx" or "csv")
            {
                var spreadsheet = Infrastructure.Spreadsheets.SpreadsheetFormats.Parse("--format", format);
                var plan = await queries.PlanAsync(unit, null, ct);
                await using var file = System.IO.File.Create(output);
                await Infrastructure.Spreadsheets.SpreadsheetWriter.WriteAsync(file, spreadsheet, "Plan", Features.Plans.PlanSpreadsheets.TaskColumns, plan.Tasks, ct);
            }
            else
            {
                throw new FluentValidation.ValidationException([new FluentValidation.Results.ValidationFailure("--format", $"must be xml, xlsx or csv, not {format}")]);
            }

            Console.WriteLine($"Wrote the plan of {unit.Code} to {output}.");
            return StewardCommandLine.Success;
        }));
        return new Command("plan", "Plans: import and export a unit's plan (Microsoft Project XML, .xlsx, .csv); schedule a Microsoft Project file with Steward's critical-path scheduler.") { schedule, import, export };
    }

    private static int CompareWithMicrosoftProject(MspdiProject project, Schedule result)
    {
        var comparison = MicrosoftProjectComparison.Compare(project, result);
        foreach (var difference in comparison.Differences)
        {
            Console.Error.WriteLine(difference);
        }

        if (comparison.Differences.Count > 0)
        {
            throw new CommandFailure($"{comparison.Differences.Count} differences from Microsoft Project over {comparison.Compared} tasks.");
        }

        Console.WriteLine($"Every one of {comparison.Compared} tasks matches the dates, slack and critical flag Microsoft Project saved.");
        return StewardCommandLine.Success;
    }

    private static string Show(DateTime at) => at.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static string Clip(string text) => text.Length <= 32 ? text : text[..31] + "…";
}
