using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Steward.Data;
using Steward.Infrastructure;
using Steward.Scheduling;
using Steward.Scheduling.Mspdi;

namespace Steward.Features.Plans;

// LeftOut says what of the file Steward could not keep: links to tasks of projects it does not hold.
public sealed record PlanImportResult(
    int Tasks, int Links, int Milestones, int Added, int Updated, int Removed, int ComparedWithMicrosoftProject, IReadOnlyList<string> Differences,
    int CrossUnitLinks, IReadOnlyList<string> LeftOut);

// A Microsoft Project file (MSPDI XML) into a unit's plan, with its links to other units' plans and the
// baselines saved in it.
public sealed class MicrosoftProjectImport(StewardDbContext db, PlanStore store, CrossUnitLinking crossUnit, TimeProvider clock, IOptions<ImportLimits> limits)
{
    // Microsoft Project XML into the unit's plan. Tasks are matched by UID, so importing a file again
    // updates the plan (and its milestones' drift) instead of starting over; tasks not in the file go.
    public async Task<PlanImportResult> ImportAsync(string unitKey, Stream file, CancellationToken ct = default)
    {
        var unit = await store.OpenUnitAsync(unitKey, "import a plan into", ct);
        MspdiProject project;
        ScheduleComparison comparison;
        try
        {
            project = MspdiReader.Read(file, limits.Value.Plans);
            comparison = MicrosoftProjectComparison.Compare(project, Scheduler.Run(project.ToPlan()));
        }
        catch (PlanException bad)
        {
            throw PlanStore.Invalid("file", bad.Message);
        }

        // Microsoft Project allows one link between two tasks; a file with two is not one it wrote.
        if (project.Links.GroupBy(l => (l.PredecessorId, l.SuccessorId)).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw PlanStore.Invalid("file", $"Task {twice.Key.SuccessorId} is linked to its predecessor {twice.Key.PredecessorId} more than once; Microsoft Project allows one link between two tasks.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var plan = await store.LoadAsync(unit.Id, ct) ?? store.NewPlan(unit);
        plan.Name = PlanStore.Clip(project.Name, UnitPlan.NameMaxLength) ?? unit.Name;
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
            stored.Name = PlanStore.Clip(task.Name, PlannedTask.NameMaxLength) ?? $"Task {task.Uid}";
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
            stored.Resources = PlanStore.Clip(task.Resources, PlannedTask.ResourcesMaxLength);
        }

        var goneUids = existing.Keys.ToList();
        if (await crossUnit.WaitedOnAsync(plan, goneUids, ct) is { } waited)
        {
            throw PlanStore.Invalid("file", $"The file leaves out a task other plans wait on. {waited}");
        }

        var leftOut = new List<string>();
        var (acrossUnits, withinPlan) = await crossUnit.FromFileAsync(unit, plan.Id, project, externals, leftOut, ct);
        if (externals.Count > 0)
        {
            // A file with external tasks says which links across units the plan has: they replace its own.
            db.CrossUnitLinks.RemoveRange(await db.CrossUnitLinks.Where(l => l.PlanId == plan.Id).ToListAsync(ct));
            db.CrossUnitLinks.AddRange(acrossUnits);
        }
        else
        {
            // One without says nothing of them (Microsoft Project alone knows no other unit's plan): they stay.
            await crossUnit.RemoveForTasksAsync(plan, goneUids, ct);
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

        await store.ScheduleAsync(plan, unit, "file", ct);
        await ImportBaselinesAsync(plan, project, ct);
        await store.SaveAsync(plan, plan.Name, plan.Version, ct);
        await transaction.CommitAsync(ct);
        return new PlanImportResult(
            plan.Tasks.Count, plan.Links.Count, plan.Tasks.Count(t => t.Milestone), added, updated, existing.Count, comparison.Compared,
            comparison.Differences.Select(d => d.ToString()).ToList(), externals.Count > 0 ? acrossUnits.Count : await db.CrossUnitLinks.CountAsync(l => l.PlanId == plan.Id, ct),
            leftOut);
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

}
