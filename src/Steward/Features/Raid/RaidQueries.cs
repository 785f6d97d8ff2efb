using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Access;
using Steward.Features.People;
using Steward.Features.Units;
using Steward.Infrastructure;
using Steward.Infrastructure.Registers;

namespace Steward.Features.Raid;

// Reads of the RAID log. A unit's register rolls up everything below it: roles apply downwards, so
// whoever may read the unit's log may read every item under it.
public sealed class RaidQueries(StewardDbContext db, RegisterUnits registerUnits, RaidEscalation escalation, TimeProvider clock)
{
    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    // The unit's place from the cache, not the whole unit: a register needs no more, and this is the
    // API's busiest read.
    public Task<IUnitLocation> RequireReadableUnitAsync(string unitKey, CancellationToken ct) =>
        registerUnits.ReadableAsync(PmoArea.Raid, unitKey, "RAID log", ct);

    public async Task<CursorPage<RiskSummary>> RisksAsync(IUnitLocation unit, RiskFilter filter, RiskSort sort, RegisterPage page, CancellationToken ct = default)
    {
        CheckLimit(page);
        var today = Today;
        var rows = RiskRegisterRows.CanServe(unit, filter, sort, page)
            ? await RiskRegisterRows.FirstPageAsync(db, unit, filter, page.Limit + 1, ct)
            : await PageRowsAsync(unit, filter, sort, page, ct);
        var items = rows.Take(page.Limit).Select(r => new RiskSummary(
            r.Id, EntryReference.Format(Risk.ReferencePrefix, r.Number), r.Unit, r.Title, r.IsOpportunity, r.Owner, r.Likelihood, r.Impact, r.Score,
            r.Response, r.NextReviewDate, r.Status == RiskStatus.Open && r.NextReviewDate < today, r.Status, r.EscalatedTo, r.Version)).ToList();
        return new CursorPage<RiskSummary>(items, rows.Count > page.Limit ? RegisterCursor.Encode(page.Offset + page.Limit) : null);
    }

    private async Task<List<RiskRow>> PageRowsAsync(IUnitLocation unit, RiskFilter filter, RiskSort sort, RegisterPage page, CancellationToken ct)
    {
        var inScoreOrder = InScoreOrder(unit, filter, sort);
        var risks = FilterCells(FilterRisks(unit, filter, inScoreOrder), filter);

        // From a roll-up level index the page is read in order as it stands. Otherwise its numbers are
        // chosen in a subquery from the (UnitId, ...) index alone, then only those rows are read and sorted
        // again: sorting a programme's thousands of open risks does not read each of them.
        var onPage = Order(risks, sort).Skip(page.Offset).Take(page.Limit + 1);
        var chosen = inScoreOrder ? onPage : Order(db.Risks.AsNoTracking().Where(r => onPage.Select(p => p.Number).Contains(r.Number)), sort);
        return await chosen.Select(RiskRegisterRows.ToRow).ToListAsync(ct);
    }

    // Counts by likelihood × impact, under the same filter as the register except the cell itself.
    public async Task<HeatMap> HeatMapAsync(IUnitLocation unit, RiskFilter filter, CancellationToken ct = default)
    {
        var counts = await FilterRisks(unit, filter)
            .GroupBy(r => new { r.Likelihood, r.Impact })
            .Select(g => new HeatMapCell(g.Key.Likelihood, g.Key.Impact, g.Count()))
            .ToListAsync(ct);
        var cells = new List<HeatMapCell>();
        for (var likelihood = RaidRules.ScaleMax; likelihood >= RaidRules.ScaleMin; likelihood--)
        {
            for (var impact = RaidRules.ScaleMin; impact <= RaidRules.ScaleMax; impact++)
            {
                cells.Add(new HeatMapCell(likelihood, impact, counts.Where(c => c.Likelihood == likelihood && c.Impact == impact).Sum(c => c.Count)));
            }
        }

        return new HeatMap(cells, cells.Sum(c => c.Count));
    }

