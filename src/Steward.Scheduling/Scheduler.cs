namespace Steward.Scheduling;

// The critical path method over a plan: a forward pass for early dates, a backward pass for late dates,
// total and free float, and the critical path(s). All arithmetic is in working minutes on a
// WorkingTimeline; dates are made only at the end.
//
// A summary task becomes two zero-length nodes, its start and its finish: its children start no earlier
// than its start and its finish waits for all of them, so a link to or from a summary task holds its
// whole branch, as in Microsoft Project. Links to a summary task must be finish-to-start or
// start-to-start (Microsoft Project allows no others).
public static class Scheduler
{
    public static Schedule Run(Plan plan)
    {
        var network = ScheduleNetwork.Build(plan);
        var timeline = new WorkingTimeline(plan.Calendar, DateOnly.FromDateTime(plan.Start));
        using var run = new Passes(network, timeline, timeline.OffsetOf(plan.Start), plan.StatusDate is { } status ? timeline.OffsetOf(status) : null);
        run.Forward(placeAsLate: false);
        run.Backward();
        if (network.AnyAsLate)
        {
            // Late dates do not depend on early ones, so a second forward pass can put the
            // as-late-as-possible tasks at theirs and carry the move to their successors.
            run.Forward(placeAsLate: true);
        }

        return run.Result(plan);
    }

    // The plan's network checked (ids, outline, links, loops) without scheduling it: a loop through several
    // plans is found by checking them joined as one.
    public static void Check(Plan plan) => ScheduleNetwork.Build(plan);

    // The four dates of every node are rented, not allocated: on a large plan they are large-object-heap
    // arrays, and allocating them afresh each run brought on a full garbage collection each run. Every
    // node's dates are written before they are read, so rented arrays need no clearing.
    private sealed class Passes(ScheduleNetwork network, WorkingTimeline timeline, long projectStart, long? status) : IDisposable
    {
        private readonly long[] es = System.Buffers.ArrayPool<long>.Shared.Rent(network.NodeCount);
        private readonly long[] ef = System.Buffers.ArrayPool<long>.Shared.Rent(network.NodeCount);
        private readonly long[] ls = System.Buffers.ArrayPool<long>.Shared.Rent(network.NodeCount);
        private readonly long[] lf = System.Buffers.ArrayPool<long>.Shared.Rent(network.NodeCount);
        private long projectFinish;

        public void Dispose()
        {
            foreach (var dates in new[] { es, ef, ls, lf })
            {
                System.Buffers.ArrayPool<long>.Shared.Return(dates);
            }
        }

        public void Forward(bool placeAsLate)
        {
            projectFinish = projectStart;
            foreach (var node in network.Order)
            {
                var start = projectStart;
                for (var e = network.InStart[node]; e < network.InStart[node + 1]; e++)
                {
                    var link = network.Links[network.InLinks[e]];
                    var p = link.From;
                    start = Math.Max(start, link.Type switch
                    {
                        LinkType.FinishToStart => After(ef[p], link.Lag, fromFinish: true),
                        LinkType.StartToStart => After(es[p], link.Lag, fromFinish: false),
                        LinkType.FinishToFinish => StartFor(node, After(ef[p], link.Lag, fromFinish: true)),
                        _ => StartFor(node, After(es[p], link.Lag, fromFinish: false)),
                    });
                }

                if (network.Started[node])
                {
                    start = timeline.OffsetOf(network.TaskOf(node).ActualStart!.Value);
                }
                else if (network.Manual[node])
                {
                    start = timeline.OffsetOf(network.TaskOf(node).ManualStart!.Value);
                }
                else if (network.Constrained[node])
                {
                    var task = network.TaskOf(node);
                    var at = timeline.OffsetOf(task.ConstraintDate!.Value);
                    start = task.Constraint switch
                    {
                        ConstraintType.StartNoEarlierThan => Math.Max(start, at),
                        ConstraintType.FinishNoEarlierThan => Math.Max(start, StartFor(node, at)),
                        ConstraintType.MustStartOn => at,
                        ConstraintType.MustFinishOn => StartFor(node, at),
                        _ => start,
                    };
                }

                if (status is { } now && WaitsForStatus(node))
                {
                    start = Math.Max(start, now);
                }

                if (placeAsLate && network.AsLate[node])
                {
                    start = Math.Max(start, ls[node]);
                }

                es[node] = start;
                ef[node] = network.Finished[node] ? Math.Max(start, timeline.OffsetOf(network.TaskOf(node).ActualFinish!.Value))
                    : status is { } reported && network.Started[node] ? RemainderFinish(node, start, reported)
                    : FinishFor(node, start);
                if (!network.External[node])
                {
                    projectFinish = Math.Max(projectFinish, ef[node]);
                }
            }
        }

