namespace Steward.Scheduling;

internal readonly record struct NetworkLink(int From, int To, LinkType Type, Span Lag, bool Structural);

// A plan checked and laid out for the passes: one node per task (two for a summary task: its start and
// its finish), links as arrays indexed by node, and the nodes in an order where every predecessor comes
// first. Anything that makes the plan unschedulable is refused here, naming the task or link.
internal sealed class ScheduleNetwork
{
    private const long TenYears = 10L * 366 * 24 * 60;

    private readonly IReadOnlyList<PlanTask> tasks;
    private readonly int[] startNode;   // by task index
    private readonly int[] finishNode;  // by task index; the same node as the start for a leaf
    private readonly int[] taskOfNode;
    private readonly List<int>[] children;

    private ScheduleNetwork(IReadOnlyList<PlanTask> tasks, int[] startNode, int[] finishNode, int[] taskOfNode, List<int>[] children, NetworkLink[] links)
    {
        this.tasks = tasks;
        this.startNode = startNode;
        this.finishNode = finishNode;
        this.taskOfNode = taskOfNode;
        this.children = children;
        Links = links;
        NodeCount = taskOfNode.Length;
        (InStart, InLinks) = Index(links, NodeCount, to: true);
        (OutStart, OutLinks) = Index(links, NodeCount, to: false);
        Order = TopologicalOrder();

        // What the passes ask of every node, read once: they run over millions of nodes.
        Minutes = new long[NodeCount];
        Elapsed = new bool[NodeCount];
        SummaryNode = new bool[NodeCount];
        Constrained = new bool[NodeCount];
        Manual = new bool[NodeCount];
        Started = new bool[NodeCount];
        Finished = new bool[NodeCount];
        AsLate = new bool[NodeCount];
        External = new bool[NodeCount];
        Deadlined = new bool[NodeCount];
        for (var node = 0; node < NodeCount; node++)
        {
            var task = tasks[taskOfNode[node]];
            SummaryNode[node] = children[taskOfNode[node]] is not null;
            Minutes[node] = SummaryNode[node] ? 0 : task.Duration.Minutes;
            Elapsed[node] = !SummaryNode[node] && task.Duration.Elapsed;
            Manual[node] = !SummaryNode[node] && task.ManualStart is not null;
            Constrained[node] = task.ConstraintDate is not null && HoldsConstraint(node);
            Started[node] = !SummaryNode[node] && task.ActualStart is not null;
            Finished[node] = Started[node] && task.ActualFinish is not null;
            AsLate[node] = !SummaryNode[node] && !Started[node] && task.Constraint == ConstraintType.AsLateAsPossible;
            AnyAsLate |= AsLate[node];
            External[node] = task.External;
            Deadlined[node] = task.Deadline is not null && IsFinishNode(node);
        }
    }

    // A summary task's nodes take no time; a leaf takes its duration, in working or elapsed minutes.
    public long[] Minutes { get; }

    public bool[] Elapsed { get; }

    public bool[] SummaryNode { get; }

    // Holds a dated constraint of its task (a summary's start node its start constraints, its finish node the others).
    public bool[] Constrained { get; }

    public bool[] Manual { get; }

    // Progress: started at its actual start; finished at its actual finish as well.
    public bool[] Started { get; }

    public bool[] Finished { get; }

    // As late as possible, and not started.
    public bool[] AsLate { get; }

    public bool AnyAsLate { get; }

    // A task of another plan, standing in for a link across plans.
    public bool[] External { get; }

    // The node where its task's deadline holds: the finish of a task with one.
    public bool[] Deadlined { get; }

    public int NodeCount { get; }

    public NetworkLink[] Links { get; }

    public int[] InStart { get; }

    public int[] InLinks { get; }

    public int[] OutStart { get; }

    public int[] OutLinks { get; }

    public int[] Order { get; }