    public async Task<CursorPage<IssueSummary>> IssuesAsync(IUnitLocation unit, IssueFilter filter, IssueSort sort, RegisterPage page, CancellationToken ct = default)
    {
        CheckLimit(page);
        var today = Today;
        var issues = Order(FilterIssues(unit, filter), sort);
        var rows = await issues.Skip(page.Offset).Take(page.Limit + 1)
            .Select(i => new
            {
                i.Id, i.Number, Unit = new UnitRef(i.Unit!.Id, i.Unit.Code, i.Unit.Name, i.Unit.Kind), i.Title, i.Priority,
                Owner = new PersonRef(i.Owner!.Id, i.Owner.Name, i.Owner.Email), i.RaisedOn, i.TargetResolutionDate, i.Status,
                RiskNumber = i.Risk == null ? (int?)null : i.Risk.Number, i.Version,
                EscalatedTo = i.EscalatedTo == null ? null : new UnitRef(i.EscalatedTo.Id, i.EscalatedTo.Code, i.EscalatedTo.Name, i.EscalatedTo.Kind),
            })
            .ToListAsync(ct);
        var items = rows.Take(page.Limit).Select(i => new IssueSummary(
            i.Id, EntryReference.Format(Issue.ReferencePrefix, i.Number), i.Unit, i.Title, i.Priority, i.Owner, i.RaisedOn, i.TargetResolutionDate,
            i.Status != IssueStatus.Closed && i.TargetResolutionDate < today, i.Status,
            i.RiskNumber is { } n ? EntryReference.Format(Risk.ReferencePrefix, n) : null, i.EscalatedTo, i.Version)).ToList();
        return new CursorPage<IssueSummary>(items, rows.Count > page.Limit ? RegisterCursor.Encode(page.Offset + page.Limit) : null);
    }

    // A risk is found through the unit whose log holds it; the same reference under another unit is not found.
    public async Task<RiskView> RiskAsync(IUnitLocation unit, string reference, CancellationToken ct = default)
    {
        var number = EntryReference.Parse(Risk.ReferencePrefix, reference) ?? throw new RecordNotFoundException("risk", reference);
        var risk = await db.Risks.AsNoTracking().Where(r => r.Number == number && r.UnitId == unit.Id)
            .Select(r => new
            {
                Risk = r,
                Unit = new UnitRef(r.Unit!.Id, r.Unit.Code, r.Unit.Name, r.Unit.Kind),
                Owner = new PersonRef(r.Owner!.Id, r.Owner.Name, r.Owner.Email),
                RaisedBy = r.RaisedBy == null ? null : new PersonRef(r.RaisedBy.Id, r.RaisedBy.Name, r.RaisedBy.Email),
                IssueNumber = db.Issues.Where(i => i.Id == r.RealisedIssueId).Select(i => (int?)i.Number).FirstOrDefault(),
                EscalatedTo = r.EscalatedTo == null ? null : new UnitRef(r.EscalatedTo.Id, r.EscalatedTo.Code, r.EscalatedTo.Name, r.EscalatedTo.Kind),
            })
            .FirstOrDefaultAsync(ct) ?? throw new RecordNotFoundException("risk", reference);
        var x = risk.Risk;
        return new RiskView(
            x.Id, x.Reference, risk.Unit, x.Title, x.Cause, x.Event, x.Effect, x.Category, x.IsOpportunity, risk.Owner, risk.RaisedBy,
            x.RaisedOn, x.ProximityDate, RiskScore.Of(x.InherentLikelihood, x.InherentImpact), new RiskScore(x.Likelihood, x.Impact),
            RiskScore.Of(x.TargetLikelihood, x.TargetImpact), x.Response, x.NextReviewDate, x.Status, x.ClosedAt,
            risk.IssueNumber is { } n ? EntryReference.Format(Issue.ReferencePrefix, n) : null,
            risk.EscalatedTo is { } to ? new Escalation(to, x.EscalatedByHand, x.EscalationReason) : null, x.Version, x.CreatedAt, x.UpdatedAt);
    }

