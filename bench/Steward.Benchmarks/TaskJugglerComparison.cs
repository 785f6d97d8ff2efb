using System.Diagnostics;
using System.Globalization;
using System.Text;
using Steward.Scheduling;

namespace Steward.Benchmarks;

// Steward's scheduler beside TaskJuggler (tj3) on the same generated plan, without resources, on the
// Standard working week: every task's start and end must be the same moment of work, and the two
// times are reported. TaskJuggler has no finish-to-finish or start-to-finish links and no leads, so the
// plan uses finish-to-start and start-to-start links with gaps of 0 to 3 working days. TaskJuggler
// writes a start that follows a gap as 17:00 of the day before, so dates are compared as places on the
// working timeline, as with Microsoft Project.
public static class TaskJugglerComparison
{
    private static readonly DateTime Start = new(2027, 1, 4, 8, 0, 0);

    public static int Run(int tasks, string folder)
    {
        Directory.CreateDirectory(folder);
        var plan = Generate(tasks, new Random(7));
        var clock = Stopwatch.StartNew();
        var schedule = Scheduler.Run(plan);
        var stewardFirst = clock.Elapsed;
        clock.Restart();
        schedule = Scheduler.Run(plan);
        var stewardWarm = clock.Elapsed;

        var tjp = Path.Combine(folder, "plan.tjp");
        File.WriteAllText(tjp, TaskJugglerFile(plan, schedule.Finish.AddYears(1)));
        clock.Restart();
        using (var tj3 = Process.Start(new ProcessStartInfo("tj3", ["--no-color", "--silent", "plan.tjp"]) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true })!)
        {
            var errors = tj3.StandardError.ReadToEndAsync();
            tj3.StandardOutput.ReadToEnd();
            tj3.WaitForExit();
            if (tj3.ExitCode != 0)
            {
                Console.Error.WriteLine(errors.Result);
                return 1;
            }
        }

        var taskJuggler = clock.Elapsed;
        var timeline = new WorkingTimeline(plan.Calendar, DateOnly.FromDateTime(Start));
        var differences = 0;
        foreach (var line in File.ReadLines(Path.Combine(folder, "dates.csv")).Skip(1))
        {
            var cells = line.Split(';').Select(c => c.Trim('"')).ToArray();
            var ours = schedule[cells[0]];
            var (start, end) = (Parse(cells[1]), Parse(cells[2]));
            if (timeline.OffsetOf(start) != timeline.OffsetOf(ours.EarlyStart) || timeline.OffsetOf(end) != timeline.OffsetOf(ours.EarlyFinish))
            {
                if (differences++ < 10)
                {
                    Console.Error.WriteLine($"{cells[0]}: TaskJuggler {start:s} to {end:s}, Steward {ours.EarlyStart:s} to {ours.EarlyFinish:s}");
                }
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {tasks:N0} | {plan.Links.Count:N0} | {(differences == 0 ? "identical" : $"{differences} differ")} | {stewardWarm.TotalMilliseconds:0.0} ms ({stewardFirst.TotalMilliseconds:0} ms cold) | {taskJuggler.TotalSeconds:0.0} s | {taskJuggler / stewardWarm:N0} × |"));
        return differences == 0 ? 0 : 1;
    }

    // Projects of 1,000 tasks side by side (TaskJuggler's calendar ends in 2035, so the plan must not run
    // on for decades): tasks of 1 to 10 working days, every twentieth a milestone, each after one or
    // two of the 200 tasks before it in its project.
    private static Plan Generate(int count, Random random)
    {
        var tasks = new List<PlanTask>(count);
        var links = new List<PlanLink>(count * 2);
        for (var i = 0; i < count; i++)
        {
            tasks.Add(new PlanTask($"t{i}", $"Task {i}", Span.WorkingDays(i % 20 == 19 ? 0 : random.Next(1, 11))));
            var before = i % 1000;
            var predecessors = before == 0 ? 0 : random.Next(1, 3);
            foreach (var p in Enumerable.Range(0, predecessors).Select(_ => i - 1 - random.Next(Math.Min(before, 200))).Distinct())
            {
                var type = random.Next(4) == 0 ? LinkType.StartToStart : LinkType.FinishToStart;
                links.Add(new PlanLink($"t{p}", $"t{i}", type, Span.WorkingDays(random.Next(0, 4))));
            }
        }

        return new Plan(Start, WorkCalendar.Standard(), tasks, links);
    }

    private static string TaskJugglerFile(Plan plan, DateTime end)
    {
        var tjp = new StringBuilder();
        tjp.AppendLine(CultureInfo.InvariantCulture, $"project p \"Comparison\" {Start:yyyy-MM-dd}-00:00-+0000 - {end:yyyy-MM-dd}-00:00-+0000 {{");
        tjp.AppendLine("  timezone \"UTC\"\n  workinghours mon - fri 8:00 - 12:00, 13:00 - 17:00\n  workinghours sat, sun off\n  dailyworkinghours 8\n}");
        var predecessors = plan.Links.ToLookup(l => l.SuccessorId);
        foreach (var task in plan.Tasks)
        {
            tjp.Append(CultureInfo.InvariantCulture, $"task {task.Id} \"{task.Name}\" {{ ");
            var links = predecessors[task.Id].ToList();
            if (links.Count == 0)
            {
                tjp.Append(CultureInfo.InvariantCulture, $"start {Start:yyyy-MM-dd-HH:mm} ");
            }
            else
            {
                tjp.Append("depends ").AppendJoin(", ", links.Select(l =>
                    $"{l.PredecessorId} {{{(l.Type == LinkType.StartToStart ? " onstart" : "")}{(l.Lag.Minutes > 0 ? $" gaplength {l.Lag.Minutes / 480}d" : "")} }}")).Append(' ');
            }

            tjp.AppendLine(task.Duration.Minutes == 0 ? "milestone }" : string.Create(CultureInfo.InvariantCulture, $"length {task.Duration.Minutes / 480}d }}"));
        }

        tjp.AppendLine("taskreport dates \"dates\" {\n  formats csv\n  columns id, start, end\n  timeformat \"%Y-%m-%dT%H:%M\"\n}");
        return tjp.ToString();
    }

    private static DateTime Parse(string text) => DateTime.ParseExact(text, "yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
}
