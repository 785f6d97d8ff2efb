using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Steward.Data;
using Steward.Features.Access;
using Steward.Features.Units;
using Steward.Infrastructure.GovUk;
using Steward.Scheduling;

namespace Steward.Features.Plans;

// Add a task or milestone, or change one: its duration, predecessors, constraint, deadline, progress and,
// for a milestone, the level that reports on it. Saving schedules the plan again; a milestone that moves
// is recorded in its drift. A stale form shows whose change it missed and keeps what was typed.
[Requires(PmoArea.Planning, PmoAction.Contribute)]
public sealed class TaskFormModel(StewardDbContext db, UnitQueries units, PlanQueries queries, PlanService plans) : GovUkFormPage(db)
{
    [BindProperty]
    public PlanTaskForm Input { get; set; } = new();

    [BindProperty]
    public int Version { get; set; }

    public UnitView Unit { get; private set; } = default!;
    public TaskView? Current { get; private set; }
    public IReadOnlyList<SelectListItem> Parents { get; private set; } = [];
    public int MinutesPerDay { get; private set; } = 480;

    // How many tasks sit under this one in the outline, and go with it when it moves or is removed.
    public int TasksUnder { get; private set; }

    public static readonly IReadOnlyList<string> FieldOrder =
        ["Input.Name", "Input.ParentUid", "Input.Duration", "Input.Milestone", "Input.Predecessors", "Input.Constraint", "Input.ConstraintDate", "Input.Deadline",
         "Input.PercentComplete", "Input.ActualStart", "Input.ActualFinish", "Input.ReportingLevel", "Input.OwnerId", "Input.Owner"];

    public static IEnumerable<SelectListItem> Constraints => Enum.GetValues<ConstraintType>().Select(c => new SelectListItem(PlanLabels.Of(c), c.ToString()));

    public static IEnumerable<SelectListItem> Levels => Enum.GetValues<MilestoneLevel>().Select(l => new SelectListItem(PlanLabels.Of(l), l.ToString()));

