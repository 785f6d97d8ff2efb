using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Units;
using Steward.Infrastructure.Registers;
using Steward.Infrastructure.Work;

namespace Steward.Features.Raid;

// The RAID log's part of "My work": open risks to review (by the next review date), open issues (by their
// target resolution date), assumptions to validate, and dependencies to see through (the receiving owner by
// the date needed; the providing owner by the date committed, else needed).
internal sealed class RaidWork(StewardDbContext db) : IWorkSource
{
    public static readonly WorkKind RiskReview = new("risk-review", "Risk reviews", "Risk review");
    public static readonly WorkKind IssueTarget = new("issue-target", "Issues to resolve", "Issue to resolve");
    public static readonly WorkKind AssumptionValidation = new("assumption-validation", "Assumptions to validate", "Assumption to validate");
    public static readonly WorkKind DependencyDate = new("dependency-date", "Dependencies", "Dependency");

    public IReadOnlyList<WorkKind> Kinds => [RiskReview, IssueTarget, AssumptionValidation, DependencyDate];

    public async Task<IReadOnlyList<AssignedWork>> AssignedAsync(IReadOnlyCollection<Guid> people, DateOnly? dueBy, CancellationToken ct)
    {
        var work = new List<AssignedWork>();
        var risks = await db.Risks.AsNoTracking()
            .Where(r => people.Contains(r.OwnerId) && r.Status == RiskStatus.Open && (r.Unit!.Status == UnitStatus.Active || r.Unit.Status == UnitStatus.Paused))
            .Where(r => dueBy == null || r.NextReviewDate <= dueBy)
            .Select(r => new { r.OwnerId, r.Number, r.Title, Due = r.NextReviewDate, Unit = new UnitRef(r.Unit!.Id, r.Unit.Code, r.Unit.Name, r.Unit.Kind) }).ToListAsync(ct);
        work.AddRange(risks.Select(r => Item(RiskReview, r.OwnerId, Risk.ReferencePrefix, r.Number, r.Title, r.Unit, r.Due, RaidLinks.Risk)));

        var issues = await db.Issues.AsNoTracking()
            .Where(i => people.Contains(i.OwnerId) && i.Status == IssueStatus.Open && (i.Unit!.Status == UnitStatus.Active || i.Unit.Status == UnitStatus.Paused))
            .Where(i => dueBy == null || i.TargetResolutionDate <= dueBy)
            .Select(i => new { i.OwnerId, i.Number, i.Title, Due = i.TargetResolutionDate, Unit = new UnitRef(i.Unit!.Id, i.Unit.Code, i.Unit.Name, i.Unit.Kind) }).ToListAsync(ct);
        work.AddRange(issues.Select(i => Item(IssueTarget, i.OwnerId, Issue.ReferencePrefix, i.Number, i.Title, i.Unit, i.Due, RaidLinks.Issue)));

        var assumptions = await db.Assumptions.AsNoTracking()
            .Where(a => people.Contains(a.OwnerId) && a.Status == AssumptionStatus.Unvalidated && (a.Unit!.Status == UnitStatus.Active || a.Unit.Status == UnitStatus.Paused))
            .Where(a => dueBy == null || a.ValidationDue <= dueBy)
            .Select(a => new { a.OwnerId, a.Number, a.Statement, Due = a.ValidationDue, Unit = new UnitRef(a.Unit!.Id, a.Unit.Code, a.Unit.Name, a.Unit.Kind) }).ToListAsync(ct);
        work.AddRange(assumptions.Select(a => Item(AssumptionValidation, a.OwnerId, Assumption.ReferencePrefix, a.Number, a.Statement, a.Unit, a.Due, RaidLinks.Assumption)));

        var dependencies = await db.Dependencies.AsNoTracking()
            .Where(d => (people.Contains(d.OwnerId) || (d.ProviderOwnerId != null && people.Contains(d.ProviderOwnerId.Value)))
                && d.Status != DependencyStatus.Delivered && d.Status != DependencyStatus.Broken && (d.Unit!.Status == UnitStatus.Active || d.Unit.Status == UnitStatus.Paused))
            .Where(d => dueBy == null || d.NeededBy <= dueBy || d.CommittedDate <= dueBy)
            .Select(d => new { d.OwnerId, d.ProviderOwnerId, d.Number, d.Title, d.NeededBy, d.CommittedDate, Unit = new UnitRef(d.Unit!.Id, d.Unit.Code, d.Unit.Name, d.Unit.Kind) }).ToListAsync(ct);
        foreach (var d in dependencies)
        {
            if (people.Contains(d.OwnerId) && (dueBy is null || d.NeededBy <= dueBy))
            {
                work.Add(Item(DependencyDate, d.OwnerId, Dependency.ReferencePrefix, d.Number, d.Title, d.Unit, d.NeededBy, RaidLinks.Dependency));
            }

            var providing = d.CommittedDate ?? d.NeededBy;
            if (d.ProviderOwnerId is { } provider && provider != d.OwnerId && people.Contains(provider) && (dueBy is null || providing <= dueBy))
            {
                work.Add(Item(DependencyDate, provider, Dependency.ReferencePrefix, d.Number, d.Title, d.Unit, providing, RaidLinks.Dependency));
            }
        }

        return work;
    }

    private static AssignedWork Item(WorkKind kind, Guid person, string prefix, int number, string title, UnitRef unit, DateOnly? due, Func<string, string, string?, string> link)
    {
        var reference = EntryReference.Format(prefix, number);
        return new(kind, person, reference, title, unit, due, link(unit.Code, reference, null));
    }
}
