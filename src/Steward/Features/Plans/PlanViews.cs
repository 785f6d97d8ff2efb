using Steward.Features.People;
using Steward.Features.Units;
using Steward.Scheduling;

namespace Steward.Features.Plans;

public sealed record PlanView(
    UnitRef Unit, bool Exists, string Name, DateTime? Start, DateTime? Finish, int MinutesPerDay, string Calendar, UnitRef? CalendarFrom, DateTime? ScheduledAt, int Version,
    IReadOnlyList<TaskView> Tasks, IReadOnlyList<BaselineSummary> Baselines, int? ComparedWith, DateOnly? StatusDate)
{
    public IEnumerable<TaskView> CriticalPath => Tasks.Where(t => t.Critical && !t.Summary);
}

// A task with its schedule; float and variance are in working days of the plan's calendar. Variance is
// against the baseline asked for: positive means later than the baseline.
public sealed record TaskView(
    int Uid, int OutlineLevel, string Name, bool Summary, bool Milestone, MilestoneLevel? ReportingLevel, string Duration, long DurationMinutes,
    string Predecessors, ConstraintType Constraint, DateTime? ConstraintDate, DateTime? Deadline, int PercentComplete, DateTime? ActualStart, DateTime? ActualFinish,
    string? Owner, PersonRef? OwnerPerson, string? Resources, DateTime? Start, DateTime? Finish, DateTime? LateStart, DateTime? LateFinish, double TotalFloatDays, double FreeFloatDays, bool Critical,
    DateTime? BaselineStart, DateTime? BaselineFinish, double? StartVarianceDays, double? FinishVarianceDays, int Version);

public sealed record BaselineSummary(int Number, string Name, string? Reason, string SetBy, DateTime SetAt, int Tasks);

// A key milestone of a unit or one below it, and where its forecast stood at the start of the period.
public sealed record MilestoneSlip(UnitRef Unit, int Uid, string Name, MilestoneLevel Level, DateTime Forecast, DateTime Was, int Days, DateTime MovedAt);

public sealed record MilestoneDrift(UnitRef Unit, DateTime Since, IReadOnlyList<MilestoneSlip> MovedRight, IReadOnlyList<MilestoneSlip> MovedLeft);

public sealed record ForecastPoint(DateTime RecordedAt, DateTime Forecast);

// Baseline: the milestone's finish in the baseline its plan set most recently (the one a unit's dates are
// measured against), and the forecast's difference from it in calendar days, as drift is counted.
public sealed record MilestoneTrend(UnitRef Unit, int Uid, string Name, MilestoneLevel Level, DateTime? Forecast, IReadOnlyList<ForecastPoint> Points, DateTime? Baseline = null)
{
    public int? BaselineVarianceDays => Forecast is { } f && Baseline is { } b ? DateOnly.FromDateTime(f).DayNumber - DateOnly.FromDateTime(b).DayNumber : null;
}

public sealed record KeyMilestone(int Uid, string Name, MilestoneLevel Level, DateTime Forecast, bool Critical, int? Slip);

public sealed record RoadmapLine(UnitRef Unit, DateTime Start, DateTime Finish, IReadOnlyList<KeyMilestone> Milestones);

// WithoutPlan: open programmes and projects below with no scheduled plan (the first of them), and how many there are.
public sealed record Roadmap(UnitRef Unit, MilestoneLevel Level, DateTime? From, DateTime? To, IReadOnlyList<RoadmapLine> Lines)
{
    public IReadOnlyList<UnitRef> WithoutPlan { get; init; } = [];
    public int WithoutPlanCount { get; init; }
}

public static class MilestoneLevels
{
    // A unit sees the key milestones of its level and above from the units below it, and all of its own.
    public static MilestoneLevel Of(UnitKind kind) => kind switch
    {
        UnitKind.Portfolio => MilestoneLevel.Portfolio,
        UnitKind.Programme => MilestoneLevel.Programme,
        _ => MilestoneLevel.Project,
    };
}

public sealed record CalendarMilestone(Guid Id, int Uid, string Name, string UnitCode, DateTime Forecast, DateTime UpdatedAt);
