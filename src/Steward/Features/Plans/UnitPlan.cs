using Steward.Features.Units;
using Steward.Infrastructure;
using Steward.Scheduling;

namespace Steward.Features.Plans;

// A unit's plan: its tasks and milestones in outline order, their links, the calendar they are
// scheduled on and where the schedule stands. One per unit; a programme's own plan sits beside the
// plans of its projects, and its roadmap reads theirs.
public sealed class UnitPlan : IVersionedRecord
{
    public const int NameMaxLength = 200;

    public Guid Id { get; set; }
    public Guid UnitId { get; set; }
    public DeliveryUnit? Unit { get; set; }

    public required string Name { get; set; }

    // The project start: no task is scheduled before it.
    public DateTime Start { get; set; }

    // The last day progress was reported to (Microsoft Project's status date): work not done by its end is
    // scheduled after it. Null schedules progress as entered, which leaves late work in the past.
    public DateOnly? StatusDate { get; set; }

    // A working day, for durations given in days (Microsoft Project's MinutesPerDay).
    public int MinutesPerDay { get; set; } = 480;

    // The plan's own calendar as PlanCalendar JSON; null means the calendar of the nearest unit above
    // that has one, and Standard hours with the bank holidays of England and Wales at the top.
    public string? Calendar { get; set; }

    // Worked out by the scheduler after every change.
    public DateTime? Finish { get; set; }
    public DateTime? ScheduledAt { get; set; }

    // Rises whenever the plan is scheduled, by a change to it or to a plan linked to it across units: the
    // concurrency token that keeps two changes in linked plans from each saving a schedule of a third
    // worked out without the other. Not a version: forms open on the plan stay good.
    public int ScheduleRevision { get; set; }

    public List<PlannedTask> Tasks { get; set; } = [];
    public List<TaskLink> Links { get; set; } = [];

    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

// A task, milestone or summary task of a plan. Uid is its number in the plan (Microsoft Project's UID),
// which links, baselines and files use; Position is its place in the outline.
public sealed class PlannedTask : IVersionedRecord
{
    public const int NameMaxLength = 400;
    public const int OwnerMaxLength = 200;
    public const int ResourcesMaxLength = 1000;

    public Guid Id { get; set; }
    public Guid PlanId { get; set; }
    public UnitPlan? Plan { get; set; }

    public int Uid { get; set; }
    public int Position { get; set; }
    public int OutlineLevel { get; set; } = 1;
    public required string Name { get; set; }

    // Who owns it: one of Steward's people (OwnerPersonId), or, for someone outside Steward, their name
    // as text (Owner). At most one of the two.
    public Guid? OwnerPersonId { get; set; }
    public string? Owner { get; set; }

    // Resource names from Microsoft Project, kept as text until Steward has a resource register.
    public string? Resources { get; set; }

    public bool Summary { get; set; }
    public bool Milestone { get; set; }

    // Which level sees this milestone among its key milestones; null for tasks.
    public MilestoneLevel? ReportingLevel { get; set; }

    public long DurationMinutes { get; set; }
    public bool DurationElapsed { get; set; }

    // Microsoft Project's DurationFormat (7 days, 5 hours, ...), kept so a round trip shows durations as entered.
    public int DurationFormat { get; set; } = 7;

    public ConstraintType Constraint { get; set; }
    public DateTime? ConstraintDate { get; set; }
    public DateTime? Deadline { get; set; }
    public DateTime? ManualStart { get; set; }

    public int PercentComplete { get; set; }
    public DateTime? ActualStart { get; set; }
    public DateTime? ActualFinish { get; set; }

    // The schedule, worked out from the fields above.
    public DateTime? EarlyStart { get; set; }
    public DateTime? EarlyFinish { get; set; }
    public DateTime? LateStart { get; set; }
    public DateTime? LateFinish { get; set; }
    public long TotalFloatMinutes { get; set; }
    public long FreeFloatMinutes { get; set; }
    public bool Critical { get; set; }

    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public PlannedTask Copy()
    {
        var copy = (PlannedTask)MemberwiseClone();
        copy.Plan = null;
        return copy;
    }
}

// A dependency between two tasks of one plan, by their Uids.
public sealed class TaskLink
{
    public Guid Id { get; set; }
    public Guid PlanId { get; set; }
    public int PredecessorUid { get; set; }
    public int SuccessorUid { get; set; }
    public LinkType Type { get; set; }
    public long LagMinutes { get; set; }
    public bool LagElapsed { get; set; }

    public TaskLink Copy() => (TaskLink)MemberwiseClone();
}

// A task that waits on a task of another unit's plan (Microsoft Project's external predecessor): the
// links that join a programme's projects into one integrated plan. Kept with the waiting task's plan,
// as its own links are; the predecessor is named by its plan and Uid.
public sealed class CrossUnitLink
{
    public Guid Id { get; set; }
    public Guid PlanId { get; set; }
    public int SuccessorUid { get; set; }
    public Guid PredecessorPlanId { get; set; }
    public UnitPlan? PredecessorPlan { get; set; }
    public int PredecessorUid { get; set; }
    public LinkType Type { get; set; }
    public long LagMinutes { get; set; }
    public bool LagElapsed { get; set; }
}

// A saved copy of the plan's dates to measure the forecast against (Microsoft Project's Baseline to
// Baseline10, hence Number 0 to 10).
public sealed class PlanBaseline
{
    public const int MaxPerPlan = 11;
    public const int NameMaxLength = 200;
    public const int ReasonMaxLength = 2000;

    public Guid Id { get; set; }
    public Guid PlanId { get; set; }
    public int Number { get; set; }
    public required string Name { get; set; }
    public string? Reason { get; set; }
    public required string SetBy { get; set; }
    public DateTime SetAt { get; set; }
    public List<BaselineTask> Tasks { get; set; } = [];
}

public sealed class BaselineTask
{
    public Guid Id { get; set; }
    public Guid BaselineId { get; set; }
    public int Uid { get; set; }
    public DateTime Start { get; set; }
    public DateTime Finish { get; set; }
    public long DurationMinutes { get; set; }
}

// One change of a milestone's forecast date, kept with the moment it was seen: the milestone trend and
// "what moved right" are read from these.
public sealed class MilestoneForecast
{
    public Guid Id { get; set; }
    public Guid TaskId { get; set; }
    public PlannedTask? Task { get; set; }
    public Guid UnitId { get; set; }
    public DateTime RecordedAt { get; set; }
    public DateTime Forecast { get; set; }
    public DateTime? Previous { get; set; }
}

public enum MilestoneLevel
{
    Project,
    Programme,
    Portfolio,
}
