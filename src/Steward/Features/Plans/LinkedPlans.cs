using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Scheduling;

namespace Steward.Features.Plans;

// A plan and every plan joined to it by links across units, directly or through others: a programme's
// integrated plan. Tracked, so the schedule worked out for each is saved with the change that caused it.
public sealed record LinkedPlanSet(IReadOnlyList<LinkedPlan> Plans, IReadOnlyList<CrossUnitLink> Links);

// A closed unit's plan is the record of what happened: it keeps its dates, and plans linked to it read them.
public sealed record LinkedPlan(UnitPlan Plan, string UnitCode, WorkCalendar Calendar, List<PlannedTask> Tasks, bool Closed = false);

// Schedules plans joined by links across units. Each plan keeps its own calendar and is scheduled on its
// own, with the tasks of other plans it is linked to standing in as external tasks pinned at their dates,
// as Microsoft Project shows external predecessors and successors. The plans are scheduled in turn until
// no date moves: a slip in one project carries into every project waiting on it, and their late dates
// carry back, so a programme's critical path runs across its projects.
public sealed class LinkedPlans(StewardDbContext db, PlanCalendars calendars, PlanRows rows, PlanTaskCopies copies)
{
    public async Task<LinkedPlanSet> LoadAsync(UnitPlan plan, string unitCode, CancellationToken ct)
    {
        var plans = new List<LinkedPlan> { new(plan, unitCode, await calendars.ForAsync(plan, ct), Ordered(plan)) };
        var seen = new HashSet<Guid> { plan.Id };
        var frontier = new List<Guid> { plan.Id };
        var links = new Dictionary<Guid, CrossUnitLink>();
        while (frontier.Count > 0)
        {
            // Loaded into the tracker, then read from it: links this change has added or removed are
            // not in the database yet.
            await db.CrossUnitLinks.Where(l => frontier.Contains(l.PlanId) || frontier.Contains(l.PredecessorPlanId)).LoadAsync(ct);
            var found = TrackedLinks(frontier);
            frontier = [];
            foreach (var link in found)
            {
                links.TryAdd(link.Id, link);
                foreach (var id in new[] { link.PlanId, link.PredecessorPlanId }.Where(seen.Add))
                {
                    frontier.Add(id);
                }
            }

            if (frontier.Count == 0)
            {
                break;
            }

            var more = await db.Plans.Include(p => p.Unit).Where(p => frontier.Contains(p.Id)).ToListAsync(ct);
            foreach (var other in more)
            {
                await rows.TrackAsync(db, copies, other, ct);
                plans.Add(new LinkedPlan(other, other.Unit!.Code, await calendars.ForAsync(other, ct), Ordered(other), !other.Unit.IsOpen));
            }
        }

        return new LinkedPlanSet(plans, [.. links.Values.OrderBy(l => l.Id)]);
    }

    // Added and removed links are tracked as such when they are added or removed, so reading them needs no
    // scan of the whole tracker for changed values (which DbSet.Local would run over every task of a
    // 5,000-task plan, on every edit).
    private List<CrossUnitLink> TrackedLinks(List<Guid> planIds)
    {
        var detect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            return db.CrossUnitLinks.Local.Where(l => planIds.Contains(l.PlanId) || planIds.Contains(l.PredecessorPlanId)).ToList();
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }

    // Schedules every plan of the set and stores the dates on their tasks; throws PlanException naming the
    // plan and task where one cannot be scheduled, or the loop where links across units go round.
    public static void Run(LinkedPlanSet set)
    {
        if (set.Links.Count == 0)
        {
            Store(set.Plans[0], Scheduler.Run(StoredPlan.ToSchedulerPlan(set.Plans[0].Plan, set.Plans[0].Tasks, set.Plans[0].Calendar)));
            return;
        }

        CheckForLoops(set);
        var tasks = set.Plans.SelectMany(p => p.Tasks.Select(t => (Key: (p.Plan.Id, t.Uid), Task: t))).ToDictionary(x => x.Key, x => x.Task);

        // Each round can carry a date across one more link between plans, so an acyclic set settles
        // within as many rounds as it has such links.
        for (var round = 0; round <= set.Links.Count + 1; round++)
        {
            var moved = false;
            foreach (var linked in set.Plans.Where(p => p.Tasks.Count > 0 && !p.Closed))
            {
                Schedule schedule;
                try
                {
                    schedule = Scheduler.Run(WithExternalTasks(linked, set.Links, tasks));
                }
                catch (PlanException bad) when (linked != set.Plans[0])
                {
                    throw new PlanException($"{linked.UnitCode}, which this plan is linked to: {bad.Message}");
                }

                moved |= Store(linked, schedule);
            }

            if (!moved)
            {
                return;
            }
        }

        throw new PlanException("The plans linked across units did not settle on a schedule; check the links between them for a loop.");
    }

