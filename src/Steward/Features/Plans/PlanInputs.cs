using FluentValidation;
using Steward.Scheduling;

namespace Steward.Features.Plans;

// A task or milestone as a form or the API gives it. Duration and lags are typed as planners type them
// in Microsoft Project ("5d", "3h"); predecessors as its Predecessors column ("3, 5SS+2d").
public sealed record TaskInput(
    string? Name,
    int? ParentUid = null,
    string? Duration = null,
    bool? Milestone = null,
    string? Predecessors = null,
    ConstraintType? Constraint = null,
    DateTime? ConstraintDate = null,
    DateTime? Deadline = null,
    int? PercentComplete = null,
    DateTime? ActualStart = null,
    DateTime? ActualFinish = null,
    MilestoneLevel? ReportingLevel = null,
    string? Owner = null,
    Guid? OwnerId = null);

// A plan's own settings: its name, the day it starts, and its calendar: the one inherited from the
// units above, or its own, which the units below inherit: one nation's bank holidays (or none), and
// optionally its working days and working hours ("08:00-12:00, 13:00-17:00"; without either, the week
// of the calendar it has, or Monday to Friday for a new one), days off of its own, such as an office's
// Christmas closure, and days worked although the week does not work them, or for other hours. The status
// date is the last day progress was reported to: work not done by its end is scheduled after it.
public sealed record PlanSettingsInput(
    string? Name,
    DateOnly? Start,
    PlanCalendarChoice? Calendar,
    IReadOnlyList<DayOfWeek>? WorkingDays = null,
    string? WorkingHours = null,
    IReadOnlyList<DateOnly>? NonWorkingDays = null,
    IReadOnlyList<WorkedDayInput>? WorkedDays = null,
    DateOnly? StatusDate = null);

// A day worked: a Saturday before a go-live with the usual hours (no hours given), or a half day.
public sealed record WorkedDayInput(DateOnly Date, string? Hours = null);

public enum PlanCalendarChoice
{
    Inherit,
    EnglandAndWales,
    Scotland,
    NorthernIreland,
    NoBankHolidays,
}

public sealed record BaselineInput(string? Name, string? Reason = null, int? Number = null);

internal sealed class TaskInputValidator : AbstractValidator<TaskInput>
{
    private static readonly DateTime Earliest = new(1984, 1, 1);
    private static readonly DateTime Latest = new(2149, 12, 31);

    public TaskInputValidator(int minutesPerDay)
    {
        RuleFor(t => t.Name).NotEmpty().WithMessage("Enter the task's name")
            .MaximumLength(PlannedTask.NameMaxLength).WithMessage($"Name must be {PlannedTask.NameMaxLength} characters or fewer");
        RuleFor(t => t.Owner).MaximumLength(PlannedTask.OwnerMaxLength).WithMessage($"Owner must be {PlannedTask.OwnerMaxLength} characters or fewer");
        RuleFor(t => t.Owner).Empty().When(t => t.OwnerId is not null && !string.IsNullOrWhiteSpace(t.Owner))
            .WithMessage("Choose one of Steward's people or name someone outside Steward, not both");
        RuleFor(t => t.Duration).Must(d => d is null || WorkAmount.TryParse(d, minutesPerDay, out _))
            .WithMessage($"Enter the duration as an amount of time. {WorkAmount.Hint}");
        RuleFor(t => t.Duration).Must(d => !WorkAmount.TryParse(d, minutesPerDay, out var span) || span.Minutes >= 0)
            .WithMessage("Duration cannot be negative");
        RuleFor(t => t.Duration).Must(d => !WorkAmount.TryParse(d, minutesPerDay, out var span) || span.Minutes <= 10L * 260 * minutesPerDay)
            .WithMessage("Duration must be ten years or less");
        RuleFor(t => t.Predecessors).Custom((text, context) =>
        {
            PredecessorText.Parse(text, minutesPerDay, out var error);
            if (error is not null)
            {
                context.AddFailure("predecessors", error);
            }
        });
        RuleFor(t => t.ConstraintDate).NotNull().When(t => t.Constraint is not (null or ConstraintType.AsSoonAsPossible or ConstraintType.AsLateAsPossible))
            .WithMessage("Enter the date of the constraint");
        RuleFor(t => t.PercentComplete).InclusiveBetween(0, 100).WithMessage("% complete must be between 0 and 100");
        RuleFor(t => t.ActualFinish).GreaterThanOrEqualTo(t => t.ActualStart).When(t => t.ActualStart is not null && t.ActualFinish is not null)
            .WithMessage("Actual finish must be on or after the actual start");
        RuleFor(t => t.ActualFinish).Null().When(t => t.ActualStart is null).WithMessage("Enter the actual start before an actual finish");
        foreach (var (date, field) in new (Func<TaskInput, DateTime?>, string)[]
                 { (t => t.ConstraintDate, "constraintDate"), (t => t.Deadline, "deadline"), (t => t.ActualStart, "actualStart"), (t => t.ActualFinish, "actualFinish") })
        {
            RuleFor(t => date(t)).Must(d => d is null || (d >= Earliest && d <= Latest))
                .WithMessage($"The date must be between {Earliest:yyyy} and {Latest:yyyy}").OverridePropertyName(field);
        }
    }
}

