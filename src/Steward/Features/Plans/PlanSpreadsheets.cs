using Steward.Infrastructure.Spreadsheets;

namespace Steward.Features.Plans;

// The plan as a spreadsheet: the plan table's columns, names indented by outline level.
public static class PlanSpreadsheets
{
    public static readonly IReadOnlyList<SpreadsheetColumn<TaskView>> TaskColumns =
    [
        new("Task", t => t.Uid),
        new("Outline level", t => t.OutlineLevel),
        new("Name", t => new string(' ', Math.Max(0, t.OutlineLevel - 1) * 2) + t.Name),
        new("Type", t => t.Summary ? "Summary" : t.Milestone ? "Milestone" : "Task"),
        new("Reporting level", t => t.ReportingLevel?.ToString()),
        new("Duration", t => t.Duration),
        new("Predecessors", t => t.Predecessors),
        new("Start", t => t.Start),
        new("Finish", t => t.Finish),
        new("Late start", t => t.LateStart),
        new("Late finish", t => t.LateFinish),
        new("Total float (working days)", t => t.TotalFloatDays),
        new("Free float (working days)", t => t.FreeFloatDays),
        new("Critical", t => t.Critical ? "Yes" : "No"),
        new("Constraint", t => PlanLabels.Of(t.Constraint)),
        new("Constraint date", t => t.ConstraintDate),
        new("Deadline", t => t.Deadline),
        new("% complete", t => t.PercentComplete),
        new("Actual start", t => t.ActualStart),
        new("Actual finish", t => t.ActualFinish),
        new("Owner", t => t.OwnerPerson?.Name ?? t.Owner),
        new("Resources", t => t.Resources),
        new("Baseline start", t => t.BaselineStart),
        new("Baseline finish", t => t.BaselineFinish),
        new("Finish variance (working days)", t => t.FinishVarianceDays),
    ];
}