    public async Task<IssueView> IssueAsync(IUnitLocation unit, string reference, CancellationToken ct = default)
    {
        var number = EntryReference.Parse(Issue.ReferencePrefix, reference) ?? throw new RecordNotFoundException("issue", reference);
        var issue = await db.Issues.AsNoTracking().Where(i => i.Number == number && i.UnitId == unit.Id)
            .Select(i => new
            {
                Issue = i,
                Unit = new UnitRef(i.Unit!.Id, i.Unit.Code, i.Unit.Name, i.Unit.Kind),
                Owner = new PersonRef(i.Owner!.Id, i.Owner.Name, i.Owner.Email),
                RiskNumber = i.Risk == null ? (int?)null : i.Risk.Number,
                EscalatedTo = i.EscalatedTo == null ? null : new UnitRef(i.EscalatedTo.Id, i.EscalatedTo.Code, i.EscalatedTo.Name, i.EscalatedTo.Kind),
            })
            .FirstOrDefaultAsync(ct) ?? throw new RecordNotFoundException("issue", reference);
        var x = issue.Issue;
        return new IssueView(
            x.Id, x.Reference, issue.Unit, x.Title, x.Description, x.Priority, x.Impact, issue.Owner, x.RaisedOn, x.TargetResolutionDate,
            x.Resolution, x.Status, x.ClosedAt, issue.RiskNumber is { } n ? EntryReference.Format(Risk.ReferencePrefix, n) : null,
            issue.EscalatedTo is { } to ? new Escalation(to, x.EscalatedByHand, x.EscalationReason) : null, x.Version, x.CreatedAt, x.UpdatedAt);
    }

    public async Task<CursorPage<DependencyView>> DependenciesAsync(IUnitLocation unit, DependencyFilter filter, RegisterPage page, CancellationToken ct = default)
    {
        CheckLimit(page);
        var rows = await ProjectDependencies(FilterDependencies(unit, filter).Skip(page.Offset).Take(page.Limit + 1)).ToListAsync(ct);
        var items = rows.Take(page.Limit).Select(ToView).ToList();
        return new CursorPage<DependencyView>(items, rows.Count > page.Limit ? RegisterCursor.Encode(page.Offset + page.Limit) : null);
    }

    // Every dependency the filter matches, for a spreadsheet.
    public async Task<List<DependencyView>> DependencyRowsAsync(IUnitLocation unit, DependencyFilter filter, CancellationToken ct = default) =>
        (await ProjectDependencies(FilterDependencies(unit, filter)).ToListAsync(ct)).Select(ToView).ToList();

    private IQueryable<Dependency> FilterDependencies(IUnitLocation unit, DependencyFilter filter)
    {
        var below = db.IdsUnder(unit.Path);
        var dependencies = db.Dependencies.AsNoTracking();
        dependencies = filter.Direction switch
        {
            "needs" => dependencies.Where(d => below.Contains(d.UnitId)),
            "provides" => dependencies.Where(d => d.ProviderUnitId != null && below.Contains(d.ProviderUnitId.Value)),
            "both" => dependencies.Where(d => below.Contains(d.UnitId) || (d.ProviderUnitId != null && below.Contains(d.ProviderUnitId.Value))),
            _ => throw new ValidationException([new ValidationFailure("direction", "direction must be needs, provides or both")]),
        };
        if (filter.Status is { } status)
        {
            dependencies = dependencies.Where(d => d.Status == status);
        }
        else if (filter.OpenOnly)
        {
            dependencies = dependencies.Where(d => d.Status != DependencyStatus.Delivered && d.Status != DependencyStatus.Broken);
        }

        if (filter.Late)
        {
            dependencies = dependencies.Where(d => d.CommittedDate != null && d.CommittedDate > d.NeededBy);
        }

        if (filter.Escalated)
        {
            dependencies = dependencies.Where(d => d.EscalatedToId == unit.Id);
        }

        return dependencies.OrderBy(d => d.NeededBy).ThenBy(d => d.Number);
    }

    public async Task<DependencyView> DependencyAsync(IUnitLocation unit, string reference, CancellationToken ct = default)
    {
        var number = EntryReference.Parse(Dependency.ReferencePrefix, reference) ?? throw new RecordNotFoundException("dependency", reference);
        // Found from either side: the unit that needs it, the unit that provides it, or a unit above either,
        // whose registers list it, so a provider's people can open what they are asked for.
        var below = db.IdsUnder(unit.Path);
        var row = await ProjectDependencies(db.Dependencies.AsNoTracking()
                .Where(d => d.Number == number && (below.Contains(d.UnitId) || (d.ProviderUnitId != null && below.Contains(d.ProviderUnitId.Value)))))
            .FirstOrDefaultAsync(ct)
            ?? throw new RecordNotFoundException("dependency", reference);
        return ToView(row);
    }

