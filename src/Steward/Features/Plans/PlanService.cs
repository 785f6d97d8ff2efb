using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Units;
using Steward.Infrastructure;
using Steward.Scheduling;

namespace Steward.Features.Plans;

// Every edit of a unit's plan, task by task, and its settings, from pages, API and command line alike.
// Importing a Microsoft Project file is MicrosoftProjectImport's; baselines are PlanBaselines'.
public sealed class PlanService(StewardDbContext db, PlanStore store, CrossUnitLinking crossUnit)
{
    public Task<IReadOnlyList<ValidationFailure>> CheckAsync(TaskInput input, int minutesPerDay, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<ValidationFailure>>(new TaskInputValidator(minutesPerDay).Validate(input).Errors);

    public async Task<PlannedTask> AddTaskAsync(string unitKey, TaskInput input, CancellationToken ct = default)
    {
        var unit = await store.OpenUnitAsync(unitKey, "add tasks to the plan of", ct);
        var plan = await store.LoadAsync(unit.Id, ct) ?? store.NewPlan(unit);
        new TaskInputValidator(plan.MinutesPerDay).ValidateAndThrow(input);
        var ordered = plan.Tasks.OrderBy(t => t.Position).ToList();
        var task = new PlannedTask { Id = Guid.CreateVersion7(), PlanId = plan.Id, Uid = ordered.Count == 0 ? 1 : ordered.Max(t => t.Uid) + 1, Name = input.Name!.Trim() };

        // Under its parent, after the parent's last descendant; else at the end of the plan.
        var at = ordered.Count;
        task.OutlineLevel = 1;
        if (input.ParentUid is { } parentUid)
        {
            var index = ordered.FindIndex(t => t.Uid == parentUid);
            if (index < 0)
            {
                throw PlanStore.Invalid("parentUid", $"The plan has no task {parentUid}");
            }

            var parent = ordered[index];
            task.OutlineLevel = parent.OutlineLevel + 1;
            at = index + 1;
            while (at < ordered.Count && ordered[at].OutlineLevel > parent.OutlineLevel)
            {
                at++;
            }
        }

        ordered.Insert(at, task);
        for (var i = 0; i < ordered.Count; i++)
        {
            ordered[i].Position = i;
        }

        plan.Tasks.Add(task);
        db.PlanTasks.Add(task);
        await ApplyAsync(plan, unit, task, input, ct);
        await store.ScheduleAsync(plan, unit, "predecessors", ct);
        await store.SaveAsync(plan, task.Name, 0, ct);
        return task;
    }

    public async Task<PlannedTask> UpdateTaskAsync(string unitKey, int uid, int expectedVersion, TaskInput input, CancellationToken ct = default)
    {
        var unit = await store.OpenUnitAsync(unitKey, "change the plan of", ct);
        var plan = await store.LoadAsync(unit.Id, ct) ?? throw new RecordNotFoundException("task", uid.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var task = plan.Tasks.FirstOrDefault(t => t.Uid == uid) ?? throw new RecordNotFoundException("task", uid.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (task.Version != expectedVersion)
        {
            throw new StaleVersionException(task.Name, expectedVersion, task.Version);
        }

        new TaskInputValidator(plan.MinutesPerDay).ValidateAndThrow(input);
        if (input.ParentUid is not null)
        {
            throw PlanStore.Invalid("parentUid", "A task keeps its place in the outline when it is changed");
        }

        await ApplyAsync(plan, unit, task, input, ct);
        // Its predecessors are rows of their own: a change to them alone is still a new version of the task.
        var edited = store.Edit(task);
        if (edited.State == EntityState.Unchanged)
        {
            edited.State = EntityState.Modified;
        }

        await store.ScheduleAsync(plan, unit, "predecessors", ct);
        await store.SaveAsync(plan, task.Name, expectedVersion, ct);
        return task;
    }

    // The task and everything under it in the outline, with their links.
    public async Task RemoveTaskAsync(string unitKey, int uid, int expectedVersion, CancellationToken ct = default)
    {
        var (unit, plan, ordered, index) = await store.OpenTaskAsync(unitKey, uid, expectedVersion, "remove tasks from the plan of", ct);

        var end = PlanOutline.EndOf(ordered, index);
        var removed = ordered.GetRange(index, end - index).Select(t => t.Uid).ToHashSet();
        if (await crossUnit.WaitedOnAsync(plan, removed, ct) is { } waited)
        {
            throw new RecordStateConflictException(waited);
        }

        await crossUnit.RemoveForTasksAsync(plan, removed, ct);
        foreach (var task in ordered.GetRange(index, end - index))
        {
            plan.Tasks.Remove(task);
            db.PlanTasks.Remove(task);
        }

        foreach (var link in plan.Links.Where(l => removed.Contains(l.PredecessorUid) || removed.Contains(l.SuccessorUid)).ToList())
        {
            plan.Links.Remove(link);
            db.PlanLinks.Remove(link);
        }

        var position = 0;
        foreach (var task in plan.Tasks.OrderBy(t => t.Position))
        {
            task.Position = position++;
        }

        await store.ScheduleAsync(plan, unit, "task", ct);
        await store.SaveAsync(plan, plan.Name, 0, ct);
    }

    // Up, down, indent or outdent, with everything under the task; the plan is scheduled again, as a task
    // that gains or loses a summary task may move.
    public async Task<PlannedTask> MoveTaskAsync(string unitKey, int uid, int expectedVersion, TaskMoveInput input, CancellationToken ct = default)
    {
        var (unit, plan, ordered, index) = await store.OpenTaskAsync(unitKey, uid, expectedVersion, "change the plan of", ct);
        var task = ordered[index];

        if (input.Move is not { } move)
        {
            throw PlanStore.Invalid("move", "Choose how to move the task: up, down, indent or outdent");
        }

        if (PlanOutline.Move(ordered, index, move) is { } refused)
        {
            throw PlanStore.Invalid("move", $"Task {uid} cannot be moved {move.ToString().ToLowerInvariant()}: {char.ToLowerInvariant(refused[0])}{refused[1..]}");
        }

        for (var i = 0; i < ordered.Count; i++)
        {
            ordered[i].Position = i;
        }

        await store.ScheduleAsync(plan, unit, "move", ct);
        await store.SaveAsync(plan, task.Name, expectedVersion, ct);
        return task;
    }

    public async Task<UnitPlan> UpdateSettingsAsync(string unitKey, int expectedVersion, PlanSettingsInput input, CancellationToken ct = default)
    {
        var unit = await store.OpenUnitAsync(unitKey, "change the plan settings of", ct);
        new PlanSettingsInputValidator().ValidateAndThrow(input);
        var plan = await store.LoadAsync(unit.Id, ct);
        if ((plan?.Version ?? 0) != expectedVersion)
        {
            throw new StaleVersionException(plan?.Name ?? unit.Name, expectedVersion, plan?.Version ?? 0);
        }

        plan ??= store.NewPlan(unit);
        plan.Name = input.Name!.Trim();
        plan.Start = input.Start!.Value.ToDateTime(new TimeOnly(8, 0));
        plan.StatusDate = input.StatusDate;
        IReadOnlyList<WorkingPeriod>? hours = string.IsNullOrWhiteSpace(input.WorkingHours) ? null
            : WorkingHoursText.TryParse(input.WorkingHours, out var periods, out _) ? periods : null;
        UkNation? nation = input.Calendar switch
        {
            PlanCalendarChoice.Scotland => UkNation.Scotland,
            PlanCalendarChoice.NorthernIreland => UkNation.NorthernIreland,
            PlanCalendarChoice.NoBankHolidays => null,
            _ => UkNation.EnglandAndWales,
        };
        var worked = input.WorkedDays?.Select(d => (d.Date, string.IsNullOrWhiteSpace(d.Hours) ? null
            : WorkingHoursText.TryParse(d.Hours, out var dayHours, out _) ? dayHours : null)).ToList();
        plan.Calendar = input.Calendar == PlanCalendarChoice.Inherit ? null
            : PlanCalendar.Of(nation, input.WorkingDays, hours, input.NonWorkingDays, worked, plan.Calendar is { } current ? PlanCalendar.Parse(current) : null).ToJson();
        await store.ScheduleAsync(plan, unit, "start", ct);
        await store.SaveAsync(plan, plan.Name, expectedVersion, ct);
        return plan;
    }

    private async Task ApplyAsync(UnitPlan plan, UnitView unit, PlannedTask task, TaskInput input, CancellationToken ct)
    {
        task.Name = input.Name!.Trim();
        if (input.OwnerId is { } ownerId && !await db.People.AnyAsync(p => p.Id == ownerId, ct))
        {
            throw new ValidationException([new ValidationFailure("ownerId", $"No person has the id {ownerId}")]);
        }

        task.OwnerPersonId = input.OwnerId;
        task.Owner = string.IsNullOrWhiteSpace(input.Owner) ? null : input.Owner.Trim();
        if (input.Duration is not null)
        {
            WorkAmount.TryParse(input.Duration, plan.MinutesPerDay, out var duration);
            task.DurationMinutes = duration.Minutes;
            task.DurationElapsed = duration.Elapsed;
            task.DurationFormat = StoredPlan.DurationFormat(duration.Elapsed);
        }

        task.Milestone = input.Milestone ?? task.DurationMinutes == 0;
        task.ReportingLevel = task.Milestone ? input.ReportingLevel ?? task.ReportingLevel ?? MilestoneLevel.Project : null;
        task.Constraint = input.Constraint ?? ConstraintType.AsSoonAsPossible;
        task.ConstraintDate = task.Constraint is ConstraintType.AsSoonAsPossible or ConstraintType.AsLateAsPossible ? null : input.ConstraintDate;
        task.Deadline = input.Deadline;
        task.PercentComplete = input.PercentComplete ?? 0;
        task.ActualStart = input.ActualStart;
        task.ActualFinish = input.ActualFinish;

        var predecessors = PredecessorText.Parse(input.Predecessors, plan.MinutesPerDay, out _)
            .Select(p => p.Unit == unit.Code ? p with { Unit = null } : p).ToList();
        // Named as people name tasks, before the scheduler names them by its own internal ids.
        var missing = predecessors.Where(p => p.Unit is null && p.Uid != task.Uid && plan.Tasks.All(t => t.Uid != p.Uid)).Select(p => p.Uid).Distinct().ToList();
        if (missing.Count > 0)
        {
            throw new ValidationException(missing.Select(uid => new ValidationFailure("predecessors", $"Task {uid} does not exist in the plan of {unit.Code}")));
        }

        if (predecessors.Any(p => p.Unit is null && p.Uid == task.Uid))
        {
            throw new ValidationException([new ValidationFailure("predecessors", $"Task {task.Uid} cannot come after itself")]);
        }

        await crossUnit.ApplyToTaskAsync(plan, task, predecessors.Where(p => p.Unit is not null).ToList(), ct);
        foreach (var old in plan.Links.Where(l => l.SuccessorUid == task.Uid).ToList())
        {
            plan.Links.Remove(old);
            db.PlanLinks.Remove(old);
        }

        foreach (var p in predecessors.Where(p => p.Unit is null).DistinctBy(p => p.Uid))
        {
            var link = new TaskLink { Id = Guid.CreateVersion7(), PlanId = plan.Id, PredecessorUid = p.Uid, SuccessorUid = task.Uid, Type = p.Type, LagMinutes = p.Lag.Minutes, LagElapsed = p.Lag.Elapsed };
            plan.Links.Add(link);
            db.PlanLinks.Add(link);
        }
    }

}