    public async Task<IActionResult> OnGetAsync(string code, int? task, CancellationToken ct)
    {
        if (!await LoadAsync(code, task, ct))
        {
            return NotFound();
        }

        if (Current is { } t)
        {
            Input = PlanTaskForm.From(t);
            Version = t.Version;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, int? task, CancellationToken ct)
    {
        if (!await LoadAsync(code, task, ct))
        {
            return NotFound();
        }

        var constraintDate = ReadDate(Input.ConstraintDate, "Constraint date", nameof(PlanTaskForm.ConstraintDate));
        var deadline = ReadDate(Input.Deadline, "Deadline", nameof(PlanTaskForm.Deadline));
        var actualStart = ReadDate(Input.ActualStart, "Actual start", nameof(PlanTaskForm.ActualStart));
        var actualFinish = ReadDate(Input.ActualFinish, "Actual finish", nameof(PlanTaskForm.ActualFinish));
        // A date in a plan is the start of that working day, except a finish, which is its end.
        var finishing = Input.Constraint is ConstraintType.FinishNoEarlierThan or ConstraintType.FinishNoLaterThan or ConstraintType.MustFinishOn;
        var input = new TaskInput(
            Input.Name, Current is null ? Input.ParentUid : null, Input.Duration, Input.Milestone, Input.Predecessors, Input.Constraint,
            constraintDate?.ToDateTime(finishing ? new TimeOnly(17, 0) : new TimeOnly(8, 0)), deadline?.ToDateTime(new TimeOnly(17, 0)),
            Input.PercentComplete, actualStart?.ToDateTime(new TimeOnly(8, 0)), actualFinish?.ToDateTime(new TimeOnly(17, 0)), Input.ReportingLevel, Input.Owner, Input.OwnerId);
        return await SubmitAsync(() => plans.CheckAsync(input, MinutesPerDay, ct), async () =>
        {
            if (Current is { } existing)
            {
                await plans.UpdateTaskAsync(Unit.Id.ToString(), existing.Uid, Version, input, ct);
                TempData["Notice"] = $"Task {existing.Uid} has been saved and the plan scheduled again";
            }
            else
            {
                var added = await plans.AddTaskAsync(Unit.Id.ToString(), input, ct);
                TempData["Notice"] = $"Task {added.Uid} has been added and the plan scheduled again";
            }

            return Redirect(PlanLinks.Plan(Unit.Code));
        }, ct, onStale: async () =>
        {
            var now = await queries.TaskAsync(Unit, Current!.Uid, ct);
            Version = now.Version;
            ModelState.Remove(nameof(Version));
            ModelState.AddModelError(string.Empty, $"Task {now.Uid} was changed by someone else while you were editing. It now reads: duration {now.Duration}, predecessors ‘{now.Predecessors}’, finishing {PlanLabels.Date(now.Finish)}. Your changes are below; save again to keep them.");
        });
    }

    // Up, down, indent or outdent in the outline, with everything under the task.
    public async Task<IActionResult> OnPostMoveAsync(string code, int task, OutlineMove move, CancellationToken ct) =>
        await ChangeOutlineAsync(code, task, async current =>
        {
            await plans.MoveTaskAsync(Unit.Id.ToString(), current.Uid, Version, new TaskMoveInput(move), ct);
            TempData["Notice"] = $"Task {current.Uid} has been moved {PlanLabels.Of(move)} and the plan scheduled again";
            return Redirect(PlanLinks.Task(Unit.Code, current.Uid));
        }, ct);

    public async Task<IActionResult> OnPostRemoveAsync(string code, int task, CancellationToken ct) =>
        await ChangeOutlineAsync(code, task, async current =>
        {
            await plans.RemoveTaskAsync(Unit.Id.ToString(), current.Uid, Version, ct);
            TempData["Notice"] = $"Task {current.Uid}, ‘{current.Name}’, has been removed" + (TasksUnder > 0 ? $" with the {TasksUnder} under it" : "");
            return Redirect(PlanLinks.Plan(Unit.Code));
        }, ct);

    // The buttons below the form post only the version: the form above is shown again as the task now
    // reads, with the reason if the change is refused.
    private async Task<IActionResult> ChangeOutlineAsync(string code, int task, Func<TaskView, Task<IActionResult>> change, CancellationToken ct)
    {
        if (!await LoadAsync(code, task, ct))
        {
            return NotFound();
        }

        var current = Current!;
        ModelState.Clear();
        Input = PlanTaskForm.From(current);
        return await SubmitAsync(() => Task.FromResult<IReadOnlyList<FluentValidation.Results.ValidationFailure>>([]), () => change(current), ct, onStale: () =>
        {
            Version = current.Version;
            ModelState.AddModelError(string.Empty, $"Task {current.Uid} was changed by someone else since you opened it. It is shown below as it now reads; try again if you still want to.");
            return Task.CompletedTask;
        });
    }

    private async Task<bool> LoadAsync(string code, int? task, CancellationToken ct)
    {
        if (await units.FindByCodeAsync(code, ct) is not { } unit)
        {
            return false;
        }

        Unit = unit;
        await LoadChoicesAsync(ct);
        var plan = await queries.PlanAsync(unit, null, ct);
        MinutesPerDay = plan.MinutesPerDay;
        Parents = plan.Tasks.Where(t => t.Summary || t.OutlineLevel <= 1)
            .Select(t => new SelectListItem($"{t.Uid}. {t.Name}", t.Uid.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
        if (task is { } uid)
        {
            var index = plan.Tasks.ToList().FindIndex(t => t.Uid == uid);
            Current = index < 0 ? null : plan.Tasks[index];
            TasksUnder = Enumerable.Range(index + 1, Math.Max(0, plan.Tasks.Count - index - 1)).TakeWhile(i => index >= 0 && plan.Tasks[i].OutlineLevel > Current!.OutlineLevel).Count();
            return Current is not null;
        }

        return true;
    }
}

public sealed class PlanTaskForm
{
    public string? Name { get; set; }
    public int? ParentUid { get; set; }
    public string? Duration { get; set; }
    public bool? Milestone { get; set; }
    public string? Predecessors { get; set; }
    public ConstraintType? Constraint { get; set; }
    public DateParts ConstraintDate { get; set; } = new();
    public DateParts Deadline { get; set; } = new();
    public int? PercentComplete { get; set; }
    public DateParts ActualStart { get; set; } = new();
    public DateParts ActualFinish { get; set; } = new();
    public MilestoneLevel? ReportingLevel { get; set; }
    public Guid? OwnerId { get; set; }
    public string? Owner { get; set; }

    public static PlanTaskForm From(TaskView t) => new()
    {
        Name = t.Name, Duration = t.Duration, Milestone = t.Milestone, Predecessors = t.Predecessors, Constraint = t.Constraint,
        ConstraintDate = DateParts.From(Day(t.ConstraintDate)), Deadline = DateParts.From(Day(t.Deadline)), PercentComplete = t.PercentComplete,
        ActualStart = DateParts.From(Day(t.ActualStart)), ActualFinish = DateParts.From(Day(t.ActualFinish)), ReportingLevel = t.ReportingLevel, OwnerId = t.OwnerPerson?.Id, Owner = t.Owner,
    };

    private static DateOnly? Day(DateTime? at) => at is { } d ? DateOnly.FromDateTime(d) : null;
}