    private static IQueryable<DependencyRow> ProjectDependencies(IQueryable<Dependency> dependencies) =>
        dependencies.Select(d => new DependencyRow(
            d,
            new UnitRef(d.Unit!.Id, d.Unit.Code, d.Unit.Name, d.Unit.Kind),
            d.ProviderUnit == null ? null : new UnitRef(d.ProviderUnit.Id, d.ProviderUnit.Code, d.ProviderUnit.Name, d.ProviderUnit.Kind),
            new PersonRef(d.Owner!.Id, d.Owner.Name, d.Owner.Email),
            d.ProviderOwner == null ? null : new PersonRef(d.ProviderOwner.Id, d.ProviderOwner.Name, d.ProviderOwner.Email),
            d.EscalatedTo == null ? null : new UnitRef(d.EscalatedTo.Id, d.EscalatedTo.Code, d.EscalatedTo.Name, d.EscalatedTo.Kind)));

    private static DependencyView ToView(DependencyRow row)
    {
        var d = row.Dependency;
        return new DependencyView(
            d.Id, d.Reference, row.Unit, d.Title, d.Description, row.Provider, d.ExternalParty, d.NeededBy, d.CommittedDate, d.IsLate, d.WorkingDaysLate,
            row.Owner, row.ProviderOwner, d.Status, row.EscalatedTo is { } to ? new Escalation(to, d.EscalatedByHand, d.EscalationReason) : null,
            d.Version, d.CreatedAt, d.UpdatedAt);
    }

    private sealed record DependencyRow(Dependency Dependency, UnitRef Unit, UnitRef? Provider, PersonRef Owner, PersonRef? ProviderOwner, UnitRef? EscalatedTo);

    // Assumptions of the unit and below: unvalidated ones by default, soonest validation first.
    public async Task<CursorPage<AssumptionView>> AssumptionsAsync(IUnitLocation unit, AssumptionStatus? status, bool all, bool overdue, RegisterPage page, CancellationToken ct = default)
    {
        CheckLimit(page);
        var today = Today;
        var rows = await ProjectAssumptions(FilterAssumptions(unit, status, all, overdue).Skip(page.Offset).Take(page.Limit + 1)).ToListAsync(ct);
        return new CursorPage<AssumptionView>(rows.Take(page.Limit).Select(r => ToView(r, today)).ToList(),
            rows.Count > page.Limit ? RegisterCursor.Encode(page.Offset + page.Limit) : null);
    }

    // Every assumption the filter matches, for a spreadsheet.
    public async Task<List<AssumptionView>> AssumptionRowsAsync(IUnitLocation unit, AssumptionStatus? status, bool all, bool overdue, CancellationToken ct = default)
    {
        var today = Today;
        return (await ProjectAssumptions(FilterAssumptions(unit, status, all, overdue)).ToListAsync(ct)).Select(r => ToView(r, today)).ToList();
    }

    private IQueryable<Assumption> FilterAssumptions(IUnitLocation unit, AssumptionStatus? status, bool all, bool overdue)
    {
        var today = Today;
        var below = db.IdsUnder(unit.Path);
        var assumptions = db.Assumptions.AsNoTracking().Where(a => below.Contains(a.UnitId));
        if (!all)
        {
            var wanted = status ?? AssumptionStatus.Unvalidated;
            assumptions = assumptions.Where(a => a.Status == wanted);
        }

        if (overdue)
        {
            assumptions = assumptions.Where(a => a.Status == AssumptionStatus.Unvalidated && a.ValidationDue < today);
        }

        return assumptions.OrderBy(a => a.ValidationDue == null).ThenBy(a => a.ValidationDue).ThenBy(a => a.Number);
    }

    public async Task<AssumptionView> AssumptionAsync(IUnitLocation unit, string reference, CancellationToken ct = default)
    {
        var number = EntryReference.Parse(Assumption.ReferencePrefix, reference) ?? throw new RecordNotFoundException("assumption", reference);
        var row = await ProjectAssumptions(db.Assumptions.AsNoTracking().Where(a => a.Number == number && a.UnitId == unit.Id)).FirstOrDefaultAsync(ct)
            ?? throw new RecordNotFoundException("assumption", reference);
        return ToView(row, Today);
    }

    private static IQueryable<AssumptionRow> ProjectAssumptions(IQueryable<Assumption> assumptions) =>
        assumptions.Select(a => new AssumptionRow(
            a,
            new UnitRef(a.Unit!.Id, a.Unit.Code, a.Unit.Name, a.Unit.Kind),
            new PersonRef(a.Owner!.Id, a.Owner.Name, a.Owner.Email),
            a.EscalatedTo == null ? null : new UnitRef(a.EscalatedTo.Id, a.EscalatedTo.Code, a.EscalatedTo.Name, a.EscalatedTo.Kind)));

