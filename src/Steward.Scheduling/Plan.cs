namespace Steward.Scheduling;

public enum LinkType
{
    FinishToStart,
    StartToStart,
    FinishToFinish,
    StartToFinish,
}

// Microsoft Project's constraints. "No earlier than" and "must" constraints hold a task back in the
// forward pass; "no later than" and "must" constraints pull its late dates in. "As late as possible"
// puts a task at its late dates, as late as it can go without moving a successor or the finish.
public enum ConstraintType
{
    AsSoonAsPossible,
    AsLateAsPossible,
    StartNoEarlierThan,
    StartNoLaterThan,
    FinishNoEarlierThan,
    FinishNoLaterThan,
    MustStartOn,
    MustFinishOn,
}

// An amount of time in minutes: working minutes of the calendar, or elapsed (clock) minutes that run
// through nights, weekends and holidays. A negative lag is a lead.
public readonly record struct Span(long Minutes, bool Elapsed = false)
{
    public static Span Working(long minutes) => new(minutes);

    public static Span WorkingDays(double days, int minutesPerDay = 480) => new((long)Math.Round(days * minutesPerDay));

    public static Span ElapsedMinutes(long minutes) => new(minutes, Elapsed: true);
}

// A task, milestone (zero duration) or summary task (one with children; its own duration is ignored and
// its dates roll up from them). Parent is the summary task above it in the outline.
public sealed record PlanTask(string Id, string Name, Span Duration)
{
    public string? ParentId { get; init; }

    public ConstraintType Constraint { get; init; } = ConstraintType.AsSoonAsPossible;

    public DateTime? ConstraintDate { get; init; }

    // A date to finish by that does not move the task: it shortens late dates, so missing it shows as negative float.
    public DateTime? Deadline { get; init; }

    // Manually scheduled (Microsoft Project's "Manual"): the task stays where it was put, whatever its
    // links say. As Microsoft Project does, its late dates then answer only to links from its finish
    // (finish-to-start, finish-to-finish); its start-to-start and start-to-finish successors leave them be.
    public DateTime? ManualStart { get; init; }

    // Progress. A task that has started starts when it did, whatever its links and constraints say; one
    // that has finished ends when it did and, being done, is never critical (as in Microsoft Project).
    public DateTime? ActualStart { get; init; }

    public DateTime? ActualFinish { get; init; }

    // How much of a started task's work is done (0 to 100). With a status date, the rest of a task that
    // has fallen behind is scheduled after it.
    public int PercentComplete { get; init; }

    // A task of another plan, standing in for a link across plans (Microsoft Project's external task):
    // pinned at that plan's dates, it moves this plan's tasks but neither extends its finish nor joins
    // its critical paths.
    public bool External { get; init; }
}

public sealed record PlanLink(string PredecessorId, string SuccessorId, LinkType Type = LinkType.FinishToStart, Span Lag = default);

public sealed record Plan(DateTime Start, WorkCalendar Calendar, IReadOnlyList<PlanTask> Tasks, IReadOnlyList<PlanLink> Links)
{
    // The instant progress was last reported to (Microsoft Project's status date, as its "reschedule
    // uncompleted work to start after" does it). Work not done by then cannot happen before it: a task not
    // started starts no earlier, and the rest of a started task follows it. Without one, a plan that has
    // fallen behind keeps forecasting work in the past and its milestones never move right.
    public DateTime? StatusDate { get; init; }

    // A status date given as a day: progress reported through the end of it, so work still to do starts
    // with the next working minute.
    public static DateTime EndOf(DateOnly day) => day.AddDays(1).ToDateTime(TimeOnly.MinValue);
}

// A task's place in the schedule. Float is in working minutes; negative float means a constraint or
// deadline cannot be met.
public sealed record TaskSchedule(
    string Id, DateTime EarlyStart, DateTime EarlyFinish, DateTime LateStart, DateTime LateFinish, long TotalFloat, long FreeFloat, bool Critical, bool Summary);

public sealed record Schedule(DateTime Start, DateTime Finish, IReadOnlyList<TaskSchedule> Tasks, IReadOnlyList<IReadOnlyList<string>> CriticalPaths)
{
    private Dictionary<string, TaskSchedule>? byId;

    public TaskSchedule this[string id] => (byId ??= Tasks.ToDictionary(t => t.Id, StringComparer.Ordinal))[id];
}
