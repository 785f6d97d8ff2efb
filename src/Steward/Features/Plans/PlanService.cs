using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Steward.Data;
using Steward.Features.Access;
using Steward.Features.Units;
using Steward.Infrastructure;
using Steward.Infrastructure.Registers;
using Steward.Scheduling;
using Steward.Scheduling.Mspdi;

namespace Steward.Features.Plans;

// LeftOut says what of the file Steward could not keep: links to tasks of projects it does not hold.
public sealed record PlanImportResult(
    int Tasks, int Links, int Milestones, int Added, int Updated, int Removed, int ComparedWithMicrosoftProject, IReadOnlyList<string> Differences,
    int CrossUnitLinks, IReadOnlyList<string> LeftOut);

// Every change to a unit's plan, from pages, API and command line alike. After each change the plan is
// scheduled again in the same save, so the stored dates are never stale, and every milestone whose
// forecast moved gets a MilestoneForecast: the drift every level above reads.
public sealed class PlanService(StewardDbContext db, UnitQueries units, AccessPolicy access, LinkedPlans linked, TimeProvider clock, IOptions<ImportLimits> limits)
{
    public Task<IReadOnlyList<ValidationFailure>> CheckAsync(TaskInput input, int minutesPerDay, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<ValidationFailure>>(new TaskInputValidator(minutesPerDay).Validate(input).Errors);

    // Microsoft Project XML into the unit's plan. Tasks are matched by UID, so importing a file again
    // updates the plan (and its milestones' drift) instead of starting over; tasks not in the file go.
    public async Task<PlanImportResult> ImportAsync(string unitKey, Stream file, CancellationToken ct = default)
    {
        var unit = await OpenUnitAsync(unitKey, "import a plan into", ct);
        MspdiProject project;
        ScheduleComparison comparison;
        try
        {
            project = MspdiReader.Read(file, limits.Value.Plans);
            comparison = MicrosoftProjectComparison.Compare(project, Scheduler.Run(project.ToPlan()));
        }
        catch (PlanException bad)
        {
            throw Invalid("file", bad.Message);
        }

        // Microsoft Project allows one link between two tasks; a file with two is not one it wrote.
        if (project.Links.GroupBy(l => (l.PredecessorId, l.SuccessorId)).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw Invalid("file", $"Task {twice.Key.SuccessorId} is linked to its predecessor {twice.Key.PredecessorId} more than once; Microsoft Project allows one link between two tasks.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var plan = await LoadAsync(unit.Id, ct) ?? NewPlan(unit);
        plan.Name = Clip(project.Name, UnitPlan.NameMaxLength) ?? unit.Name;
        plan.Start = project.Start;
        plan.MinutesPerDay = project.MinutesPerDay;
        plan.StatusDate = project.StatusDate;
        plan.Calendar = PlanCalendar.Of(project.Calendar, null).ToJson();

        var existing = plan.Tasks.ToDictionary(t => t.Uid);
        int added = 0, updated = 0;
        var position = 0;
        var externals = project.Tasks.Where(t => t.External is not null).ToDictionary(t => t.Id, t => t.External!, StringComparer.Ordinal);
        foreach (var task in project.Tasks.Where(t => t.External is null))
        {
            if (!existing.Remove(task.Uid, out var stored))
            {
                // Added explicitly: found only through the plan's collection, a task whose key is already
                // set would be taken for an existing row.
                stored = new PlannedTask { Id = Guid.CreateVersion7(), PlanId = plan.Id, Uid = task.Uid, Name = task.Name };
                plan.Tasks.Add(stored);
                db.PlanTasks.Add(stored);
                added++;
            }
            else
            {
                updated++;
            }

            stored.Position = position++;
            stored.OutlineLevel = task.OutlineLevel;
            stored.Name = Clip(task.Name, PlannedTask.NameMaxLength) ?? $"Task {task.Uid}";
            stored.Milestone = task.Milestone;
            stored.ReportingLevel = task.Milestone ? stored.ReportingLevel ?? MilestoneLevel.Project : null;
            stored.DurationMinutes = task.Duration.Minutes;
            stored.DurationElapsed = task.Duration.Elapsed;
            stored.DurationFormat = task.DurationFormat;
            stored.Constraint = task.Constraint;
            stored.ConstraintDate = task.ConstraintDate;
            stored.Deadline = task.Deadline;
            stored.ManualStart = task.ManualStart;
            stored.PercentComplete = task.PercentComplete;
            stored.ActualStart = task.ActualStart;
            stored.ActualFinish = task.ActualFinish;
            stored.Resources = Clip(task.Resources, PlannedTask.ResourcesMaxLength);
        }

        var goneUids = existing.Keys.ToList();
        if (await WaitedOnAsync(plan, goneUids, ct) is { } waited)
        {
            throw Invalid("file", $"The file leaves out a task other plans wait on. {waited}");
        }

        var leftOut = new List<string>();
        var (acrossUnits, withinPlan) = await ExternalLinksAsync(unit, plan.Id, project, externals, leftOut, ct);
        if (externals.Count > 0)
        {
            // A file with external tasks says which links across units the plan has: they replace its own.
            db.CrossUnitLinks.RemoveRange(await db.CrossUnitLinks.Where(l => l.PlanId == plan.Id).ToListAsync(ct));
            db.CrossUnitLinks.AddRange(acrossUnits);
        }
        else
        {
            // One without says nothing of them (Microsoft Project alone knows no other unit's plan): they stay.
            await RemoveCrossUnitLinksAsync(plan, goneUids, ct);
        }

        foreach (var gone in existing.Values)
        {
            plan.Tasks.Remove(gone);
            db.PlanTasks.Remove(gone);
        }

        db.PlanLinks.RemoveRange(plan.Links);
        plan.Links = project.Links.Where(l => !externals.ContainsKey(l.PredecessorId) && !externals.ContainsKey(l.SuccessorId)).Concat(withinPlan).Select(l => new TaskLink
        {
            Id = Guid.CreateVersion7(), PlanId = plan.Id, PredecessorUid = int.Parse(l.PredecessorId, System.Globalization.CultureInfo.InvariantCulture),
            SuccessorUid = int.Parse(l.SuccessorId, System.Globalization.CultureInfo.InvariantCulture), Type = l.Type, LagMinutes = l.Lag.Minutes, LagElapsed = l.Lag.Elapsed,
        }).ToList();
        db.PlanLinks.AddRange(plan.Links);

        await ScheduleAsync(plan, unit, "file", ct);
        await ImportBaselinesAsync(plan, project, ct);
        await SaveAsync(plan, plan.Name, plan.Version, ct);
        await transaction.CommitAsync(ct);
        return new PlanImportResult(
            plan.Tasks.Count, plan.Links.Count, plan.Tasks.Count(t => t.Milestone), added, updated, existing.Count, comparison.Compared,
            comparison.Differences.Select(d => d.ToString()).ToList(), externals.Count > 0 ? acrossUnits.Count : await db.CrossUnitLinks.CountAsync(l => l.PlanId == plan.Id, ct),
            leftOut);
    }

    // The file's external tasks as links across units: a project named by the code of a unit the actor may
    // see is that unit's plan, and the task number after it is a task there (as Steward writes them). One
    // naming this unit is a link within the plan. Anything else (a Microsoft Project file path) is not a
    // plan Steward holds: its links are left out and said so. A link to an external successor is the other
    // project's to hold.
    private async Task<(List<CrossUnitLink> AcrossUnits, List<PlanLink> WithinPlan)> ExternalLinksAsync(
        UnitView unit, Guid planId, MspdiProject project, Dictionary<string, MspdiExternal> externals, List<string> leftOut, CancellationToken ct)
    {
        var across = new List<CrossUnitLink>();
        var within = new List<PlanLink>();
        var names = project.Tasks.ToDictionary(t => t.Id, t => t.Name, StringComparer.Ordinal);

        // A task waiting on this plan in another unit's is that plan's link to hold; one Steward holds (as
        // Steward's own export writes them) needs no word, and any other is said to be left out.
        var outgoing = project.Links.Where(l => externals.ContainsKey(l.SuccessorId)).ToList();
        var held = outgoing.Count == 0 ? [] : (await (from l in db.CrossUnitLinks
                                                       where l.PredecessorPlanId == planId
                                                       join p in db.Plans on l.PlanId equals p.Id
                                                       select new { l.PredecessorUid, p.Unit!.Code }).ToListAsync(ct))
            .Select(h => (h.PredecessorUid, h.Code)).ToHashSet();
        foreach (var link in outgoing.Where(l => !held.Contains((int.Parse(l.PredecessorId, System.Globalization.CultureInfo.InvariantCulture), externals[l.SuccessorId].Project.ToUpperInvariant()))))
        {
            leftOut.Add($"Task {link.PredecessorId} ({names[link.PredecessorId]}) is a predecessor of {names[link.SuccessorId]} in {externals[link.SuccessorId].Project}: that project holds the link.");
        }

        var incoming = project.Links.Where(l => externals.ContainsKey(l.PredecessorId) && !externals.ContainsKey(l.SuccessorId)).ToList();
        foreach (var link in incoming.Where(l => externals[l.PredecessorId].TaskNumber <= 0))
        {
            leftOut.Add($"Task {link.SuccessorId} ({names[link.SuccessorId]}) waits on {names[link.PredecessorId]} in another project, but the file does not say which of its tasks: that link was left out.");
        }

        foreach (var byProject in incoming.Where(l => externals[l.PredecessorId].TaskNumber > 0).GroupBy(l => externals[l.PredecessorId].Project))
        {
            var code = byProject.Key;
            if (string.Equals(code, unit.Code, StringComparison.OrdinalIgnoreCase))
            {
                within.AddRange(byProject.Select(l => l with { PredecessorId = StoredPlan.IdOf(externals[l.PredecessorId].TaskNumber) }));
                continue;
            }

            var other = code.Length == 0 ? null : await units.FindByCodeAsync(code, ct);
            if (other is null || !await access.CanAsync(PmoArea.Planning, PmoAction.Read, other.Path, ct))
            {
                leftOut.AddRange(byProject.Select(l =>
                    $"Task {l.SuccessorId} ({names[l.SuccessorId]}) waits on {names[l.PredecessorId]} in {(code.Length == 0 ? "another project" : code)}, which is not a unit you can see in Steward: that link was left out."));
                continue;
            }

            var otherPlan = await db.Plans.Where(p => p.UnitId == other.Id).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct)
                ?? throw Invalid("file", $"Task {byProject.First().SuccessorId} waits on a task of {other.Code}, which has no plan yet");
            var numbers = byProject.Select(l => externals[l.PredecessorId].TaskNumber).Distinct().ToList();
            var known = await db.PlanTasks.Where(t => t.PlanId == otherPlan && numbers.Contains(t.Uid)).Select(t => t.Uid).ToListAsync(ct);
            if (byProject.FirstOrDefault(l => !known.Contains(externals[l.PredecessorId].TaskNumber)) is { } unknown)
            {
                throw Invalid("file", $"Task {unknown.SuccessorId} waits on task {externals[unknown.PredecessorId].TaskNumber} of {other.Code}, and {other.Code}'s plan has no such task");
            }

            var links = byProject.ToList();
            if (!await access.CanAsync(PmoArea.Planning, PmoAction.Contribute, other.Path, ct))
            {
                // Only links this plan already holds come in from a plan the importer may not change.
                var alreadyHeld = (await db.CrossUnitLinks.Where(h => h.PlanId == planId && h.PredecessorPlanId == otherPlan).ToListAsync(ct))
                    .Select(h => (h.SuccessorUid, h.PredecessorUid, h.Type, h.LagMinutes, h.LagElapsed)).ToHashSet();
                bool IsHeld(PlanLink l) => alreadyHeld.Contains((int.Parse(l.SuccessorId, System.Globalization.CultureInfo.InvariantCulture), externals[l.PredecessorId].TaskNumber, l.Type, l.Lag.Minutes, l.Lag.Elapsed));
                leftOut.AddRange(links.Where(l => !IsHeld(l)).Select(l =>
                    $"Task {l.SuccessorId} ({names[l.SuccessorId]}) waits on {names[l.PredecessorId]} in {other.Code}, whose plan you may not change: that link was left out."));
                links = links.Where(IsHeld).ToList();
            }

            across.AddRange(links.Select(l => new CrossUnitLink
            {
                Id = Guid.CreateVersion7(), PlanId = planId, SuccessorUid = int.Parse(l.SuccessorId, System.Globalization.CultureInfo.InvariantCulture), PredecessorPlanId = otherPlan,
                PredecessorUid = externals[l.PredecessorId].TaskNumber, Type = l.Type, LagMinutes = l.Lag.Minutes, LagElapsed = l.Lag.Elapsed,
            }).DistinctBy(l => (l.SuccessorUid, l.PredecessorUid)));
        }

        return (across, within);
    }

    // Baselines saved in Microsoft Project replace Steward's of the same number.
    private async Task ImportBaselinesAsync(UnitPlan plan, MspdiProject project, CancellationToken ct)
    {
        var saved = project.Tasks.SelectMany(t => t.Baselines.Select(b => (t.Uid, Baseline: b))).GroupBy(b => b.Baseline.Number).ToList();
        if (saved.Count == 0)
        {
            return;
        }

        var numbers = saved.Select(g => g.Key).ToList();
        await db.PlanBaselines.Where(b => b.PlanId == plan.Id && numbers.Contains(b.Number)).ExecuteDeleteAsync(ct);
        foreach (var group in saved)
        {
            db.PlanBaselines.Add(new PlanBaseline
            {
                Id = Guid.CreateVersion7(), PlanId = plan.Id, Number = group.Key, Name = group.Key == 0 ? "Baseline" : $"Baseline{group.Key}",
                Reason = "Saved in Microsoft Project and imported with the plan", SetBy = db.ChangeContext.Actor, SetAt = clock.GetUtcNow().UtcDateTime,
                Tasks = group.Select(b => new BaselineTask
                {
                    Id = Guid.CreateVersion7(), Uid = b.Uid, Start = b.Baseline.Start, Finish = b.Baseline.Finish, DurationMinutes = b.Baseline.DurationMinutes,
                }).ToList(),
            });
        }
    }

    public async Task<PlannedTask> AddTaskAsync(string unitKey, TaskInput input, CancellationToken ct = default)
    {
        var unit = await OpenUnitAsync(unitKey, "add tasks to the plan of", ct);
        var plan = await LoadAsync(unit.Id, ct) ?? NewPlan(unit);
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
                throw Invalid("parentUid", $"The plan has no task {parentUid}");
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
        await ScheduleAsync(plan, unit, "predecessors", ct);
        await SaveAsync(plan, task.Name, 0, ct);
        return task;
    }

    public async Task<PlannedTask> UpdateTaskAsync(string unitKey, int uid, int expectedVersion, TaskInput input, CancellationToken ct = default)
    {
        var unit = await OpenUnitAsync(unitKey, "change the plan of", ct);
        var plan = await LoadAsync(unit.Id, ct) ?? throw new RecordNotFoundException("task", uid.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var task = plan.Tasks.FirstOrDefault(t => t.Uid == uid) ?? throw new RecordNotFoundException("task", uid.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (task.Version != expectedVersion)
        {
            throw new StaleVersionException(task.Name, expectedVersion, task.Version);
        }

        new TaskInputValidator(plan.MinutesPerDay).ValidateAndThrow(input);
        if (input.ParentUid is not null)
        {
            throw Invalid("parentUid", "A task keeps its place in the outline when it is changed");
        }

        await ApplyAsync(plan, unit, task, input, ct);
        // Its predecessors are rows of their own: a change to them alone is still a new version of the task.
        if (db.Entry(task).State == EntityState.Unchanged)
        {
            db.Entry(task).State = EntityState.Modified;
        }

        await ScheduleAsync(plan, unit, "predecessors", ct);
        await SaveAsync(plan, task.Name, expectedVersion, ct);
        return task;
    }

    // The task and everything under it in the outline, with their links.
    public async Task RemoveTaskAsync(string unitKey, int uid, int expectedVersion, CancellationToken ct = default)
    {
        var (unit, plan, ordered, index) = await OpenTaskAsync(unitKey, uid, expectedVersion, "remove tasks from the plan of", ct);

        var end = PlanOutline.EndOf(ordered, index);
        var removed = ordered.GetRange(index, end - index).Select(t => t.Uid).ToHashSet();
        if (await WaitedOnAsync(plan, removed, ct) is { } waited)
        {
            throw new RecordStateConflictException(waited);
        }

        await RemoveCrossUnitLinksAsync(plan, removed, ct);
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

        await ScheduleAsync(plan, unit, "task", ct);
        await SaveAsync(plan, plan.Name, 0, ct);
    }

    // Up, down, indent or outdent, with everything under the task; the plan is scheduled again, as a task
    // that gains or loses a summary task may move.
    public async Task<PlannedTask> MoveTaskAsync(string unitKey, int uid, int expectedVersion, TaskMoveInput input, CancellationToken ct = default)
    {
        var (unit, plan, ordered, index) = await OpenTaskAsync(unitKey, uid, expectedVersion, "change the plan of", ct);
        var task = ordered[index];

        if (input.Move is not { } move)
        {
            throw Invalid("move", "Choose how to move the task: up, down, indent or outdent");
        }

        if (PlanOutline.Move(ordered, index, move) is { } refused)
        {
            throw Invalid("move", $"Task {uid} cannot be moved {move.ToString().ToLowerInvariant()}: {char.ToLowerInvariant(refused[0])}{refused[1..]}");
        }

        for (var i = 0; i < ordered.Count; i++)
        {
            ordered[i].Position = i;
        }

        await ScheduleAsync(plan, unit, "move", ct);
        await SaveAsync(plan, task.Name, expectedVersion, ct);
        return task;
    }

    public async Task<UnitPlan> UpdateSettingsAsync(string unitKey, int expectedVersion, PlanSettingsInput input, CancellationToken ct = default)
    {
        var unit = await OpenUnitAsync(unitKey, "change the plan settings of", ct);
        new PlanSettingsInputValidator().ValidateAndThrow(input);
        var plan = await LoadAsync(unit.Id, ct);
        if ((plan?.Version ?? 0) != expectedVersion)
        {
            throw new StaleVersionException(plan?.Name ?? unit.Name, expectedVersion, plan?.Version ?? 0);
        }

        plan ??= NewPlan(unit);
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
        await ScheduleAsync(plan, unit, "start", ct);
        await SaveAsync(plan, plan.Name, expectedVersion, ct);
        return plan;
    }

    // Up to 11 per plan. Without a number the lowest free one is used; with one, that baseline is replaced.
    public async Task<PlanBaseline> SetBaselineAsync(string unitKey, BaselineInput input, CancellationToken ct = default)
    {
        var unit = await OpenUnitAsync(unitKey, "set a baseline of the plan of", ct);
        new BaselineInputValidator().ValidateAndThrow(input);
        var plan = await LoadAsync(unit.Id, ct);
        if (plan is null || plan.Tasks.Count == 0)
        {
            throw new RecordStateConflictException($"{unit.Code} has no plan yet; import or add tasks before setting a baseline.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var taken = await db.PlanBaselines.Where(b => b.PlanId == plan.Id).Select(b => new { b.Id, b.Number }).ToListAsync(ct);
        var number = input.Number ?? Enumerable.Range(0, PlanBaseline.MaxPerPlan).Cast<int?>().FirstOrDefault(n => taken.All(b => b.Number != n))
            ?? throw Invalid("number", $"The plan already has {PlanBaseline.MaxPerPlan} baselines, the most it can keep; give the number (0 to 10) of the one to replace");
        if (taken.FirstOrDefault(b => b.Number == number) is { } replaced)
        {
            await db.PlanBaselines.Where(b => b.Id == replaced.Id).ExecuteDeleteAsync(ct);
        }

        var baseline = new PlanBaseline
        {
            Id = Guid.CreateVersion7(), PlanId = plan.Id, Number = number, Name = input.Name!.Trim(), Reason = string.IsNullOrWhiteSpace(input.Reason) ? null : input.Reason.Trim(),
            SetBy = db.ChangeContext.Actor, SetAt = clock.GetUtcNow().UtcDateTime,
            Tasks = plan.Tasks.Where(t => t.EarlyStart is not null).Select(t => new BaselineTask
            {
                Id = Guid.CreateVersion7(), Uid = t.Uid, Start = t.EarlyStart!.Value, Finish = t.EarlyFinish!.Value, DurationMinutes = t.DurationMinutes,
            }).ToList(),
        };
        db.PlanBaselines.Add(baseline);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return baseline;
    }

    private async Task ApplyAsync(UnitPlan plan, UnitView unit, PlannedTask task, TaskInput input, CancellationToken ct)
    {
        task.Name = input.Name!.Trim();
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
        await ApplyCrossUnitAsync(plan, task, predecessors.Where(p => p.Unit is not null).ToList(), ct);
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

    // Predecessors in other units' plans: each must be a task of a plan the actor may read.
    private async Task ApplyCrossUnitAsync(UnitPlan plan, PlannedTask task, IReadOnlyList<Predecessor> predecessors, CancellationToken ct)
    {
        var links = new List<CrossUnitLink>();
        var existing = await db.CrossUnitLinks.Where(l => l.PlanId == plan.Id && l.SuccessorUid == task.Uid).ToListAsync(ct);
        foreach (var unitGroup in predecessors.GroupBy(p => p.Unit!))
        {
            var other = await units.FindByCodeAsync(unitGroup.Key, ct);
            if (other is null || !await access.CanAsync(PmoArea.Planning, PmoAction.Read, other.Path, ct))
            {
                throw Invalid("predecessors", $"No unit you can see has the code {unitGroup.Key}");
            }

            var otherPlan = await db.Plans.Where(p => p.UnitId == other.Id).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct)
                ?? throw Invalid("predecessors", $"{other.Code} has no plan yet, so none of its tasks can be a predecessor");
            var uids = unitGroup.Select(p => p.Uid).Distinct().ToList();
            var known = await db.PlanTasks.Where(t => t.PlanId == otherPlan && uids.Contains(t.Uid)).Select(t => t.Uid).ToListAsync(ct);
            if (uids.Where(u => !known.Contains(u)).Select(u => (int?)u).FirstOrDefault() is { } missing)
            {
                throw Invalid("predecessors", $"{other.Code}'s plan has no task {missing}");
            }

            // A link holds the other plan's tasks to this one's dates (their late dates and float move), so
            // making or changing one needs the right to change that plan too; links already held stay.
            var changing = unitGroup.Any(p => !existing.Any(e => e.PredecessorPlanId == otherPlan && e.PredecessorUid == p.Uid && e.Type == p.Type
                && e.LagMinutes == p.Lag.Minutes && e.LagElapsed == p.Lag.Elapsed));
            if (changing && !await access.CanAsync(PmoArea.Planning, PmoAction.Contribute, other.Path, ct))
            {
                throw Invalid("predecessors", $"A link from {other.Code}'s plan moves the late dates and float of its tasks, so it needs the right to change {other.Code}'s plan, which you do not have");
            }

            links.AddRange(unitGroup.DistinctBy(p => p.Uid).Select(p => new CrossUnitLink
            {
                Id = Guid.CreateVersion7(), PlanId = plan.Id, SuccessorUid = task.Uid, PredecessorPlanId = otherPlan, PredecessorUid = p.Uid, Type = p.Type,
                LagMinutes = p.Lag.Minutes, LagElapsed = p.Lag.Elapsed,
            }));
        }

        db.CrossUnitLinks.RemoveRange(existing);
        db.CrossUnitLinks.AddRange(links);
    }

    // Tasks that other units' plans wait on cannot go while they do: their links would go with them.
    private async Task<string?> WaitedOnAsync(UnitPlan plan, IReadOnlyCollection<int> uids, CancellationToken ct)
    {
        var waiting = await (from l in db.CrossUnitLinks
                             join p in db.Plans on l.PlanId equals p.Id
                             where l.PredecessorPlanId == plan.Id && uids.Contains(l.PredecessorUid)
                             orderby l.PredecessorUid, p.Unit!.Code, l.SuccessorUid
                             select new { l.PredecessorUid, p.Unit!.Code, l.SuccessorUid }).FirstOrDefaultAsync(ct);
        return waiting is null ? null
            : $"Task {waiting.PredecessorUid} is a predecessor of {waiting.Code}/{waiting.SuccessorUid} in {waiting.Code}'s plan; that link must be removed there first";
    }

    private async Task RemoveCrossUnitLinksAsync(UnitPlan plan, IReadOnlyCollection<int> uids, CancellationToken ct) =>
        db.CrossUnitLinks.RemoveRange(await db.CrossUnitLinks.Where(l => l.PlanId == plan.Id && uids.Contains(l.SuccessorUid)).ToListAsync(ct));

    // The scheduler over the stored plan; its refusal (a loop, a link to no task) is the field's error and nothing is saved.
    private async Task ScheduleAsync(UnitPlan plan, UnitView unit, string field, CancellationToken ct)
    {
        // Every change to a plan bumps its version, so two people changing one plan at once cannot
        // each save a schedule worked out without the other's change.
        if (db.Entry(plan).State == EntityState.Unchanged)
        {
            db.Entry(plan).State = EntityState.Modified;
        }

        var tasks = plan.Tasks.OrderBy(t => t.Position).ToList();
        for (var i = 0; i < tasks.Count; i++)
        {
            tasks[i].Summary = i + 1 < tasks.Count && tasks[i + 1].OutlineLevel > tasks[i].OutlineLevel;
            if (tasks[i].Summary && tasks[i].Milestone)
            {
                // A task that gains children becomes their summary: its dates are theirs, not a milestone's.
                tasks[i].Milestone = false;
                tasks[i].ReportingLevel = null;
            }
        }

        if (tasks.Count == 0)
        {
            plan.Finish = null;
            plan.ScheduledAt = clock.GetUtcNow().UtcDateTime;
            plan.ScheduleRevision++;
            return;
        }

        // The plans linked to this one across units move with it; each milestone whose forecast moved, in
        // any of them, gets its drift recorded.
        var set = await linked.LoadAsync(plan, unit.Code, ct);
        var before = set.Plans.SelectMany(p => p.Tasks).ToDictionary(t => t, t => (t.EarlyStart, t.EarlyFinish, t.LateStart, t.LateFinish, t.TotalFloatMinutes, t.FreeFloatMinutes, t.Critical));
        try
        {
            LinkedPlans.Run(set);
        }
        catch (PlanException bad)
        {
            throw Invalid(field, bad.Message);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var (task, was) in before)
        {
            if (task.Milestone && was.EarlyFinish != task.EarlyFinish)
            {
                db.MilestoneForecasts.Add(new MilestoneForecast
                {
                    Id = Guid.CreateVersion7(), Task = task, TaskId = task.Id, UnitId = set.Plans.First(p => p.Plan.Id == task.PlanId).Plan.UnitId,
                    RecordedAt = now, Forecast = task.EarlyFinish!.Value, Previous = was.EarlyFinish,
                });
            }
        }

        // A plan whose dates moved only because one it is linked to changed keeps its version (forms open
        // on it stay good) but shows when it was last scheduled, which its cached views are keyed on.
        foreach (var other in set.Plans)
        {
            if (other.Plan == plan || other.Tasks.Any(t => before[t] != (t.EarlyStart, t.EarlyFinish, t.LateStart, t.LateFinish, t.TotalFloatMinutes, t.FreeFloatMinutes, t.Critical)))
            {
                other.Plan.ScheduledAt = now;
            }

            // Every open plan of the set was read to work out this schedule: a change saved meanwhile to any
            // of them makes this save fail rather than keep dates worked out without it. A closed plan
            // cannot change.
            if (!other.Closed)
            {
                other.Plan.ScheduleRevision++;
            }
        }
    }

    // The plan in outline order and the task's place in it, refused if the task is not the version the
    // actor saw.
    private async Task<(UnitView Unit, UnitPlan Plan, List<PlannedTask> Ordered, int Index)> OpenTaskAsync(
        string unitKey, int uid, int expectedVersion, string verb, CancellationToken ct)
    {
        var unit = await OpenUnitAsync(unitKey, verb, ct);
        var plan = await LoadAsync(unit.Id, ct) ?? throw new RecordNotFoundException("task", uid.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var ordered = plan.Tasks.OrderBy(t => t.Position).ToList();
        var index = ordered.FindIndex(t => t.Uid == uid);
        if (index < 0)
        {
            throw new RecordNotFoundException("task", uid.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (ordered[index].Version != expectedVersion)
        {
            throw new StaleVersionException(ordered[index].Name, expectedVersion, ordered[index].Version);
        }

        return (unit, plan, ordered, index);
    }

    private async Task<UnitPlan?> LoadAsync(Guid unitId, CancellationToken ct) =>
        await db.Plans.Include(p => p.Tasks).Include(p => p.Links).AsSplitQuery().FirstOrDefaultAsync(p => p.UnitId == unitId, ct);

    private UnitPlan NewPlan(UnitView unit)
    {
        var plan = new UnitPlan { Id = Guid.CreateVersion7(), UnitId = unit.Id, Name = unit.Name, Start = DateOnly.FromDateTime(clock.GetLocalNow().DateTime).ToDateTime(new TimeOnly(8, 0)) };
        db.Plans.Add(plan);
        return plan;
    }

    // A plan follows the registers' rule (UnitChangeRule): it is what the unit committed to, so it is
    // frozen once the unit closes. The whole view is read here, as a new plan takes the unit's name.
    private async Task<UnitView> OpenUnitAsync(string unitKey, string verb, CancellationToken ct)
    {
        var unit = await units.RequireAsync(unitKey, ct);
        await access.DemandAsync(PmoArea.Planning, PmoAction.Contribute, unit.Path, $"{verb} {unit.Code}", ct);
        UnitChangeRule.Demand(unit.Code, unit.Status, RecordChange.Commitment, "plan");
        return unit;
    }

    private async Task SaveAsync(UnitPlan plan, string name, int expectedVersion, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException conflict)
        {
            if (await RescheduledMeanwhileAsync(conflict, plan, ct) is { } which)
            {
                throw new RecordStateConflictException(
                    $"{which} was rescheduled by a change to a linked plan saved at the same moment. Nothing was saved; try again.");
            }

            throw new StaleVersionException(name, expectedVersion, expectedVersion + 1);
        }
    }

    // Which plan another change got to first, when it did so only by scheduling it (its revision rose but
    // not its version): a plan linked to this one (loaded with its unit), or this plan itself. Null when
    // this plan or task was edited meanwhile, which is a stale edit.
    private static async Task<string?> RescheduledMeanwhileAsync(DbUpdateConcurrencyException conflict, UnitPlan plan, CancellationToken ct)
    {
        foreach (var entry in conflict.Entries)
        {
            switch (entry.Entity)
            {
                case UnitPlan other when other != plan && other.Unit is not null:
                    return $"{other.Unit.Code}'s plan, which is linked to this one,";
                case PlannedTask task when task.PlanId != plan.Id && task.Plan?.Unit is not null:
                    return $"{task.Plan.Unit.Code}'s plan, which is linked to this one,";
                case UnitPlan when await entry.GetDatabaseValuesAsync(ct) is { } stored
                    && stored.GetValue<int>(nameof(UnitPlan.Version)) == entry.Property(nameof(UnitPlan.Version)).OriginalValue as int?:
                    return "This plan";
            }
        }

        return null;
    }

    private static ValidationException Invalid(string field, string message) => new([new ValidationFailure(field, message)]);

    private static string? Clip(string? text, int max) => string.IsNullOrWhiteSpace(text) ? null : text.Length <= max ? text.Trim() : text[..max].Trim();
}
