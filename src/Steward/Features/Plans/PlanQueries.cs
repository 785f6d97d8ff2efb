using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Steward.Data;
using Steward.Features.Access;
using Steward.Features.People;
using Steward.Features.Units;
using Steward.Infrastructure;
using Steward.Infrastructure.Registers;
using Steward.Scheduling;

namespace Steward.Features.Plans;

// Reads of plans: a unit's plan with its schedule and variance, and what the levels above read from
// the plans below them: key milestones, their drift and trend, and the roadmap.
public sealed class PlanQueries(StewardDbContext db, RegisterUnits registerUnits, AccessPolicy access, PlanCalendars calendars, PlanViewCache cache, PlanRows rows)
{
    public Task<UnitView> RequireReadableUnitAsync(string unitKey, CancellationToken ct = default) =>
        registerUnits.ReadableViewAsync(PmoArea.Planning, unitKey, "plan", ct);

    public async Task<bool> CanChangeAsync(UnitView unit, CancellationToken ct = default) =>
        unit.IsOpen && await access.CanAsync(PmoArea.Planning, PmoAction.Contribute, unit.Path, ct);

    // Setting a baseline approves the plan as the one to measure against.
    public async Task<bool> CanBaselineAsync(UnitView unit, CancellationToken ct = default) =>
        unit.IsOpen && await access.CanAsync(PmoArea.Planning, PmoAction.Approve, unit.Path, ct);

    // The plan in outline order; with a baseline number, each task's variance against it.
    public Task<bool> HasPlanAsync(Guid unitId, CancellationToken ct = default) => db.Plans.AnyAsync(p => p.UnitId == unitId, ct);

    public async Task<PlanView> PlanAsync(UnitView unit, int? baseline = null, CancellationToken ct = default)
    {
        var unitRef = new UnitRef(unit.Id, unit.Code, unit.Name, unit.Kind);
        var plan = await db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.UnitId == unit.Id, ct);
        var (calendar, from) = await calendars.EffectiveAsync(plan?.Calendar, unit.Id, ct);
        if (plan is null)
        {
            return new PlanView(unitRef, false, unit.Name, null, null, 480, calendar.Name, from, null, 0, [], [], null, null);
        }

        var baselines = await db.PlanBaselines.AsNoTracking().Where(b => b.PlanId == plan.Id).OrderBy(b => b.Number)
            .Select(b => new BaselineSummary(b.Number, b.Name, b.Reason, b.SetBy, b.SetAt, b.Tasks.Count)).ToListAsync(ct);
        if (baseline is { } number && baselines.All(b => b.Number != number))
        {
            throw new FluentValidation.ValidationException([new FluentValidation.Results.ValidationFailure("baseline", $"The plan has no baseline {number}")]);
        }

        // Every change to a plan bumps its version (PlanService), so a view is good for as long as the
        // version, the unit, the calendar and the chosen baseline are what they were. Reading 5,000 tasks
        // and 10,000 links is most of a large plan page's time.
        // Dates moved by a plan linked across units change ScheduledAt but not the version.
        var key = (plan.Id, plan.Version, plan.ScheduledAt, unitRef, calendar.ToJson(), from, baseline, baselines.FirstOrDefault(b => b.Number == baseline)?.SetAt);
        if (cache.Views.TryGetValue(key, out PlanView? cached) && cached is not null)
        {
            return cached;
        }

        var stored = await rows.ReadAsync(db, plan, ct);
        plan.Links = [.. stored.Links];
        var tasks = stored.Tasks.OrderBy(t => t.Position).ToList();