        public void Backward()
        {
            for (var i = network.Order.Length - 1; i >= 0; i--)
            {
                var node = network.Order[i];

                // Another plan's task is not bound by this plan's finish: one waiting on this plan is held
                // only by the latest start its own plan allows (its constraint), which is often after this
                // plan's finish. Bound by it, the tasks it waits on here lost the lag of the link as float.
                var external = network.External[node];
                var finish = external && network.Constrained[node] ? long.MaxValue : projectFinish;
                var manual = network.Manual[node];
                for (var e = network.OutStart[node]; e < network.OutStart[node + 1]; e++)
                {
                    var link = network.Links[network.OutLinks[e]];
                    if (manual && link.Type is LinkType.StartToStart or LinkType.StartToFinish)
                    {
                        continue;
                    }

                    var s = link.To;
                    finish = Math.Min(finish, link.Type switch
                    {
                        LinkType.FinishToStart => Before(ls[s], link.Lag, toFinish: true),
                        LinkType.StartToStart => FinishFor(node, Before(ls[s], link.Lag, toFinish: false)),
                        LinkType.FinishToFinish => Before(lf[s], link.Lag, toFinish: true),
                        _ => FinishFor(node, Before(lf[s], link.Lag, toFinish: false)),
                    });
                }

                if (network.Constrained[node])
                {
                    var task = network.TaskOf(node);
                    var at = timeline.OffsetOf(task.ConstraintDate!.Value);
                    finish = task.Constraint switch
                    {
                        ConstraintType.StartNoLaterThan or ConstraintType.MustStartOn => Math.Min(finish, FinishFor(node, at)),
                        ConstraintType.FinishNoLaterThan or ConstraintType.MustFinishOn => Math.Min(finish, at),
                        _ => finish,
                    };
                }

                if (network.Deadlined[node])
                {
                    finish = Math.Min(finish, timeline.OffsetOf(network.TaskOf(node).Deadline!.Value));
                }

                if (external && finish == long.MaxValue)
                {
                    finish = Math.Max(projectFinish, ef[node]); // a constraint that sets no latest date
                }

                lf[node] = finish;

                // A task with progress keeps its actual start: its float is what its finish can slip.
                ls[node] = network.Finished[node] || (status is not null && network.Started[node]) ? finish - (ef[node] - es[node]) : StartFor(node, finish);
            }
        }

        public Schedule Result(Plan plan)
        {
            var critical = new bool[network.NodeCount];
            for (var node = 0; node < network.NodeCount; node++)
            {
                critical[node] = ls[node] - es[node] <= 0 && !network.Finished[node];
            }

            var tasks = new TaskSchedule[plan.Tasks.Count];
            for (var t = 0; t < plan.Tasks.Count; t++)
            {
                tasks[t] = network.IsSummary(t) ? SummaryOf(plan.Tasks[t], t) : LeafOf(plan.Tasks[t], network.StartNode(t), critical[network.StartNode(t)]);
            }

            return new Schedule(timeline.StartAt(projectStart), timeline.FinishAt(projectFinish), tasks, CriticalPaths(critical));
        }

        private TaskSchedule LeafOf(PlanTask task, int node, bool critical)
        {
            // A milestone sits at the end of the work before it (Friday 17:00, not Monday 08:00), as in
            // Microsoft Project, unless nothing comes before it and it opens the project.
            DateTime Milestone(long at) => at <= projectStart ? timeline.StartAt(at) : timeline.FinishAt(at);
            var zero = ef[node] == es[node];
            return new TaskSchedule(
                task.Id, zero ? Milestone(es[node]) : timeline.StartAt(es[node]), zero ? Milestone(ef[node]) : timeline.FinishAt(ef[node]),
                zero ? Milestone(ls[node]) : timeline.StartAt(ls[node]), zero ? Milestone(lf[node]) : timeline.FinishAt(lf[node]),
                ls[node] - es[node], FreeFloat(node), critical, Summary: false);
        }

        // A summary task spans its children: earliest start to latest finish, early and late; its float
        // is the least of theirs.
        private TaskSchedule SummaryOf(PlanTask task, int index)
        {
            long earlyStart = long.MaxValue, earlyFinish = long.MinValue, lateStart = long.MaxValue, lateFinish = long.MinValue, floatLeast = long.MaxValue;
            foreach (var leaf in network.LeavesUnder(index))
            {
                earlyStart = Math.Min(earlyStart, es[leaf]);
                earlyFinish = Math.Max(earlyFinish, ef[leaf]);
                lateStart = Math.Min(lateStart, ls[leaf]);
                lateFinish = Math.Max(lateFinish, lf[leaf]);
                floatLeast = Math.Min(floatLeast, ls[leaf] - es[leaf]);
            }

            return new TaskSchedule(
                task.Id, timeline.StartAt(earlyStart), timeline.FinishAt(earlyFinish), timeline.StartAt(lateStart), timeline.FinishAt(lateFinish),
                floatLeast, 0, floatLeast <= 0, Summary: true);
        }

        // How far the task can slip without moving any successor's early dates (or the project's finish).
        private long FreeFloat(int node)
        {
            var least = long.MaxValue;
            for (var e = network.OutStart[node]; e < network.OutStart[node + 1]; e++)
            {
                var link = network.Links[network.OutLinks[e]];
                if (link.Structural)
                {
                    continue;
                }

                least = Math.Min(least, LinkSlack(link));
            }

            // Never more than the project's finish allows, so never more than the total float either.
            return Math.Min(least, projectFinish - ef[node]);
        }

