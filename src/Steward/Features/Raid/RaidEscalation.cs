using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Units;

namespace Steward.Features.Raid;

// Keeps each item's escalation where the tolerances put it. Called by RaidService whenever an item
// changes and whenever a unit's tolerances change; an item escalated or handed back by hand stays
// where its person put it until it is closed.
public sealed class RaidEscalation(StewardDbContext db)
{
    private const int Batch = 500;

    // The unit at the end of the path and every unit above it, nearest first, each with the tolerance that applies there.
    public async Task<IReadOnlyList<(Guid UnitId, EffectiveTolerance Tolerance)>> ChainAsync(string unitPath, CancellationToken ct)
    {
        var ids = UnitPath.Ids(unitPath);
        var own = await db.RaidTolerances.AsNoTracking().Where(t => ids.Contains(t.UnitId)).ToDictionaryAsync(t => t.UnitId, ct);
        var chain = new List<(Guid, EffectiveTolerance)>(ids.Count);
        var effective = EffectiveTolerance.None;
        foreach (var id in ids)
        {
            var set = own.TryGetValue(id, out var t) ? new EffectiveTolerance(t.RiskScore, t.IssuePriority, t.DependencyLateDays) : EffectiveTolerance.None;
            effective = set.InheritFrom(effective);
            chain.Add((id, effective));
        }

        chain.Reverse();
        return chain;
    }

    public async Task ApplyAsync(Risk risk, string unitPath, CancellationToken ct) =>
        Place(risk, risk.Status == RiskStatus.Open, await ChainAsync(unitPath, ct), t => t.Breached(risk));

    public async Task ApplyAsync(Issue issue, string unitPath, CancellationToken ct) =>
        Place(issue, issue.Status != IssueStatus.Closed, await ChainAsync(unitPath, ct), t => t.Breached(issue));

    public async Task ApplyAsync(Dependency dependency, string unitPath, CancellationToken ct) =>
        Place(dependency, dependency.IsOpen, await ChainAsync(unitPath, ct), t => t.Breached(dependency));

    // After a unit's tolerances change: every item at or below it that tolerances place is placed again.
    public async Task RecomputeBelowAsync(string unitPath, CancellationToken ct)
    {
        var chains = new Dictionary<Guid, IReadOnlyList<(Guid, EffectiveTolerance)>>();
        async Task<IReadOnlyList<(Guid, EffectiveTolerance)>> ChainFor(Guid unitId, string path) =>
            chains.TryGetValue(unitId, out var chain) ? chain : chains[unitId] = await ChainAsync(path, ct);

        for (var skip = 0; ; skip += Batch)
        {
            var risks = await db.Risks.Where(r => r.Unit!.Path.StartsWith(unitPath) && !r.EscalatedByHand)
                .OrderBy(r => r.Id).Skip(skip).Take(Batch).Select(r => new { Risk = r, r.Unit!.Path }).ToListAsync(ct);
            foreach (var row in risks)
            {
                Place(row.Risk, row.Risk.Status == RiskStatus.Open, await ChainFor(row.Risk.UnitId, row.Path), t => t.Breached(row.Risk));
            }

            await db.SaveChangesAsync(ct);
            if (risks.Count < Batch)
            {
                break;
            }
        }

        for (var skip = 0; ; skip += Batch)
        {
            var issues = await db.Issues.Where(i => i.Unit!.Path.StartsWith(unitPath) && !i.EscalatedByHand)
                .OrderBy(i => i.Id).Skip(skip).Take(Batch).Select(i => new { Issue = i, i.Unit!.Path }).ToListAsync(ct);
            foreach (var row in issues)
            {
                Place(row.Issue, row.Issue.Status != IssueStatus.Closed, await ChainFor(row.Issue.UnitId, row.Path), t => t.Breached(row.Issue));
            }

            await db.SaveChangesAsync(ct);
            if (issues.Count < Batch)
            {
                break;
            }
        }

        await RecomputeDependenciesAsync(unitPath, ChainFor, ct);
    }

    private async Task RecomputeDependenciesAsync(string unitPath, Func<Guid, string, Task<IReadOnlyList<(Guid, EffectiveTolerance)>>> chainFor, CancellationToken ct)
    {
        for (var skip = 0; ; skip += Batch)
        {
            var dependencies = await db.Dependencies.Where(d => d.Unit!.Path.StartsWith(unitPath) && !d.EscalatedByHand)
                .OrderBy(d => d.Id).Skip(skip).Take(Batch).Select(d => new { Dependency = d, d.Unit!.Path }).ToListAsync(ct);
            foreach (var row in dependencies)
            {
                Place(row.Dependency, row.Dependency.IsOpen, await chainFor(row.Dependency.UnitId, row.Path), t => t.Breached(row.Dependency));
            }

            await db.SaveChangesAsync(ct);
            if (dependencies.Count < Batch)
            {
                break;
            }
        }
    }

    // A closed item is nobody's escalation any more, however it got there.
    public static void Place(IRaidItem item, bool open, IReadOnlyList<(Guid UnitId, EffectiveTolerance Tolerance)> chain, Func<EffectiveTolerance, bool> breaches)
    {
        if (!open)
        {
            item.EscalatedToId = null;
            return;
        }

        if (!item.EscalatedByHand)
        {
            item.EscalatedToId = EscalationRule.TargetFor(chain, breaches);
        }
    }
}
