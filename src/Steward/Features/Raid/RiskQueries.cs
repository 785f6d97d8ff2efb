using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.People;
using Steward.Features.Units;
using Steward.Infrastructure;
using Steward.Infrastructure.Registers;

namespace Steward.Features.Raid;

// Reads of the risk register: the roll-up list, its heat map and export, and one risk.
public sealed class RiskQueries(StewardDbContext db, RegisterUnits registerUnits, TimeProvider clock, IEnumerable<IRiskMitigations> mitigations)
    : RaidRegisterReads(registerUnits, clock)
{
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
            RiskScore.Of(x.TargetLikelihood, x.TargetImpact), x.Response, x.NextReviewDate, x.Status, x.ClosedAt, x.StatusReason,
            risk.IssueNumber is { } n ? EntryReference.Format(Issue.ReferencePrefix, n) : null,
            risk.EscalatedTo is { } to ? new Escalation(to, x.EscalatedByHand, x.EscalationReason) : null, x.Version, x.CreatedAt, x.UpdatedAt);
    }

    // The risk's review log, newest first.
    public async Task<IReadOnlyList<RiskReviewView>> ReviewsAsync(Guid riskId, CancellationToken ct = default) =>
        await db.RiskReviews.AsNoTracking().Where(r => r.RiskId == riskId).OrderByDescending(r => r.CreatedAt)
            .Select(r => new RiskReviewView(
                r.Id, r.ReviewedOn, r.ReviewedBy == null ? null : new PersonRef(r.ReviewedBy.Id, r.ReviewedBy.Name, r.ReviewedBy.Email),
                r.Comment, r.NextReviewDate, r.CreatedAt))
            .ToListAsync(ct);

    // Every matching row with every field, for a spreadsheet: no paging, the register's filter and order.
    // With each risk's mitigation actions, where the service that keeps them says what they are.
    public async Task<List<RiskExportRow>> RiskRowsAsync(IUnitLocation unit, RiskFilter filter, RiskSort sort, CancellationToken ct = default)
    {
        var rows = await RiskFieldsAsync(unit, filter, sort, ct);
        foreach (var source in mitigations)
        {
            var described = await source.DescribeAsync(rows.Select(r => r.Id).ToList(), ct);
            rows = rows.Select(r => described.TryGetValue(r.Id, out var actions) ? r with { MitigationActions = actions } : r).ToList();
        }

        return rows;
    }

    private async Task<List<RiskExportRow>> RiskFieldsAsync(IUnitLocation unit, RiskFilter filter, RiskSort sort, CancellationToken ct) =>
        await Order(FilterCells(FilterRisks(unit, filter), filter), sort)
            .Select(r => new RiskExportRow(
                r.Id, r.Number, r.Unit!.Code, r.Unit.Name, r.Title, r.IsOpportunity, r.Category, r.Cause, r.Event, r.Effect,
                r.Owner!.Name, r.Owner.Email, r.RaisedBy == null ? null : r.RaisedBy.Name, r.RaisedOn, r.ProximityDate,
                r.InherentLikelihood, r.InherentImpact, r.Likelihood, r.Impact, r.Score, r.TargetLikelihood, r.TargetImpact,
                r.Response, r.NextReviewDate, r.Status, r.EscalatedTo == null ? null : r.EscalatedTo.Code, r.EscalationReason,
                db.Issues.Where(i => i.Id == r.RealisedIssueId).Select(i => (int?)i.Number).FirstOrDefault(),
                r.Version, r.UpdatedAt))
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
}