        private long LinkSlack(NetworkLink link) => link.Type switch
        {
            LinkType.FinishToStart => es[link.To] - After(ef[link.From], link.Lag, fromFinish: true),
            LinkType.StartToStart => es[link.To] - After(es[link.From], link.Lag, fromFinish: false),
            LinkType.FinishToFinish => ef[link.To] - After(ef[link.From], link.Lag, fromFinish: true),
            _ => ef[link.To] - After(es[link.From], link.Lag, fromFinish: false),
        };

        // Critical tasks joined by driving links (no slack on the link), each group in schedule order.
        private List<IReadOnlyList<string>> CriticalPaths(bool[] critical)
        {
            var group = Enumerable.Range(0, network.NodeCount).ToArray();
            int Find(int n)
            {
                while (group[n] != n)
                {
                    n = group[n] = group[group[n]];
                }

                return n;
            }

            // A summary task's own nodes join its children to a path only where a real link drives through
            // it; otherwise two unrelated critical chains under one summary would read as one.
            bool Driving(NetworkLink link) => critical[link.From] && critical[link.To] && LinkSlack(link) <= 0;
            var linkedSummary = new bool[network.NodeCount];
            foreach (var link in network.Links)
            {
                if (!link.Structural && Driving(link))
                {
                    linkedSummary[link.From] = linkedSummary[link.To] = true;
                    group[Find(link.From)] = Find(link.To);
                }
            }

            foreach (var link in network.Links)
            {
                if (link.Structural && Driving(link) && linkedSummary[network.IsSummaryNode(link.From) ? link.From : link.To])
                {
                    group[Find(link.From)] = Find(link.To);
                }
            }

            var paths = new Dictionary<int, List<string>>();
            var order = new List<int>();
            foreach (var node in network.Order)
            {
                if (!critical[node] || network.IsSummaryNode(node) || network.External[node])
                {
                    continue;
                }

                var root = Find(node);
                if (!paths.TryGetValue(root, out var path))
                {
                    paths[root] = path = [];
                    order.Add(root);
                }

                path.Add(network.TaskOf(node).Id);
            }

            return [.. order.Select(r => (IReadOnlyList<string>)paths[r])];
        }

        // Not started and free to move: not a summary (its children move it), not placed by hand, not
        // another plan's task, not pinned by a "must" constraint (a date the plan has promised stays, and
        // the float it loses shows it cannot be kept).
        private bool WaitsForStatus(int node)
        {
            if (network.Started[node] || network.Manual[node] || network.External[node] || network.SummaryNode[node])
            {
                return false;
            }

            return !network.Constrained[node] || network.TaskOf(node).Constraint is not (ConstraintType.MustStartOn or ConstraintType.MustFinishOn);
        }

        // A started task's finish with a status date: where the work not done by then ends, if it is not
        // done by then, otherwise where its duration ends. Microsoft Project splits such a task at the
        // status date; here the task keeps its actual start and stretches to the remainder's finish.
        private long RemainderFinish(int node, long start, long now)
        {
            var planned = FinishFor(node, start);
            var minutes = network.Minutes[node];
            if (minutes == 0)
            {
                return planned;
            }

            var done = minutes * Math.Clamp(network.TaskOf(node).PercentComplete, 0, 100) / 100;
            if (!network.Elapsed[node])
            {
                return start + done >= now ? planned : Math.Max(planned, now + minutes - done);
            }

            var doneThrough = timeline.OffsetOf(timeline.StartAt(start).AddMinutes(done));
            return doneThrough >= now ? planned : Math.Max(planned, timeline.OffsetOf(timeline.StartAt(now).AddMinutes(minutes - done)));
        }

        // Where a lag from an early date lands: working minutes along the timeline, or clock time from the
        // instant the base date stands for.
        private long After(long offset, Span lag, bool fromFinish) =>
            !lag.Elapsed ? offset + lag.Minutes
                : timeline.OffsetOf((fromFinish ? timeline.FinishAt(offset) : timeline.StartAt(offset)).AddMinutes(lag.Minutes));

        private long Before(long offset, Span lag, bool toFinish) =>
            !lag.Elapsed ? offset - lag.Minutes
                : timeline.OffsetOf((toFinish ? timeline.StartAt(offset) : timeline.FinishAt(offset)).AddMinutes(-lag.Minutes));

        private long FinishFor(int node, long start) =>
            !network.Elapsed[node] ? start + network.Minutes[node] : timeline.OffsetOf(timeline.StartAt(start).AddMinutes(network.Minutes[node]));

        private long StartFor(int node, long finish) =>
            !network.Elapsed[node] ? finish - network.Minutes[node] : timeline.OffsetOf(timeline.FinishAt(finish).AddMinutes(-network.Minutes[node]));
    }
}
