using Steward.Scheduling;

namespace Steward.Benchmarks;

// A large plan shaped like a portfolio's: projects of a thousand tasks, in workstreams of a hundred under
// summary tasks; each task waits on a couple of earlier tasks of its project (mostly finish-to-start,
// some start-to-start, finish-to-finish and start-to-finish, with leads and lags); a milestone every
// twenty tasks; one link in a hundred reaches into the previous project.
public static class SyntheticPlan
{
    public static Plan Generate(int tasks, int linksPerTask, int seed)
    {
        var random = new Random(seed);
        var start = new DateTime(2027, 4, 5, 8, 0, 0);
        var list = new List<PlanTask>(tasks + tasks / 100 + 1);
        var links = new List<PlanLink>(tasks * linksPerTask);
        string? stream = null;
        for (var i = 0; i < tasks; i++)
        {
            if (i % 100 == 0)
            {
                stream = $"S{i / 100}";
                list.Add(new PlanTask(stream, $"Workstream {i / 100}", default));
            }

            var days = i % 20 == 19 ? 0 : random.Next(1, 21);
            list.Add(new PlanTask($"T{i}", $"Task {i}", Span.WorkingDays(days)) { ParentId = stream });
            for (var l = 0; l < linksPerTask && i > 0; l++)
            {
                var project = i / 1000 * 1000;
                var reach = random.Next(100) == 0 && project >= 1000 ? i - project + 1000 : Math.Min(i - project, 300);
                if (reach == 0)
                {
                    break;
                }

                var predecessor = i - 1 - random.Next(reach);
                var roll = random.Next(100);
                var type = roll < 80 ? LinkType.FinishToStart : roll < 90 ? LinkType.StartToStart : roll < 97 ? LinkType.FinishToFinish : LinkType.StartToFinish;
                links.Add(new PlanLink($"T{predecessor}", $"T{i}", type, Span.WorkingDays(random.Next(-2, 6))));
            }
        }

        return new Plan(start, WorkCalendar.Standard(), list, links);
    }
}
