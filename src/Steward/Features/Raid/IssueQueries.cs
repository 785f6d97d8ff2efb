using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.People;
using Steward.Features.Units;
using Steward.Infrastructure;
using Steward.Infrastructure.Registers;

namespace Steward.Features.Raid;

// Reads of the issue register: the roll-up list, its export, and one issue.
public sealed class IssueQueries(StewardDbContext db, RegisterUnits registerUnits, TimeProvider clock) : RaidRegisterReads(registerUnits, clock)
{
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
            x.Resolution, x.Status, x.ClosedAt, x.StatusReason, issue.RiskNumber is { } n ? EntryReference.Format(Risk.ReferencePrefix, n) : null,
            issue.EscalatedTo is { } to ? new Escalation(to, x.EscalatedByHand, x.EscalationReason) : null, x.Version, x.CreatedAt, x.UpdatedAt);
    }

    public async Task<List<IssueExportRow>> IssueRowsAsync(IUnitLocation unit, IssueFilter filter, IssueSort sort, CancellationToken ct = default) =>
        await Order(FilterIssues(unit, filter), sort)
            .Select(i => new IssueExportRow(
                i.Number, i.Unit!.Code, i.Unit.Name, i.Title, i.Description, i.Priority, i.Impact,
                i.Owner!.Name, i.Owner.Email, i.RaisedOn, i.TargetResolutionDate, i.Resolution, i.Status,
                i.Risk == null ? null : (int?)i.Risk.Number,
                i.EscalatedTo == null ? null : i.EscalatedTo.Code, i.EscalationReason, i.Version, i.UpdatedAt))
            .ToListAsync(ct);

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
}
