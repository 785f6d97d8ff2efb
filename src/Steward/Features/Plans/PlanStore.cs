using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Steward.Data;
using Steward.Features.Access;
using Steward.Features.Units;
using Steward.Infrastructure;
using Steward.Infrastructure.Registers;
using Steward.Scheduling;

namespace Steward.Features.Plans;

// The steps every change to a plan shares: the unit guard, loading the plan with its tasks and links,
// scheduling it again with the plans linked to it, and saving it against the version the actor saw.
// After each change the plan is scheduled again in the same save, so the stored dates are never stale,
// and every milestone whose forecast moved gets a MilestoneForecast: the drift every level above reads.
public sealed class PlanStore(StewardDbContext db, UnitQueries units, AccessPolicy access, LinkedPlans linked, PlanRows rows, PlanTaskCopies copies, TimeProvider clock)
{
    // Tasks whose schedule moved and nothing else: written after EF's save, in a few statements.
    private readonly DerivedFieldWrites rescheduled = new(db);

    // A task the change edits directly (not only by rescheduling it), tracked from here on.
    public EntityEntry<PlannedTask> Edit(PlannedTask task) => copies.Track(task);

    // The plan in outline order and the task's place in it, refused if the task is not the version the
    // actor saw.
    public async Task<(UnitView Unit, UnitPlan Plan, List<PlannedTask> Ordered, int Index)> OpenTaskAsync(
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

    public async Task<UnitPlan?> LoadAsync(Guid unitId, CancellationToken ct) =>
        await db.Plans.FirstOrDefaultAsync(p => p.UnitId == unitId, ct) is { } plan ? await rows.TrackAsync(db, copies, plan, ct) : null;

    public UnitPlan NewPlan(UnitView unit)
    {
        var plan = new UnitPlan { Id = Guid.CreateVersion7(), UnitId = unit.Id, Name = unit.Name, Start = DateOnly.FromDateTime(clock.GetLocalNow().DateTime).ToDateTime(new TimeOnly(8, 0)) };
        db.Plans.Add(plan);
        return plan;
    }

    // A plan follows the registers' rule (UnitChangeRule): it is what the unit committed to, so it is
    // frozen once the unit closes. The whole view is read here, as a new plan takes the unit's name.
    public async Task<UnitView> OpenUnitAsync(string unitKey, string verb, CancellationToken ct)
    {
        var unit = await units.RequireAsync(unitKey, ct);
        await access.DemandAsync(PmoArea.Planning, PmoAction.Contribute, unit.Path, $"{verb} {unit.Code}", ct);
        UnitChangeRule.Demand(unit.Code, unit.Status, RecordChange.Commitment, "plan");
        return unit;
    }

    public async Task SaveAsync(UnitPlan plan, string name, int expectedVersion, CancellationToken ct)
    {
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            LeaveOnlyEditsTracked();
            await db.SaveChangesAsync(ct);
            await rescheduled.WriteAsync(ct);
            if (transaction is not null)
            {
                await transaction.CommitAsync(ct);

                // Only a save that is its own transaction is known to be stored once it returns.
                rows.Saved(plan);
            }

            ForgetSavedRows();
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

    // Once the schedule is worked out, most of a large plan's tracked tasks either did not change or only
    // moved: the moved ones are written after EF's save (DerivedFieldWrites), and neither needs tracking
    // for it. EF and the interceptors scan every tracked entity for changes several times per save, 15 to
    // 30 ms each over 5,000 tasks, so both are detached after one scan here. A task a new milestone
    // forecast points at stays tracked: detaching it would sever the forecast from it.
    private void LeaveOnlyEditsTracked()
    {
        rescheduled.Clear();
        copies.Settle(rescheduled.Add);
        db.ChangeTracker.DetectChanges();
        var detect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            var forecast = db.ChangeTracker.Entries<MilestoneForecast>().Where(f => f.State == EntityState.Added).Select(f => f.Entity.TaskId).ToHashSet();
            foreach (var entry in db.ChangeTracker.Entries<PlannedTask>().ToList())
            {
                if (!forecast.Contains(entry.Entity.Id) && (entry.State == EntityState.Unchanged || rescheduled.Take(entry)))
                {
                    entry.State = EntityState.Detached;
                }
            }
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }

    // Saved, the plan's rows need no tracking, and the next change in this context (the demo seeds one
    // plan task by task) loads copies of them afresh, which must not meet these in the tracker.
    private void ForgetSavedRows()
    {
        copies.Clear();
        foreach (var entry in db.ChangeTracker.Entries().Where(e => e.Entity is PlannedTask or TaskLink or MilestoneForecast).ToList())
        {
            entry.State = EntityState.Detached;
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

    // The scheduler over the stored plan; its refusal (a loop, a link to no task) is the field's error and nothing is saved.
    public async Task ScheduleAsync(UnitPlan plan, UnitView unit, string field, CancellationToken ct)
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
                    Id = Guid.CreateVersion7(), TaskId = task.Id, UnitId = set.Plans.First(p => p.Plan.Id == task.PlanId).Plan.UnitId,
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

    public static ValidationException Invalid(string field, string message) => new([new ValidationFailure(field, message)]);

    public static string? Clip(string? text, int max) => string.IsNullOrWhiteSpace(text) ? null : text.Length <= max ? text.Trim() : text[..max].Trim();
}