    public static ScheduleNetwork Build(Plan plan)
    {
        var tasks = plan.Tasks;
        var index = new Dictionary<string, int>(tasks.Count, StringComparer.Ordinal);
        for (var t = 0; t < tasks.Count; t++)
        {
            var task = tasks[t];
            if (!index.TryAdd(task.Id, t))
            {
                throw new PlanException($"Two tasks have the id {task.Id}");
            }

            if (task.Duration.Minutes < 0)
            {
                throw new PlanException($"{task.Name}: a duration cannot be negative");
            }

            if (task.Constraint is not (ConstraintType.AsSoonAsPossible or ConstraintType.AsLateAsPossible) && task.ConstraintDate is null)
            {
                throw new PlanException($"{task.Name}: a '{task.Constraint}' constraint needs a date");
            }
        }

        var children = new List<int>[tasks.Count];
        for (var t = 0; t < tasks.Count; t++)
        {
            if (tasks[t].ParentId is { } parentId)
            {
                if (!index.TryGetValue(parentId, out var parent))
                {
                    throw new PlanException($"{tasks[t].Name}: no task has the id {parentId} given as its summary task");
                }

                (children[parent] ??= []).Add(t);
            }
        }

        CheckOutline(tasks, index);

        // Arrays of their exact size, written in place: on large plans these are the biggest allocations
        // of a run, and growing lists and copying them cost a fifth of it.
        int summaries = 0, childCount = 0;
        for (var t = 0; t < tasks.Count; t++)
        {
            if (children[t] is { } kids)
            {
                summaries++;
                childCount += kids.Count;
            }
        }

        var startNode = new int[tasks.Count];
        var finishNode = new int[tasks.Count];
        var taskOfNode = new int[tasks.Count + summaries];
        var nodes = 0;
        for (var t = 0; t < tasks.Count; t++)
        {
            startNode[t] = nodes;
            taskOfNode[nodes++] = t;
            finishNode[t] = startNode[t];
            if (children[t] is not null)
            {
                finishNode[t] = nodes;
                taskOfNode[nodes++] = t;
            }
        }

        var links = new NetworkLink[(2 * childCount) + plan.Links.Count];
        var added = 0;
        for (var t = 0; t < tasks.Count; t++)
        {
            if (children[t] is not { } kids)
            {
                continue;
            }

            foreach (var child in kids)
            {
                links[added++] = new NetworkLink(startNode[t], startNode[child], LinkType.StartToStart, default, Structural: true);
                links[added++] = new NetworkLink(finishNode[child], finishNode[t], LinkType.FinishToFinish, default, Structural: true);
            }
        }

        var weekMinutes = Enum.GetValues<DayOfWeek>().Sum(d => plan.Calendar.WorkingWeek(d).Sum(p => (long)p.Minutes));
        foreach (var link in plan.Links)
        {
            string Name() => $"The link from {link.PredecessorId} to {link.SuccessorId}";
            if (!index.TryGetValue(link.PredecessorId, out var from))
            {
                throw new PlanException($"{Name()}: no task has the id {link.PredecessorId}");
            }

            if (!index.TryGetValue(link.SuccessorId, out var to))
            {
                throw new PlanException($"{Name()}: no task has the id {link.SuccessorId}");
            }

            if (from == to)
            {
                throw new DependencyCycleException([tasks[from].Name, tasks[from].Name]);
            }

            var limit = link.Lag.Elapsed ? TenYears : weekMinutes * 522 / 10;
            if (Math.Abs(link.Lag.Minutes) > limit)
            {
                throw new PlanException($"{Name()}: a lag or lead of more than ten years is not a plan");
            }

            if (children[to] is not null && link.Type is LinkType.FinishToFinish or LinkType.StartToFinish)
            {
                throw new PlanException($"{Name()}: {tasks[to].Name} is a summary task; a link to it must be finish-to-start or start-to-start");
            }

            var fromNode = link.Type is LinkType.FinishToStart or LinkType.FinishToFinish ? finishNode[from] : startNode[from];
            var toNode = link.Type is LinkType.FinishToStart or LinkType.StartToStart ? startNode[to] : finishNode[to];
            links[added++] = new NetworkLink(fromNode, toNode, link.Type, link.Lag, Structural: false);
        }

        return new ScheduleNetwork(tasks, startNode, finishNode, taskOfNode, children, links);
    }

    public PlanTask TaskOf(int node) => tasks[taskOfNode[node]];

    public bool IsSummary(int task) => children[task] is not null;

    public bool IsSummaryNode(int node) => SummaryNode[node];

    public int StartNode(int task) => startNode[task];

