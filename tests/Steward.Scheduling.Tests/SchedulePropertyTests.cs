using CsCheck;

namespace Steward.Scheduling.Tests;

// Random plans (no constraints, any link type, leads and lags): whatever the network, no task starts
// before its links allow, float is never negative, and the critical path is connected from the
// project's start to its finish.
public sealed class SchedulePropertyTests
{
    private static readonly DateTime Monday = new(2027, 1, 4, 8, 0, 0);

    // Links only run from an earlier task to a later one, so every plan is free of cycles.
    private static readonly Gen<Plan> Plans =
        from count in Gen.Int[2, 40]
        from durations in Gen.Int[0, 10].Array[count]
        from links in Gen.Select(Gen.Int[0, count - 1], Gen.Int[0, count - 1], Gen.Int[0, 3], Gen.Int[-3, 5]).Array[0, count * 2]
        select new Plan(
            Monday,
            WorkCalendar.Standard(),
            [.. durations.Select((days, i) => new PlanTask($"T{i}", $"Task {i}", Span.WorkingDays(days)))],
            [.. links.Where(l => l.Item1 != l.Item2).Select(l => new PlanLink(
                $"T{Math.Min(l.Item1, l.Item2)}", $"T{Math.Max(l.Item1, l.Item2)}", (LinkType)l.Item3, Span.WorkingDays(l.Item4)))]);

    [Fact]
    public void NoTaskStartsBeforeItsLinksAllow() =>
        Plans.Sample(plan =>
        {
            var (schedule, timeline) = Run(plan);
            foreach (var link in plan.Links)
            {
                Assert.True(Slack(link, schedule, timeline) >= 0, $"{link}: {schedule[link.PredecessorId]} then {schedule[link.SuccessorId]}");
            }
        });

    [Fact]
    public void FloatIsNeverNegative_WithoutAConstraint() =>
        Plans.Sample(plan =>
        {
            var (schedule, _) = Run(plan);
            Assert.All(schedule.Tasks, t => Assert.True(t.TotalFloat >= 0 && t.FreeFloat >= 0 && t.FreeFloat <= t.TotalFloat, t.ToString()));
        });

    [Fact]
    public void TheCriticalPath_RunsUnbrokenFromTheStartToTheFinish() =>
        Plans.Sample(plan =>
        {
            var (schedule, timeline) = Run(plan);
            var start = timeline.OffsetOf(plan.Start);
            var finish = timeline.OffsetOf(schedule.Finish);
            var critical = schedule.Tasks.Where(t => t.Critical).ToList();
            Assert.Contains(critical, t => timeline.OffsetOf(t.EarlyFinish) == finish);
            foreach (var task in critical)
            {
                // Each critical task either starts the project or is driven, with no slack, by a critical predecessor.
                var driven = plan.Links.Any(l => l.SuccessorId == task.Id && schedule[l.PredecessorId].Critical && Slack(l, schedule, timeline) == 0);
                Assert.True(driven || timeline.OffsetOf(task.EarlyStart) == start, $"{task.Id} is critical but nothing critical drives it");
            }
        });

    private static (Schedule, WorkingTimeline) Run(Plan plan) =>
        (Scheduler.Run(plan), new WorkingTimeline(plan.Calendar, DateOnly.FromDateTime(plan.Start)));

    // How much later the successor could be placed than the link requires, in working minutes.
    private static long Slack(PlanLink link, Schedule schedule, WorkingTimeline timeline)
    {
        var p = schedule[link.PredecessorId];
        var s = schedule[link.SuccessorId];
        long Of(DateTime at) => timeline.OffsetOf(at);
        return link.Type switch
        {
            LinkType.FinishToStart => Of(s.EarlyStart) - (Of(p.EarlyFinish) + link.Lag.Minutes),
            LinkType.StartToStart => Of(s.EarlyStart) - (Of(p.EarlyStart) + link.Lag.Minutes),
            LinkType.FinishToFinish => Of(s.EarlyFinish) - (Of(p.EarlyFinish) + link.Lag.Minutes),
            _ => Of(s.EarlyFinish) - (Of(p.EarlyStart) + link.Lag.Minutes),
        };
    }
}