    private static AssumptionView ToView(AssumptionRow row, DateOnly today)
    {
        var a = row.Assumption;
        return new AssumptionView(
            a.Id, a.Reference, row.Unit, a.Statement, a.ImpactIfWrong, row.Owner, a.ValidationDue,
            a.Status == AssumptionStatus.Unvalidated && a.ValidationDue < today, a.Status, a.FollowUp,
            row.EscalatedTo is { } to ? new Escalation(to, a.EscalatedByHand, a.EscalationReason) : null, a.Version, a.CreatedAt, a.UpdatedAt);
    }

    private sealed record AssumptionRow(Assumption Assumption, UnitRef Unit, PersonRef Owner, UnitRef? EscalatedTo);

    public async Task<ToleranceView> TolerancesAsync(IUnitLocation unit, CancellationToken ct = default)
    {
        var own = await db.Tolerances.AsNoTracking().FirstOrDefaultAsync(t => t.UnitId == unit.Id, ct);
        var ladder = await escalation.LadderAsync(unit.Path, ct);
        return new ToleranceView(
            RaidTolerance.EscalateAtScore(own?.RiskOver), RaidTolerance.EscalateAtPriority(own?.IssuesOver), RaidTolerance.LateDays(own?.DependenciesOver),
            own?.Version, EffectiveTolerance.Of(ladder));
    }

    // Every matching row with every field, for a spreadsheet: no paging, the register's filter and order.
    public async Task<List<RiskExportRow>> RiskRowsAsync(IUnitLocation unit, RiskFilter filter, RiskSort sort, CancellationToken ct = default) =>
        await Order(FilterCells(FilterRisks(unit, filter), filter), sort)
            .Select(r => new RiskExportRow(
                r.Number, r.Unit!.Code, r.Unit.Name, r.Title, r.IsOpportunity, r.Category, r.Cause, r.Event, r.Effect,
                r.Owner!.Name, r.Owner.Email, r.RaisedBy == null ? null : r.RaisedBy.Name, r.RaisedOn, r.ProximityDate,
                r.InherentLikelihood, r.InherentImpact, r.Likelihood, r.Impact, r.Score, r.TargetLikelihood, r.TargetImpact,
                r.Response, r.NextReviewDate, r.Status, r.EscalatedTo == null ? null : r.EscalatedTo.Code, r.EscalationReason,
                db.Issues.Where(i => i.Id == r.RealisedIssueId).Select(i => (int?)i.Number).FirstOrDefault(),
                r.Version, r.UpdatedAt))
            .ToListAsync(ct);

    public async Task<List<IssueExportRow>> IssueRowsAsync(IUnitLocation unit, IssueFilter filter, IssueSort sort, CancellationToken ct = default) =>
        await Order(FilterIssues(unit, filter), sort)
            .Select(i => new IssueExportRow(
                i.Number, i.Unit!.Code, i.Unit.Name, i.Title, i.Description, i.Priority, i.Impact,
                i.Owner!.Name, i.Owner.Email, i.RaisedOn, i.TargetResolutionDate, i.Resolution, i.Status,
                i.Risk == null ? null : (int?)i.Risk.Number,
                i.EscalatedTo == null ? null : i.EscalatedTo.Code, i.EscalationReason, i.Version, i.UpdatedAt))
            .ToListAsync(ct);

    private static IQueryable<Risk> FilterCells(IQueryable<Risk> risks, RiskFilter filter)
    {
        if (filter.Likelihood is { } likelihood)
        {
            risks = risks.Where(r => r.Likelihood == likelihood);
        }

        if (filter.Impact is { } impact)
        {
            risks = risks.Where(r => r.Impact == impact);
        }

        return risks;
    }

    private static IQueryable<Risk> Order(IQueryable<Risk> risks, RiskSort sort) => sort switch
    {
        RiskSort.Reference => risks.OrderBy(r => r.Number),
        RiskSort.NextReview => risks.OrderBy(r => r.NextReviewDate == null).ThenBy(r => r.NextReviewDate).ThenBy(r => r.Number),
        RiskSort.Updated => risks.OrderByDescending(r => r.UpdatedAt).ThenBy(r => r.Number),
        _ => risks.OrderByDescending(r => r.Score).ThenBy(r => r.Number),
    };

