using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Benefits;
using Steward.Features.Finance;
using Steward.Features.Governance;
using Steward.Features.Plans;
using Steward.Features.Raid;
using Steward.Features.Tolerances;
using Steward.Features.Units;
using Steward.Infrastructure;
using Steward.Infrastructure.Registers;

namespace Steward.Features.Reporting;

// Gathers what a status report quotes from the live registers of a unit and everything below it, for a
// period: the author confirms or corrects it in the report's words, and submitting freezes it.
public sealed class ReportPrefill(
    StewardDbContext db, IEnumerable<IUnitSchedules> schedules, FinanceQueries finance, BenefitRollups benefits, ToleranceQueries tolerances, TimeProvider clock)
{
    public const int TopShown = 5;
    public const int ListShown = 10;

    // previous: the facts of the unit's last submitted report, to say what changed since.
    public async Task<ReportFacts> GatherAsync(UnitView unit, ReportingPeriod period, ReportFacts? previous, CancellationToken ct = default)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var below = db.IdsUnder(unit.Path);
        var schedule = await ScheduleAsync(unit, period, below, today, ct);
        var raid = await RaidAsync(below, today, previous, ct);
        var governance = await GovernanceAsync(below, period, today, ct);
        var money = await FinanceAsync(unit, period, ct);
        var worth = await BenefitsAsync(unit, ct);

        var measures = new List<ToleranceFact>();
        async Task Judge(ToleranceDimension dimension, decimal? value)
        {
            var measure = ToleranceMeasure.Of(dimension);
            if (value is not { } v)
            {
                measures.Add(new ToleranceFact(measure.Label, measure.Quantity, null, null, false, null));
                return;
            }

            var judged = await tolerances.EvaluateAsync(unit.Path, dimension, v, ct);
            measures.Add(new ToleranceFact(measure.Label, measure.Quantity, v, judged.Limit, judged.Breached, judged.LimitSetAt?.Code));
        }

        await Judge(ToleranceDimension.Time, schedule.ForecastEnd is { } f && schedule.BaselineEnd is { } b
            ? f >= b ? WorkingDays.Between(b, f) : -WorkingDays.Between(f, b) : null);
        await Judge(ToleranceDimension.Cost, money?.YearVariancePercent);
        await Judge(ToleranceDimension.Benefits, worth is { Planned.Pence: > 0 } w ? Math.Round((w.Realised.Pence - w.Planned.Pence) * 100m / w.Planned.Pence, 1) : null);
        // The RAID measures are of what the unit itself holds: an item below is judged where it is held.
        await Judge(ToleranceDimension.Risk, await db.Risks.Where(r => r.UnitId == unit.Id && r.Status == RiskStatus.Open && !r.IsOpportunity).MaxAsync(r => (int?)r.Score, ct));
        var ownIssues = await db.Issues.Where(i => i.UnitId == unit.Id && i.Status == IssueStatus.Open).Select(i => i.Priority).Distinct().ToListAsync(ct);
        await Judge(ToleranceDimension.Issues, ownIssues.Count == 0 ? null : ownIssues.Max(p => IssuePriorityNumber(EnumText.Of(p))));
        await Judge(ToleranceDimension.Dependencies, raid.DependenciesAtRisk.Where(d => d.Unit == unit.Code && d.Committed > d.NeededBy)
            .Select(d => (decimal?)WorkingDays.Between(d.NeededBy, d.Committed!.Value)).Max());

        return new ReportFacts(unit.Code, period.Key, period.Start, period.End, clock.GetUtcNow().UtcDateTime, schedule, raid, governance, money, worth, measures);
    }

    private static int IssuePriorityNumber(string priority) => priority switch
    {
        "critical" => IssueSeverity.Critical,
        "high" => IssueSeverity.High,
        "medium" => IssueSeverity.Medium,
        _ => IssueSeverity.Low,
    };

    private async Task<ScheduleFacts> ScheduleAsync(UnitView unit, ReportingPeriod period, IQueryable<Guid> below, DateOnly today, CancellationToken ct)
    {
        UnitSchedule? planned = null;
        foreach (var source in schedules)
        {
            if ((await source.OfAsync([unit.Id], ct)).TryGetValue(unit.Id, out var found))
            {
                planned = found;
            }
        }

        DateOnly? forecastEnd = planned?.Finish ?? unit.ForecastEnd;
        DateOnly? baselineEnd = planned?.BaselineFinish ?? unit.BaselineEnd;

        // The unit's own milestones and the key ones below at its level or above, as its milestone page shows them.
        var level = MilestoneLevels.Of(unit.Kind);
        var levels = Enum.GetValues<MilestoneLevel>().Where(l => l >= level).Cast<MilestoneLevel?>().ToList();
        var start = period.Start.ToDateTime(TimeOnly.MinValue);
        var end = period.End.ToDateTime(TimeOnly.MaxValue);
        var milestones = await db.PlanTasks.AsNoTracking()
            .Where(t => t.Milestone && below.Contains(t.Plan!.UnitId) && (t.Plan.UnitId == unit.Id || levels.Contains(t.ReportingLevel)))
            .Where(t => (t.EarlyFinish >= start && t.EarlyFinish <= end) || (t.ActualFinish >= start && t.ActualFinish <= end)
                || (t.PercentComplete < 100 && t.Deadline >= start && t.Deadline <= end))
            .OrderBy(t => t.EarlyFinish).Take(200)
            .Select(t => new { t.Id, t.PlanId, Unit = t.Plan!.Unit!.Code, t.Uid, t.Name, t.EarlyFinish, t.ActualFinish, t.PercentComplete, t.Deadline })
            .ToListAsync(ct);
        var ids = milestones.Select(m => m.Id).ToList();
        // Where each stood when the period began: its first forecast recorded since, "was" then.
        var moves = (await db.MilestoneForecasts.AsNoTracking().Where(f => ids.Contains(f.TaskId) && f.RecordedAt >= start)
            .Select(f => new { f.TaskId, f.RecordedAt, f.Previous, f.Forecast }).ToListAsync(ct))
            .GroupBy(f => f.TaskId).ToDictionary(g => g.Key, g => g.OrderBy(f => f.RecordedAt).First());

        var facts = milestones.Select(m =>
        {
            var forecast = m.EarlyFinish is { } e ? DateOnly.FromDateTime(e) : (DateOnly?)null;
            var was = moves.TryGetValue(m.Id, out var move) ? move.Previous ?? move.Forecast : (DateTime?)null;
            int? moved = was is { } w && forecast is { } fc ? fc.DayNumber - DateOnly.FromDateTime(w).DayNumber : null;
            var finished = m.PercentComplete >= 100 && m.ActualFinish is { } a ? DateOnly.FromDateTime(a) : (DateOnly?)null;
            var deadline = m.Deadline is { } d ? DateOnly.FromDateTime(d) : (DateOnly?)null;
            return (m.PercentComplete, Fact: new MilestoneFact(m.Unit, m.Uid, m.Name, forecast, deadline, finished, moved == 0 ? null : moved));
        }).ToList();

        bool InPeriod(DateOnly? day) => day >= period.Start && day <= period.End;
        var met = facts.Where(f => f.PercentComplete >= 100 && (InPeriod(f.Fact.Finished) || (f.Fact.Finished is null && InPeriod(f.Fact.Forecast)))).Select(f => f.Fact);
        var due = facts.Where(f => f.PercentComplete < 100 && InPeriod(f.Fact.Forecast) && f.Fact.Forecast >= today).Select(f => f.Fact);
        // Missed: not done, and its deadline in the period is now behind its forecast, or its forecast date in the period has passed.
        var missed = facts.Where(f => f.PercentComplete < 100
                && ((InPeriod(f.Fact.Deadline) && f.Fact.Forecast > f.Fact.Deadline) || (InPeriod(f.Fact.Forecast) && f.Fact.Forecast < today)))
            .Select(f => f.Fact);
        var moved = facts.Where(f => f.Fact.MovedDays is not null).OrderByDescending(f => Math.Abs(f.Fact.MovedDays!.Value)).Select(f => f.Fact);
        int? drift = forecastEnd is { } fe && baselineEnd is { } be ? fe.DayNumber - be.DayNumber : null;
        return new ScheduleFacts(forecastEnd, baselineEnd, drift,
            due.Take(ListShown).ToList(), met.Take(ListShown).ToList(), missed.Take(ListShown).ToList(), moved.Take(ListShown).ToList());
    }

    private async Task<RaidFacts> RaidAsync(IQueryable<Guid> below, DateOnly today, ReportFacts? previous, CancellationToken ct)
    {
        var risks = db.Risks.AsNoTracking().Where(r => below.Contains(r.UnitId) && r.Status == RiskStatus.Open && !r.IsOpportunity);
        var issues = db.Issues.AsNoTracking().Where(i => below.Contains(i.UnitId) && i.Status == IssueStatus.Open);
        var topRisks = await risks.OrderByDescending(r => r.Score).ThenBy(r => r.Number).Take(TopShown)
            .Select(r => new { r.Number, Unit = r.Unit!.Code, r.Title, r.Score }).ToListAsync(ct);
        // Stored by name, so ranked here: there are few open issues at the top priorities.
        var openIssues = await issues.Select(i => new { i.Number, Unit = i.Unit!.Code, i.Title, i.Priority }).Take(2000).ToListAsync(ct);
        var topIssues = openIssues.OrderBy(i => i.Priority).ThenBy(i => i.Number).Take(TopShown).ToList();
        var dependencies = await db.Dependencies.AsNoTracking()
            .Where(d => below.Contains(d.UnitId) && d.Status != DependencyStatus.Delivered && d.Status != DependencyStatus.Broken)
            .Where(d => d.Status == DependencyStatus.AtRisk || d.CommittedDate > d.NeededBy || d.NeededBy < today)
            .OrderBy(d => d.NeededBy).Take(ListShown)
            .Select(d => new { d.Number, Unit = d.Unit!.Code, d.Title, d.NeededBy, d.CommittedDate, d.Status }).ToListAsync(ct);

        var before = previous?.Raid;
        var riskFacts = topRisks.Select(r =>
        {
            var reference = EntryReference.Format(Risk.ReferencePrefix, r.Number);
            var then = before?.TopRisks.FirstOrDefault(p => p.Reference == reference);
            return new RiskFact(reference, r.Unit, r.Title, r.Score, then?.Score, before is not null && then is null);
        }).ToList();
        var issueFacts = topIssues.Select(i =>
        {
            var reference = EntryReference.Format(Issue.ReferencePrefix, i.Number);
            var then = before?.TopIssues.FirstOrDefault(p => p.Reference == reference);
            return new IssueFact(reference, i.Unit, i.Title, EnumText.Of(i.Priority), then?.Priority, before is not null && then is null);
        }).ToList();

        var gone = new List<string>();
        if (before is not null)
        {
            var listed = before.TopRisks.Select(r => r.Reference).Concat(before.TopIssues.Select(i => i.Reference)).ToList();
            var stillOpen = new HashSet<string>(riskFacts.Select(r => r.Reference).Concat(issueFacts.Select(i => i.Reference)));
            var riskNumbers = listed.Where(r => r.StartsWith(Risk.ReferencePrefix, StringComparison.Ordinal)).Select(r => EntryReference.Parse(Risk.ReferencePrefix, r)).OfType<int>().ToList();
            var issueNumbers = listed.Where(r => r.StartsWith(Issue.ReferencePrefix, StringComparison.Ordinal)).Select(r => EntryReference.Parse(Issue.ReferencePrefix, r)).OfType<int>().ToList();
            var openNow = (await risks.Where(r => riskNumbers.Contains(r.Number)).Select(r => r.Number).ToListAsync(ct)).Select(n => EntryReference.Format(Risk.ReferencePrefix, n))
                .Concat((await issues.Where(i => issueNumbers.Contains(i.Number)).Select(i => i.Number).ToListAsync(ct)).Select(n => EntryReference.Format(Issue.ReferencePrefix, n)))
                .ToHashSet();
            gone.AddRange(listed.Where(r => !stillOpen.Contains(r) && !openNow.Contains(r)));
        }

        return new RaidFacts(await risks.CountAsync(ct), openIssues.Count, riskFacts, issueFacts, gone,
            dependencies.Select(d => new DependencyFact(EntryReference.Format(Dependency.ReferencePrefix, d.Number), d.Unit, d.Title, d.NeededBy, d.CommittedDate, EnumText.Of(d.Status))).ToList());
    }

    private async Task<GovernanceFacts> GovernanceAsync(IQueryable<Guid> below, ReportingPeriod period, DateOnly today, CancellationToken ct)
    {
        // Due by the end of the next period, or overdue: what the board should chase.
        var horizon = period.Next().End;
        var actions = await db.Actions.AsNoTracking()
            .Where(a => below.Contains(a.UnitId) && (a.Status == ActionStatus.Open || a.Status == ActionStatus.InProgress) && a.DueOn <= horizon)
            .OrderBy(a => a.DueOn).Take(ListShown)
            .Select(a => new { a.Number, Unit = a.Unit!.Code, a.Description, a.DueOn, a.Status, Owner = a.Owner!.Name }).ToListAsync(ct);
        var decisions = await db.Decisions.AsNoTracking()
            .Where(d => below.Contains(d.UnitId) && d.DecidedOn >= period.Start && d.DecidedOn <= period.End)
            .OrderBy(d => d.DecidedOn).Take(ListShown)
            .Select(d => new { d.Number, Unit = d.Unit!.Code, d.Title, d.DecidedOn }).ToListAsync(ct);
        return new GovernanceFacts(
            actions.Select(a => new ActionFact(EntryReference.Format(ActionItem.ReferencePrefix, a.Number), a.Unit, a.Description, a.DueOn, EnumText.Of(a.Status), a.Owner, a.DueOn < today)).ToList(),
            decisions.Select(d => new DecisionFact(EntryReference.Format(Decision.ReferencePrefix, d.Number), d.Unit, d.Title, d.DecidedOn)).ToList());
    }

    private async Task<FinanceFacts?> FinanceAsync(UnitView unit, ReportingPeriod period, CancellationToken ct)
    {
        var view = await finance.ViewAsync(unit, FinancialYear.Of(period.End), null, ct);
        if (view.WholeLife.Budget.Pence == 0 && view.WholeLife.Forecast.Pence == 0 && view.WholeLife.Actuals.Pence == 0)
        {
            return null;
        }

        // The month the period ends in (not the month it is now: a report is often written after its period):
        // budget, forecast and actuals as planned for that month, from the unit's roll-up of its subtree.
        var year = FinancialYear.Of(period.End);
        var month = FinancialYear.PeriodOf(period.End);
        var rows = await db.FinanceRollups.AsNoTracking().Where(r => r.UnitId == unit.Id && r.Year == year.Start).ToListAsync(ct);
        Money Of(FinanceLayer layer) => new(rows.Where(r => r.Layer == layer).Sum(r => r[month]));
        var monthPosition = rows.Count == 0 ? null : new FinancePosition(Of(FinanceLayer.Budget), Of(FinanceLayer.Forecast), Of(FinanceLayer.Actual));
        var monthLabel = rows.Count == 0 ? null : year.PeriodLabel(month);

        return new FinanceFacts(view.Year, monthLabel, monthPosition, view.YearPosition, view.WholeLife,
            view.InYear.VariancePercent, view.InYear.Breached, view.WholeLifeGrowth.VariancePercent, view.WholeLifeGrowth.Breached);
    }

    private async Task<BenefitFacts?> BenefitsAsync(UnitView unit, CancellationToken ct)
    {
        var rollup = await benefits.ForAsync(unit, ct);
        if (rollup.Benefits == 0)
        {
            return null;
        }

        var year = FinancialYear.Of(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)).ToString();
        var thisYear = rollup.Years.FirstOrDefault(y => y.Year == year);
        return new BenefitFacts(rollup.Benefits, year, thisYear?.Planned ?? Money.Zero, thisYear?.Realised ?? Money.Zero, rollup.Breaches.Count, rollup.OverdueCount);
    }
}
