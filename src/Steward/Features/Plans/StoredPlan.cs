using System.Globalization;
using Steward.Scheduling;
using Steward.Scheduling.Mspdi;

namespace Steward.Features.Plans;

// The stored plan as the scheduler and Microsoft Project files see it.
public static class StoredPlan
{
    public static string IdOf(int uid) => uid.ToString(CultureInfo.InvariantCulture);

    // Microsoft Project's duration format for a duration typed in Steward: days (7) or elapsed days (8).
    public static int DurationFormat(bool elapsed) => elapsed ? 8 : 7;

    // The stored format, unless it says working time for an elapsed duration or the reverse: tasks typed
    // in Steward before this was mended were stored with 27, which is no format Microsoft Project has.
    private static int DurationFormatOf(PlannedTask task) =>
        MspdiReader.IsElapsed(task.DurationFormat) == task.DurationElapsed ? task.DurationFormat : DurationFormat(task.DurationElapsed);

    // Tasks in outline order; each one's parent is the nearest task above it at a shallower level.
    public static Plan ToSchedulerPlan(UnitPlan plan, IReadOnlyList<PlannedTask> ordered, WorkCalendar calendar)
    {
        var parents = new Stack<PlannedTask>();
        var tasks = new List<PlanTask>(ordered.Count);
        foreach (var task in ordered)
        {
            while (parents.Count > 0 && parents.Peek().OutlineLevel >= task.OutlineLevel)
            {
                parents.Pop();
            }

            tasks.Add(new PlanTask(IdOf(task.Uid), task.Name, new Span(task.DurationMinutes, task.DurationElapsed))
            {
                ParentId = parents.Count > 0 ? IdOf(parents.Peek().Uid) : null,
                Constraint = task.Constraint,
                ConstraintDate = task.ConstraintDate,
                Deadline = task.Deadline,
                ManualStart = task.Summary ? null : task.ManualStart,
                ActualStart = task.Summary ? null : task.ActualStart,
                ActualFinish = task.Summary ? null : task.ActualFinish,
                PercentComplete = task.PercentComplete,
            });
            parents.Push(task);
        }

        return new Plan(plan.Start, calendar, tasks, ToLinks(plan.Links)) { StatusDate = plan.StatusDate is { } day ? Plan.EndOf(day) : null };
    }

    public static List<PlanLink> ToLinks(IEnumerable<TaskLink> links) => links
        .OrderBy(l => l.SuccessorUid).ThenBy(l => l.PredecessorUid)
        .Select(l => new PlanLink(IdOf(l.PredecessorUid), IdOf(l.SuccessorUid), l.Type, new Span(l.LagMinutes, l.LagElapsed)))
        .ToList();

    // Tasks of other units' plans linked to this one are written as Microsoft Project's external tasks, one
    // per task, after the plan's own, numbered above them: those this plan waits on, and those waiting on
    // it. One waiting may start no later than its late start, as the linked schedule holds it, so that its
    // deadline counts in this plan's float in the file as it does in Steward.
    public static MspdiProject ToMspdi(UnitPlan plan, IReadOnlyList<PlannedTask> ordered, WorkCalendar calendar, IReadOnlyList<PlanBaseline> baselines, IReadOnlyList<ExternalLink> external)
    {
        var saved = baselines.SelectMany(b => b.Tasks.Select(t => (b.Number, Task: t))).ToLookup(x => x.Task.Uid);
        var tasks = ordered.Select(t => new MspdiTask(
            t.Uid, t.Name, t.OutlineLevel, t.Summary, t.Milestone, new Span(t.DurationMinutes, t.DurationElapsed), DurationFormatOf(t), t.Constraint, t.ConstraintDate,
            t.Deadline, t.ManualStart, t.PercentComplete, t.ActualStart, t.ActualFinish, null)
        {
            Resources = t.Resources,
            Baselines = saved[t.Uid].Select(b => new MspdiBaseline(b.Number, b.Task.Start, b.Task.Finish, b.Task.DurationMinutes)).ToList(),
        }).ToList();
        var links = ToLinks(plan.Links);
        var next = ordered.Count == 0 ? 1 : ordered.Max(t => t.Uid) + 1;
        foreach (var task in external.GroupBy(e => (e.UnitCode, e.Uid)))
        {
            var e = task.First();
            var uid = next++;
            var lateStart = task.Where(l => l.Waiting).Min(l => l.LateStart);
            tasks.Add(new MspdiTask(
                uid, e.Name, 1, false, e.Milestone, e.Duration, DurationFormat(e.Duration.Elapsed),
                lateStart is null ? ConstraintType.AsSoonAsPossible : ConstraintType.StartNoLaterThan, lateStart, null, null, 0, null, null, null)
            {
                External = new MspdiExternal(e.UnitCode, e.Uid, e.Start, e.Finish),
            });
            links.AddRange(task.Select(l => l.Waiting ? new PlanLink(IdOf(l.OwnUid), IdOf(uid), l.Type, l.Lag) : new PlanLink(IdOf(uid), IdOf(l.OwnUid), l.Type, l.Lag)));
        }

        return new MspdiProject(plan.Name, plan.Start, plan.MinutesPerDay, calendar, tasks, links) { StatusDate = plan.StatusDate };
    }
}

// A link between a task of this plan (OwnUid) and a task of another unit's plan, with that task as it
// stands there: one this plan waits on, or one Waiting on this plan (with its late start).
public sealed record ExternalLink(
    string UnitCode, int Uid, string Name, bool Milestone, Span Duration, DateTime Start, DateTime Finish, int OwnUid, LinkType Type, Span Lag, bool Waiting = false, DateTime? LateStart = null);
