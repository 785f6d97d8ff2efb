using System.CommandLine;
using System.Globalization;
using Steward.Scheduling;
using Steward.Scheduling.Mspdi;

namespace Steward.Cli;

// steward plan schedule: a Microsoft Project XML file scheduled by Steward's critical-path scheduler,
// task by task, and (--compare) set against the dates Microsoft Project saved in the file. Needs no
// database. Storing plans per unit (import, export, baselines) is not built yet.
internal static class PlanCommand
{
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
                throw new FluentValidation.ValidationException([new FluentValidation.Results.ValidationFailure("--file", $"--file: no file at {path}")]);
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
        return new Command("plan", "Plans: schedule a Microsoft Project file with Steward's critical-path scheduler.") { schedule };
    }

    // Dates are compared as moments of work: Microsoft Project writes the same late finish as 17:00 or as
    // 08:00 of the next working day depending on its version.
    private static int CompareWithMicrosoftProject(MspdiProject project, Schedule result)
    {
        var timeline = new WorkingTimeline(project.Calendar, DateOnly.FromDateTime(project.Start));
        var differences = 0;
        var compared = 0;
        foreach (var task in project.Tasks.Where(t => t.Computed is not null))
        {
            compared++;
            var ms = task.Computed!;
            var ours = result[task.Id];
            var fields = new (string Name, long Theirs, long Ours)[]
            {
                ("early start", timeline.OffsetOf(ms.EarlyStart), timeline.OffsetOf(ours.EarlyStart)),
                ("early finish", timeline.OffsetOf(ms.EarlyFinish), timeline.OffsetOf(ours.EarlyFinish)),
                ("late start", timeline.OffsetOf(ms.LateStart), timeline.OffsetOf(ours.LateStart)),
                ("late finish", timeline.OffsetOf(ms.LateFinish), timeline.OffsetOf(ours.LateFinish)),
                ("total slack (minutes)", ms.TotalSlackMinutes, ours.TotalFloat),
                ("critical", ms.Critical ? 1 : 0, ours.Critical ? 1 : 0),
            };
            foreach (var (name, theirs, mine) in fields.Where(f => f.Theirs != f.Ours))
            {
                differences++;
                Console.Error.WriteLine($"Task {task.Uid} ({task.Name}): {name} differs: Microsoft Project {theirs}, Steward {mine} (working minutes from the project's start)");
            }
        }

        if (differences > 0)
        {
            throw new CommandFailure($"{differences} differences from Microsoft Project over {compared} tasks.");
        }

        Console.WriteLine($"Every one of {compared} tasks matches the dates, slack and critical flag Microsoft Project saved.");
        return StewardCommandLine.Success;
    }

    private static string Show(DateTime at) => at.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static string Clip(string text) => text.Length <= 32 ? text : text[..31] + "…";
}