    // The plans joined into one, with each task named by its unit: a loop through several plans is then
    // found, and named task by task, as a loop inside one is.
    private static void CheckForLoops(LinkedPlanSet set)
    {
        var index = set.Plans.Select((p, i) => (p.Plan.Id, i)).ToDictionary(x => x.Id, x => x.i);
        string Id(int plan, string task) => $"{plan}:{task}";
        var tasks = new List<PlanTask>();
        var links = new List<PlanLink>();
        for (var i = 0; i < set.Plans.Count; i++)
        {
            var one = StoredPlan.ToSchedulerPlan(set.Plans[i].Plan, set.Plans[i].Tasks, set.Plans[i].Calendar);
            var code = set.Plans[i].UnitCode;
            tasks.AddRange(one.Tasks.Select(t => t with { Id = Id(i, t.Id), Name = $"{code} {t.Name}", ParentId = t.ParentId is null ? null : Id(i, t.ParentId) }));
            links.AddRange(one.Links.Select(l => l with { PredecessorId = Id(i, l.PredecessorId), SuccessorId = Id(i, l.SuccessorId) }));
        }

        // A link whose task went in a race with its removal is left out, as the schedule leaves it out.
        var known = tasks.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        links.AddRange(set.Links.Where(l => known.Contains(Id(index[l.PredecessorPlanId], StoredPlan.IdOf(l.PredecessorUid))) && known.Contains(Id(index[l.PlanId], StoredPlan.IdOf(l.SuccessorUid))))
            .Select(l => new PlanLink(
            Id(index[l.PredecessorPlanId], StoredPlan.IdOf(l.PredecessorUid)), Id(index[l.PlanId], StoredPlan.IdOf(l.SuccessorUid)), l.Type, new Span(l.LagMinutes, l.LagElapsed))));
        Scheduler.Check(new Plan(set.Plans[0].Plan.Start, set.Plans[0].Calendar, tasks, links));
    }

    // The plan with the other plans' tasks it is linked to as external tasks, pinned where those plans have
    // them. One it waits on stands at the date the link runs from (its finish for finish-to-start and
    // finish-to-finish, else its start). One waiting on it stands at its early date, so the link's slack
    // counts in free float, and may start no later than its late date, so its deadline counts in float.
    private static Plan WithExternalTasks(LinkedPlan linked, IReadOnlyList<CrossUnitLink> links, Dictionary<(Guid, int), PlannedTask> tasks)
    {
        var plan = StoredPlan.ToSchedulerPlan(linked.Plan, linked.Tasks, linked.Calendar);
        var external = new List<PlanTask>();
        var joins = new List<PlanLink>();
        var own = linked.Tasks.Select(t => t.Uid).ToHashSet();
        for (var i = 0; i < links.Count; i++)
        {
            var link = links[i];
            var lag = new Span(link.LagMinutes, link.LagElapsed);
            var id = "external-" + i.ToString(CultureInfo.InvariantCulture);
            if (link.PlanId == linked.Plan.Id && own.Contains(link.SuccessorUid) && tasks.GetValueOrDefault((link.PredecessorPlanId, link.PredecessorUid)) is { EarlyStart: { } start, EarlyFinish: { } finish } before)
            {
                var fromFinish = link.Type is LinkType.FinishToStart or LinkType.FinishToFinish;
                external.Add(new PlanTask(id, before.Name, default) { External = true, ManualStart = fromFinish ? finish : start });
                joins.Add(new PlanLink(id, StoredPlan.IdOf(link.SuccessorUid), link.Type, lag));
            }

            if (link.PredecessorPlanId == linked.Plan.Id && own.Contains(link.PredecessorUid) && tasks.GetValueOrDefault((link.PlanId, link.SuccessorUid)) is { EarlyStart: { } early, LateStart: { } late } after)
            {
                var toStart = link.Type is LinkType.FinishToStart or LinkType.StartToStart;
                external.Add(new PlanTask(id, after.Name, default)
                {
                    External = true, ManualStart = toStart ? early : after.EarlyFinish, Constraint = ConstraintType.StartNoLaterThan, ConstraintDate = toStart ? late : after.LateFinish,
                });
                joins.Add(new PlanLink(StoredPlan.IdOf(link.PredecessorUid), id, link.Type, lag));
            }
        }

        return plan with { Tasks = [.. plan.Tasks, .. external], Links = [.. plan.Links, .. joins] };
    }

    // The schedule onto the plan's tasks; whether any date or float moved.
    private static bool Store(LinkedPlan linked, Schedule schedule)
    {
        var moved = false;
        foreach (var task in linked.Tasks)
        {
            var s = schedule[StoredPlan.IdOf(task.Uid)];
            moved |= task.EarlyStart != s.EarlyStart || task.EarlyFinish != s.EarlyFinish || task.LateStart != s.LateStart || task.LateFinish != s.LateFinish
                || task.TotalFloatMinutes != s.TotalFloat || task.FreeFloatMinutes != s.FreeFloat || task.Critical != s.Critical;
            task.EarlyStart = s.EarlyStart;
            task.EarlyFinish = s.EarlyFinish;
            task.LateStart = s.LateStart;
            task.LateFinish = s.LateFinish;
            task.TotalFloatMinutes = s.TotalFloat;
            task.FreeFloatMinutes = s.FreeFloat;
            task.Critical = s.Critical;
        }

        linked.Plan.Finish = schedule.Finish;
        return moved;
    }

    private static List<PlannedTask> Ordered(UnitPlan plan) => plan.Tasks.OrderBy(t => t.Position).ToList();
}