        var saved = baseline is { } n
            ? await db.BaselineTasks.AsNoTracking().Where(t => db.PlanBaselines.Any(b => b.Id == t.BaselineId && b.PlanId == plan.Id && b.Number == n)).ToDictionaryAsync(t => t.Uid, ct)
            : [];
        var timeline = new WorkingTimeline(await calendars.ForAsync(plan, ct), DateOnly.FromDateTime(plan.Start));
        var predecessors = plan.Links.ToLookup(l => l.SuccessorUid);
        var crossUnit = (await db.CrossUnitLinks.AsNoTracking().Where(l => l.PlanId == plan.Id).Select(l => new { l.PredecessorPlan!.Unit!.Code, Link = l }).ToListAsync(ct))
            .ToLookup(x => x.Link.SuccessorUid, x => (x.Code, x.Link));
        double Days(long minutes) => Math.Round(minutes / (double)plan.MinutesPerDay, 2);
        double? Variance(DateTime? forecast, DateTime? planned) =>
            forecast is { } f && planned is { } p ? Days(timeline.OffsetOf(f) - timeline.OffsetOf(p)) : null;

        // Owners who are Steward's people, by name, in one read.
        var ownerIds = tasks.Where(t => t.OwnerPersonId is not null).Select(t => t.OwnerPersonId!.Value).Distinct().ToList();
        var owners = ownerIds.Count == 0 ? [] : await db.People.AsNoTracking().Where(p => ownerIds.Contains(p.Id))
            .Select(p => new PersonRef(p.Id, p.Name, p.Email)).ToDictionaryAsync(p => p.Id, ct);
        var views = tasks.Select(t =>
        {
            var b = saved.GetValueOrDefault(t.Uid);
            // A summary task lasts as long as the working time from its first start to its last finish.
            var (duration, elapsed) = t is { Summary: true, EarlyStart: { } first, EarlyFinish: { } last }
                ? (timeline.OffsetOf(last) - timeline.OffsetOf(first), false) : (t.DurationMinutes, t.DurationElapsed);
            return new TaskView(
                t.Uid, t.OutlineLevel, t.Name, t.Summary, t.Milestone, t.ReportingLevel, WorkAmount.Format(duration, elapsed, plan.MinutesPerDay), duration,
                PredecessorText.Format(predecessors[t.Uid], crossUnit[t.Uid], plan.MinutesPerDay), t.Constraint, t.ConstraintDate, t.Deadline, t.PercentComplete, t.ActualStart, t.ActualFinish,
                t.Owner, t.OwnerPersonId is { } owner ? owners.GetValueOrDefault(owner) : null, t.Resources, t.EarlyStart, t.EarlyFinish, t.LateStart, t.LateFinish, Days(t.TotalFloatMinutes), Days(t.FreeFloatMinutes), t.Critical,
                b?.Start, b?.Finish, Variance(t.EarlyStart, b?.Start), Variance(t.EarlyFinish, b?.Finish), t.Version);
        }).ToList();
        var view = new PlanView(unitRef, true, plan.Name, plan.Start, plan.Finish, plan.MinutesPerDay, calendar.Name, from, plan.ScheduledAt, plan.Version, views, baselines, baseline, plan.StatusDate);
        cache.Views.Set(key, view, new MemoryCacheEntryOptions { Size = 1 + views.Count / 1000, SlidingExpiration = TimeSpan.FromMinutes(10) });
        return view;
    }

    // Links in a query of their own: as an Include, SQLite took five times as long over 10,000 of them.
    private async Task<UnitPlan?> LoadAsync(Guid unitId, CancellationToken ct)
    {
        var plan = await db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.UnitId == unitId, ct);
        if (plan is not null)
        {
            plan.Links = await db.PlanLinks.AsNoTracking().Where(l => l.PlanId == plan.Id).ToListAsync(ct);
        }

        return plan;
    }

    public async Task<TaskView> TaskAsync(UnitView unit, int uid, CancellationToken ct = default) =>
        (await PlanAsync(unit, null, ct)).Tasks.FirstOrDefault(t => t.Uid == uid)
        ?? throw new RecordNotFoundException("task", uid.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public async Task<Guid> TaskIdAsync(UnitView unit, int uid, CancellationToken ct = default) =>
        await db.PlanTasks.Where(t => t.Plan!.UnitId == unit.Id && t.Uid == uid).Select(t => (Guid?)t.Id).FirstOrDefaultAsync(ct)
        ?? throw new RecordNotFoundException("task", uid.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public async Task<IReadOnlyList<BaselineSummary>> BaselinesAsync(UnitView unit, CancellationToken ct = default) =>
        await db.PlanBaselines.AsNoTracking().Where(b => db.Plans.Any(p => p.Id == b.PlanId && p.UnitId == unit.Id)).OrderBy(b => b.Number)
            .Select(b => new BaselineSummary(b.Number, b.Name, b.Reason, b.SetBy, b.SetAt, b.Tasks.Count)).ToListAsync(ct);

    // The milestones a unit reports on: all of its own, and those below at its level or higher
    // (level = null), or every milestone below whatever its level (all = true).
    private IQueryable<PlannedTask> KeyMilestones(UnitView unit, bool all) => KeyMilestones(unit.Id, unit.Path, unit.Kind, all);

    // The key milestones forecast between two dates, for a unit's calendar feed.
    public async Task<IReadOnlyList<CalendarMilestone>> CalendarMilestonesAsync(Guid unitId, string path, UnitKind kind, DateTime from, DateTime to, int limit, CancellationToken ct = default) =>
        await KeyMilestones(unitId, path, kind, false).Where(t => t.EarlyFinish >= from && t.EarlyFinish <= to).OrderBy(t => t.EarlyFinish).Take(limit)
            .Select(t => new CalendarMilestone(t.Id, t.Uid, t.Name, t.Plan!.Unit!.Code, t.EarlyFinish!.Value, t.UpdatedAt))
            .ToListAsync(ct);

    private IQueryable<PlannedTask> KeyMilestones(Guid unitId, string path, UnitKind kind, bool all)
    {
        // Levels are stored by name, so "at or above" is a list rather than a comparison.
        var level = MilestoneLevels.Of(kind);
        var levels = Enum.GetValues<MilestoneLevel>().Where(l => l >= level).Cast<MilestoneLevel?>().ToList();
        var subtree = db.IdsUnder(path);
        var milestones = db.PlanTasks.AsNoTracking().Where(t => t.Milestone && subtree.Contains(t.Plan!.UnitId));
        return all ? milestones : milestones.Where(t => t.Plan!.UnitId == unitId || levels.Contains(t.ReportingLevel));
    }

    // What moved right (later) and left since a date: each key milestone's forecast now against its
    // forecast at that date, or against its first forecast if it was added since.
    public async Task<MilestoneDrift> DriftAsync(UnitView unit, DateTime since, bool all = false, CancellationToken ct = default)
    {
        var milestones = await KeyMilestones(unit, all).Where(t => t.EarlyFinish != null).OrderBy(t => t.EarlyFinish)
            .Select(t => new { t.Id, Unit = new UnitRef(t.Plan!.Unit!.Id, t.Plan.Unit.Code, t.Plan.Unit.Name, t.Plan.Unit.Kind), t.Uid, t.Name, t.ReportingLevel, Forecast = t.EarlyFinish!.Value })
            .Take(5000)
            .ToListAsync(ct);
        var ids = milestones.Select(m => m.Id).ToList();
        var moves = (await db.MilestoneForecasts.AsNoTracking().Where(f => ids.Contains(f.TaskId) && f.RecordedAt > since)
            .Select(f => new { f.TaskId, f.RecordedAt, f.Previous, f.Forecast }).ToListAsync(ct)).ToLookup(f => f.TaskId);
        var slips = new List<MilestoneSlip>();
        foreach (var m in milestones)
        {
            var changes = moves[m.Id].OrderBy(f => f.RecordedAt).ToList();
            if (changes.Count == 0)
            {
                continue;
            }

            // Where it stood when the period began; for one first planned during the period, where it was first put.
            var was = changes[0].Previous ?? changes[0].Forecast;

            var days = DateOnly.FromDateTime(m.Forecast).DayNumber - DateOnly.FromDateTime(was).DayNumber;
            if (days != 0)
            {
                slips.Add(new MilestoneSlip(m.Unit, m.Uid, m.Name, m.ReportingLevel ?? MilestoneLevel.Project, m.Forecast, was, days, changes[^1].RecordedAt));
            }
        }

        return new MilestoneDrift(new UnitRef(unit.Id, unit.Code, unit.Name, unit.Kind), since,
            slips.Where(s => s.Days > 0).OrderByDescending(s => s.Days).ThenBy(s => s.Unit.Code).ToList(),
            slips.Where(s => s.Days < 0).OrderBy(s => s.Days).ThenBy(s => s.Unit.Code).ToList());
    }

    // Each key milestone's forecast as it was reported over time: the milestone trend chart's lines.
    public async Task<IReadOnlyList<MilestoneTrend>> TrendAsync(UnitView unit, bool all = false, int limit = 50, CancellationToken ct = default)
    {
        var milestones = await KeyMilestones(unit, all).OrderBy(t => t.EarlyFinish).Take(limit)
            .Select(t => new { t.Id, t.PlanId, Unit = new UnitRef(t.Plan!.Unit!.Id, t.Plan.Unit.Code, t.Plan.Unit.Name, t.Plan.Unit.Kind), t.Uid, t.Name, t.ReportingLevel, t.EarlyFinish })
            .ToListAsync(ct);
        var ids = milestones.Select(m => m.Id).ToList();
        var points = (await db.MilestoneForecasts.AsNoTracking().Where(f => ids.Contains(f.TaskId)).OrderBy(f => f.RecordedAt)
            .Select(f => new { f.TaskId, f.RecordedAt, f.Forecast }).ToListAsync(ct)).ToLookup(f => f.TaskId);
        var baselines = await LatestBaselineFinishesAsync(milestones.Select(m => m.PlanId).Distinct().ToList(), milestones.Select(m => m.Uid).Distinct().ToList(), ct);
        return milestones.Select(m => new MilestoneTrend(m.Unit, m.Uid, m.Name, m.ReportingLevel ?? MilestoneLevel.Project, m.EarlyFinish,
            points[m.Id].Select(p => new ForecastPoint(p.RecordedAt, p.Forecast)).ToList(), baselines.TryGetValue((m.PlanId, m.Uid), out var b) ? b : null)).ToList();
    }

    // Each task's finish in the baseline its plan set most recently, as PlanSchedules measures a unit's dates.
    private async Task<Dictionary<(Guid PlanId, int Uid), DateTime>> LatestBaselineFinishesAsync(List<Guid> planIds, List<int> uids, CancellationToken ct)
    {
        var latest = (await db.PlanBaselines.AsNoTracking().Where(b => planIds.Contains(b.PlanId)).Select(b => new { b.Id, b.PlanId, b.SetAt }).ToListAsync(ct))
            .GroupBy(b => b.PlanId).Select(g => g.OrderByDescending(b => b.SetAt).First()).ToDictionary(b => b.Id, b => b.PlanId);
        var ids = latest.Keys.ToList();
        return (await db.BaselineTasks.AsNoTracking().Where(t => ids.Contains(t.BaselineId) && uids.Contains(t.Uid)).Select(t => new { t.BaselineId, t.Uid, t.Finish }).ToListAsync(ct))
            .ToDictionary(t => (latest[t.BaselineId], t.Uid), t => t.Finish);
    }

    public const int RoadmapUnplannedShown = 50;

    // One line per unit with a plan, itself and below: its span and its key milestones for this level.
    public async Task<Roadmap> RoadmapAsync(UnitView unit, DateTime? driftSince = null, CancellationToken ct = default)
    {
        var subtree = db.IdsUnder(unit.Path);
        var plans = await db.Plans.AsNoTracking().Where(p => subtree.Contains(p.UnitId) && p.Finish != null)
            .OrderBy(p => p.Unit!.Path)
            .Select(p => new { p.Id, Unit = new UnitRef(p.Unit!.Id, p.Unit.Code, p.Unit.Name, p.Unit.Kind), p.Start, Finish = p.Finish!.Value })
            .Take(500)
            .ToListAsync(ct);
        var level = MilestoneLevels.Of(unit.Kind);
        var slips = driftSince is { } since ? (await DriftAsync(unit, since, false, ct)).MovedRight.ToDictionary(s => (s.Unit.Id, s.Uid), s => s.Days) : [];
        var milestones = (await KeyMilestones(unit, false).Where(t => t.EarlyFinish != null)
            .Select(t => new { t.PlanId, t.Plan!.UnitId, t.Uid, t.Name, t.ReportingLevel, Forecast = t.EarlyFinish!.Value, t.Critical })
            .ToListAsync(ct)).ToLookup(m => m.PlanId);
        var lines = plans.Select(p => new RoadmapLine(p.Unit, p.Start, p.Finish,
            milestones[p.Id].OrderBy(m => m.Forecast)
                .Select(m => new KeyMilestone(m.Uid, m.Name, m.ReportingLevel ?? MilestoneLevel.Project, m.Forecast, m.Critical, slips.TryGetValue((m.UnitId, m.Uid), out var d) ? d : null))
                .ToList())).ToList();
        // Left off the chart but not out of sight: the open programmes and projects below with nothing scheduled.
        var unplanned = db.Units.AsNoTracking()
            .Where(u => subtree.Contains(u.Id) && (u.Kind == UnitKind.Programme || u.Kind == UnitKind.Project)
                && (u.Status == UnitStatus.Active || u.Status == UnitStatus.Paused) && !db.Plans.Any(p => p.UnitId == u.Id && p.Finish != null));
        var withoutPlan = await unplanned.OrderBy(u => u.Path).Take(RoadmapUnplannedShown).Select(u => new UnitRef(u.Id, u.Code, u.Name, u.Kind)).ToListAsync(ct);
        return new Roadmap(new UnitRef(unit.Id, unit.Code, unit.Name, unit.Kind), level,
            lines.Count == 0 ? null : lines.Min(l => l.Start), lines.Count == 0 ? null : lines.Max(l => l.Finish), lines)
        {
            WithoutPlan = withoutPlan,
            WithoutPlanCount = withoutPlan.Count < RoadmapUnplannedShown ? withoutPlan.Count : await unplanned.CountAsync(ct),
        };
    }

    // The plan as Microsoft Project XML, with Steward's schedule and the baselines it keeps.
    public async Task WriteMspdiAsync(UnitView unit, Stream output, CancellationToken ct = default)
    {
        // A unit with no plan yet exports an empty one, to be filled in Microsoft Project.
        var plan = await LoadAsync(unit.Id, ct)
            ?? new UnitPlan { Name = unit.Name, Start = DateTime.UtcNow.Date.AddHours(8), UnitId = unit.Id };
        var tasks = await db.PlanTasks.AsNoTracking().Where(t => t.PlanId == plan.Id).OrderBy(t => t.Position).ToListAsync(ct);
        var baselines = await db.PlanBaselines.AsNoTracking().Include(b => b.Tasks).Where(b => b.PlanId == plan.Id).ToListAsync(ct);
        var calendar = await calendars.ForAsync(plan, ct);
        var project = StoredPlan.ToMspdi(plan, tasks, calendar, baselines, await ExternalLinksAsync(plan.Id, ct));

        // The file's own schedule, its external tasks pinned where their plans have them: what Microsoft
        // Project shows on opening it, and what an import of it compares with.
        var schedule = tasks.Count == 0 ? null : Scheduler.Run(project.ToPlan());
        var buffer = new MemoryStream();
        Scheduling.Mspdi.MspdiWriter.Write(buffer, project, schedule);
        buffer.Position = 0;
        await buffer.CopyToAsync(output, ct);
    }

    // The tasks of other plans this one waits on, and those waiting on it, with the dates they have there.
    // A task in a unit the reader may not see is named by its number only, as the plan's links across
    // units show it.
    private async Task<List<ExternalLink>> ExternalLinksAsync(Guid planId, CancellationToken ct)
    {
        var before = await (from l in db.CrossUnitLinks.AsNoTracking()
                            where l.PlanId == planId
                            join t in db.PlanTasks on new { PlanId = l.PredecessorPlanId, Uid = l.PredecessorUid } equals new { t.PlanId, t.Uid }
                            where t.EarlyStart != null && t.EarlyFinish != null
                            orderby l.PredecessorPlan!.Unit!.Code, l.PredecessorUid, l.SuccessorUid
                            select new LinkedTaskRow(
                                l.PredecessorPlan!.Unit!.Code, l.PredecessorPlan.Unit.Path, t.Uid, t.Name, t.Milestone, t.DurationMinutes, t.DurationElapsed,
                                t.EarlyStart!.Value, t.EarlyFinish!.Value, false, null, null, l.SuccessorUid, l.Type, l.LagMinutes, l.LagElapsed)).ToListAsync(ct);
        var after = await (from l in db.CrossUnitLinks.AsNoTracking()
                           where l.PredecessorPlanId == planId
                           join p in db.Plans on l.PlanId equals p.Id
                           join t in db.PlanTasks on new { l.PlanId, Uid = l.SuccessorUid } equals new { t.PlanId, t.Uid }
                           where t.EarlyStart != null && t.EarlyFinish != null
                           orderby p.Unit!.Code, l.SuccessorUid, l.PredecessorUid
                           select new LinkedTaskRow(
                               p.Unit!.Code, p.Unit.Path, t.Uid, t.Name, t.Milestone, t.DurationMinutes, t.DurationElapsed,
                               t.EarlyStart!.Value, t.EarlyFinish!.Value, true, t.LateStart, t.LateFinish, l.PredecessorUid, l.Type, l.LagMinutes, l.LagElapsed)).ToListAsync(ct);

        var external = new List<ExternalLink>(before.Count + after.Count);
        foreach (var r in before.Concat(after))
        {
            var name = await access.CanAsync(PmoArea.Planning, PmoAction.Read, r.Path, ct) ? r.Name : $"Task {r.Uid} of {r.Code}";
            // Held where the link meets it: its start, or its finish less its length, so that its latest
            // finish is its late finish.
            var toStart = r.Type is LinkType.FinishToStart or LinkType.StartToStart;
            var lateStart = !r.Waiting ? null : toStart ? r.LateStart : r.LateFinish - (r.Finish - r.Start);
            external.Add(new ExternalLink(
                r.Code, r.Uid, name, r.Milestone, new Span(r.DurationMinutes, r.DurationElapsed), r.Start, r.Finish, r.OwnUid, r.Type, new Span(r.LagMinutes, r.LagElapsed), r.Waiting, lateStart));
        }

        return external;
    }

    private sealed record LinkedTaskRow(
        string Code, string Path, int Uid, string Name, bool Milestone, long DurationMinutes, bool DurationElapsed, DateTime Start, DateTime Finish, bool Waiting,
        DateTime? LateStart, DateTime? LateFinish, int OwnUid, LinkType Type, long LagMinutes, bool LagElapsed);
}

// Scheduled plan views by version, for PlanQueries: its own cache, sized in thousands of tasks, so a few
// large plans cannot crowd out memory.
public sealed class PlanViewCache : IDisposable
{
    public MemoryCache Views { get; } = new(new MemoryCacheOptions { SizeLimit = 500 });

    public void Dispose() => Views.Dispose();
}