    // Enums are stored by name, so priority order is spelled out for the database.
    private static IQueryable<Issue> Order(IQueryable<Issue> issues, IssueSort sort) => sort switch
    {
        IssueSort.Reference => issues.OrderBy(i => i.Number),
        IssueSort.TargetResolution => issues.OrderBy(i => i.TargetResolutionDate == null).ThenBy(i => i.TargetResolutionDate).ThenBy(i => i.Number),
        IssueSort.Updated => issues.OrderByDescending(i => i.UpdatedAt).ThenBy(i => i.Number),
        _ => issues.OrderBy(i => i.Priority == IssuePriority.Critical ? 0 : i.Priority == IssuePriority.High ? 1 : i.Priority == IssuePriority.Medium ? 2 : 3)
            .ThenBy(i => i.Number),
    };

    private IQueryable<Issue> FilterIssues(IUnitLocation unit, IssueFilter filter)
    {
        var today = Today;
        var below = db.IdsUnder(unit.Path);
        var issues = db.Issues.AsNoTracking().Where(i => below.Contains(i.UnitId));
        if (!filter.AllStatuses && filter.Status is { } status)
        {
            issues = issues.Where(i => i.Status == status);
        }

        if (filter.OwnerId is { } owner)
        {
            issues = issues.Where(i => i.OwnerId == owner);
        }

        if (filter.Priority is { } priority)
        {
            issues = issues.Where(i => i.Priority == priority);
        }

        if (filter.Overdue)
        {
            issues = issues.Where(i => i.Status != IssueStatus.Closed && i.TargetResolutionDate < today);
        }

        if (filter.Escalated)
        {
            issues = issues.Where(i => i.EscalatedToId == unit.Id);
        }

        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            var text = filter.Text.Trim().ToLowerInvariant();
            issues = issues.Where(i => i.Title.ToLower().Contains(text));
        }

        return issues;
    }

    // A top-level unit's or second-level unit's risks of one status by score come from the roll-up level
    // indexes in that order, so its first page reads 51 index entries however many units are below. Any
    // other register reads the (UnitId, Status, Score, ...) index unit by unit and sorts what it finds,
    // which is cheaper for the smaller subtrees deeper down and serves the heat map's cells.
    private static bool InScoreOrder(IUnitLocation unit, RiskFilter filter, RiskSort sort) =>
        sort == RiskSort.Score && !filter.AllStatuses && filter.Status is not null && filter.Likelihood is null && filter.Impact is null
        && UnitPath.Depth(unit.Path) <= 2;

    private IQueryable<Risk> FilterRisks(IUnitLocation unit, RiskFilter filter, bool inScoreOrder = false)
    {
        var today = Today;
        IQueryable<Risk> risks;
        if (inScoreOrder && UnitPath.Depth(unit.Path) == 1)
        {
            risks = db.Risks.AsNoTracking().Where(r => r.RollupLevel1Id == unit.Id);
        }
        else if (inScoreOrder)
        {
            risks = db.Risks.AsNoTracking().Where(r => r.RollupLevel2Id == unit.Id);
        }
        else
        {
            var below = db.IdsUnder(unit.Path);
            risks = db.Risks.AsNoTracking().Where(r => below.Contains(r.UnitId));
        }

        if (!filter.AllStatuses && filter.Status is { } status)
        {
            risks = risks.Where(r => r.Status == status);
        }

        if (filter.OwnerId is { } owner)
        {
            risks = risks.Where(r => r.OwnerId == owner);
        }

        if (filter.MinScore is { } minScore)
        {
            risks = risks.Where(r => r.Score >= minScore);
        }

        if (filter.OverdueReview)
        {
            risks = risks.Where(r => r.Status == RiskStatus.Open && r.NextReviewDate < today);
        }

        // What this unit is holding for the units below it that could not contain it.
        if (filter.Escalated)
        {
            risks = risks.Where(r => r.EscalatedToId == unit.Id);
        }

        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            var text = filter.Text.Trim().ToLowerInvariant();
            risks = risks.Where(r => r.Title.ToLower().Contains(text));
        }

        return risks;
    }

    private static void CheckLimit(RegisterPage page)
    {
        if (page.Limit is < 1 or > RegisterPage.MaxLimit)
        {
            throw new ValidationException([new ValidationFailure("limit", $"Limit must be between 1 and {RegisterPage.MaxLimit}")]);
        }
    }
}