    public bool IsFinishNode(int node) => finishNode[taskOfNode[node]] == node;

    // A summary task's start-date constraints hold its start node, its finish-date constraints its finish node.
    private bool HoldsConstraint(int node)
    {
        var task = taskOfNode[node];
        if (children[task] is null)
        {
            return true;
        }

        var onFinish = tasks[task].Constraint is ConstraintType.FinishNoEarlierThan or ConstraintType.FinishNoLaterThan or ConstraintType.MustFinishOn;
        return onFinish ? node == finishNode[task] : node == startNode[task];
    }

    public IEnumerable<int> LeavesUnder(int task)
    {
        var stack = new Stack<int>(children[task]);
        while (stack.Count > 0)
        {
            var t = stack.Pop();
            if (children[t] is null)
            {
                yield return startNode[t];
            }
            else
            {
                foreach (var child in children[t])
                {
                    stack.Push(child);
                }
            }
        }
    }

    private static void CheckOutline(IReadOnlyList<PlanTask> tasks, Dictionary<string, int> index)
    {
        var state = new byte[tasks.Count]; // 0 unvisited, 1 on the current chain, 2 known to reach the top
        var chain = new List<int>();
        for (var t = 0; t < tasks.Count; t++)
        {
            chain.Clear();
            var at = t;
            while (state[at] == 0)
            {
                state[at] = 1;
                chain.Add(at);
                if (tasks[at].ParentId is not { } parent)
                {
                    break;
                }

                at = index[parent];
                if (state[at] == 1)
                {
                    throw new PlanException($"{tasks[at].Name} is inside itself in the outline (through {string.Join(", ", chain.Select(c => tasks[c].Name))})");
                }
            }

            foreach (var c in chain)
            {
                state[c] = 2;
            }
        }
    }

    private static (int[] Start, int[] Items) Index(NetworkLink[] links, int nodes, bool to)
    {
        int Key(in NetworkLink link) => to ? link.To : link.From;
        var start = new int[nodes + 1];
        foreach (var link in links)
        {
            start[Key(link) + 1]++;
        }

        for (var n = 0; n < nodes; n++)
        {
            start[n + 1] += start[n];
        }

        var fill = (int[])start.Clone();
        var items = new int[links.Length];
        for (var l = 0; l < links.Length; l++)
        {
            items[fill[Key(links[l])]++] = l;
        }

        return (start, items);
    }

    // Kahn's algorithm; whatever it cannot place lies on or behind a cycle, which is then named.
    private int[] TopologicalOrder()
    {
        var waiting = new int[NodeCount];
        for (var n = 0; n < NodeCount; n++)
        {
            waiting[n] = InStart[n + 1] - InStart[n];
        }

        var order = new int[NodeCount];
        var placed = 0;
        for (var n = 0; n < NodeCount; n++)
        {
            if (waiting[n] == 0)
            {
                order[placed++] = n;
            }
        }

        for (var next = 0; next < placed; next++)
        {
            var node = order[next];
            for (var e = OutStart[node]; e < OutStart[node + 1]; e++)
            {
                var to = Links[OutLinks[e]].To;
                if (--waiting[to] == 0)
                {
                    order[placed++] = to;
                }
            }
        }

        return placed == NodeCount ? order : throw new DependencyCycleException(Cycle(waiting));
    }

    // From any node left waiting, step back through predecessors that are also waiting until a node
    // repeats: the steps between the two visits are the loop.
    private List<string> Cycle(int[] waiting)
    {
        var node = Array.FindIndex(waiting, w => w > 0);
        var seen = new Dictionary<int, int>();
        var walk = new List<int>();
        while (!seen.ContainsKey(node))
        {
            seen[node] = walk.Count;
            walk.Add(node);
            for (var e = InStart[node]; e < InStart[node + 1]; e++)
            {
                var from = Links[InLinks[e]].From;
                if (waiting[from] > 0)
                {
                    node = from;
                    break;
                }
            }
        }

        var loop = walk.Skip(seen[node]).Reverse().ToList();
        loop.Add(loop[0]);
        var names = new List<string>();
        foreach (var n in loop)
        {
            var name = TaskOf(n).Name;
            if (names.Count == 0 || names[^1] != name)
            {
                names.Add(name);
            }
        }

        return names;
    }
}