internal sealed class PlanSettingsInputValidator : AbstractValidator<PlanSettingsInput>
{
    public PlanSettingsInputValidator()
    {
        RuleFor(p => p.Name).NotEmpty().WithMessage("Enter the plan's name")
            .MaximumLength(UnitPlan.NameMaxLength).WithMessage($"Name must be {UnitPlan.NameMaxLength} characters or fewer");
        RuleFor(p => p.Start).NotNull().WithMessage("Enter the day the plan starts");
        RuleFor(p => p.Start).Must(d => d is null || (d.Value.Year >= 1984 && d.Value.Year <= 2149)).WithMessage("The start must be between 1984 and 2149");
        RuleFor(p => p.StatusDate).Must(d => d is null || (d.Value.Year >= 1984 && d.Value.Year <= 2149)).WithMessage("The status date must be between 1984 and 2149");
        RuleFor(p => p.StatusDate).Must((p, d) => d is null || p.Start is null || d.Value >= p.Start.Value.AddDays(-1))
            .WithMessage("The status date must not be before the plan starts: no progress can be reported before then");
        RuleFor(p => p.Calendar).NotNull().WithMessage("Choose the plan's calendar");
        RuleFor(p => p.Calendar).Must(c => c != PlanCalendarChoice.Inherit)
            .When(p => p.WorkingDays is not null || !string.IsNullOrWhiteSpace(p.WorkingHours) || p.NonWorkingDays is { Count: > 0 } || p.WorkedDays is { Count: > 0 })
            .WithMessage("Working days, hours, days off and days worked belong to a calendar of the plan's own: choose one rather than inheriting");
        RuleFor(p => p.WorkingDays).Must(d => d is null || d.Count > 0).WithMessage("Choose at least one working day");
        RuleFor(p => p.WorkingHours).Custom((text, context) =>
        {
            if (!string.IsNullOrWhiteSpace(text) && !WorkingHoursText.TryParse(text, out _, out var error))
            {
                context.AddFailure("workingHours", error);
            }
        });
        RuleFor(p => p.NonWorkingDays).Must(d => d is null || d.Count <= PlanCalendar.MaxDaysOff)
            .WithMessage($"A calendar can hold up to {PlanCalendar.MaxDaysOff} days off of its own");
        RuleFor(p => p.NonWorkingDays).Must(d => d is null || d.All(day => day.Year >= 1984 && day.Year <= 2149))
            .WithMessage("Days off must be between 1984 and 2149");
        RuleFor(p => p.WorkedDays).Must(d => d is null || d.Count <= PlanCalendar.MaxDaysOff)
            .WithMessage($"A calendar can hold up to {PlanCalendar.MaxDaysOff} days worked of its own");
        RuleFor(p => p.WorkedDays).Custom((days, context) =>
        {
            var off = context.InstanceToValidate.NonWorkingDays?.ToHashSet() ?? [];
            foreach (var day in days ?? [])
            {
                var date = day.Date.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture);
                if (day.Date.Year is < 1984 or > 2149)
                {
                    context.AddFailure("workedDays", $"Days worked must be between 1984 and 2149, not {date}");
                }
                else if (off.Contains(day.Date))
                {
                    context.AddFailure("workedDays", $"{date} is both a day off and a day worked: keep it in one list");
                }
                else if (!string.IsNullOrWhiteSpace(day.Hours) && !WorkingHoursText.TryParse(day.Hours, out _, out var error))
                {
                    context.AddFailure("workedDays", $"{date}: {error}");
                }
            }
        });
    }
}

internal sealed class BaselineInputValidator : AbstractValidator<BaselineInput>
{
    public BaselineInputValidator()
    {
        RuleFor(b => b.Name).NotEmpty().WithMessage("Enter a name for the baseline, such as ‘Approved at gate 3’")
            .MaximumLength(PlanBaseline.NameMaxLength).WithMessage($"Name must be {PlanBaseline.NameMaxLength} characters or fewer");
        RuleFor(b => b.Reason).MaximumLength(PlanBaseline.ReasonMaxLength).WithMessage($"Reason must be {PlanBaseline.ReasonMaxLength} characters or fewer");
        RuleFor(b => b.Number).InclusiveBetween(0, PlanBaseline.MaxPerPlan - 1).WithMessage($"Baseline number must be between 0 and {PlanBaseline.MaxPerPlan - 1}");
    }
}
