using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Tolerances;

namespace Steward.Features.Raid;

// Keeps each item's escalation where the tolerance engine puts it. Called by the RAID registers (RaidLog) whenever an
// item changes, and by the engine whenever a unit's RAID tolerances change; an item escalated or handed
// back by hand stays where its person put it until it is closed.
public sealed class RaidEscalation(StewardDbContext db, ToleranceQueries tolerances) : IToleranceFollower
{
    private const int Batch = 500;

    private static readonly HashSet<ToleranceDimension> Placing = [ToleranceDimension.Risk, ToleranceDimension.Issues, ToleranceDimension.Dependencies];

    public Task<ToleranceLadder> LadderAsync(string unitPath, CancellationToken ct) => tolerances.LadderAsync(unitPath, ct);

    public async Task ApplyAsync(Risk risk, string unitPath, CancellationToken ct) => Place(risk, await LadderAsync(unitPath, ct));

    public async Task ApplyAsync(Issue issue, string unitPath, CancellationToken ct) => Place(issue, await LadderAsync(unitPath, ct));

    public async Task ApplyAsync(Dependency dependency, string unitPath, CancellationToken ct) => Place(dependency, await LadderAsync(unitPath, ct));

    // Any RAID entry: tolerances place risks, issues and dependencies; an assumption stays with its unit
    // unless a person escalates it.
    public Task PlaceAsync(IRaidItem item, string unitPath, CancellationToken ct) => item switch
    {
        Risk risk => ApplyAsync(risk, unitPath, ct),
        Issue issue => ApplyAsync(issue, unitPath, ct),
        Dependency dependency => ApplyAsync(dependency, unitPath, ct),
        _ => Task.CompletedTask,
    };

    public async Task TolerancesChangedAsync(string unitPath, IReadOnlySet<ToleranceDimension> changed, CancellationToken ct)
    {
        if (changed.Overlaps(Placing))
        {
            await RecomputeBelowAsync(unitPath, ct);
        }
    }

    // After a unit's tolerances change: every item at or below it that tolerances place is placed again.
    public async Task RecomputeBelowAsync(string unitPath, CancellationToken ct)
    {
        var ladders = new Dictionary<Guid, ToleranceLadder>();
        async Task<ToleranceLadder> LadderFor(Guid unitId, string path) =>
            ladders.TryGetValue(unitId, out var ladder) ? ladder : ladders[unitId] = await LadderAsync(path, ct);

        await PlaceAllAsync(db.Risks.Where(r => r.Unit!.Path.StartsWith(unitPath) && !r.EscalatedByHand).OrderBy(r => r.Id)
            .Select(r => new Placed<Risk>(r, r.Unit!.Path)), LadderFor, Place, ct);
        await PlaceAllAsync(db.Issues.Where(i => i.Unit!.Path.StartsWith(unitPath) && !i.EscalatedByHand).OrderBy(i => i.Id)
            .Select(i => new Placed<Issue>(i, i.Unit!.Path)), LadderFor, Place, ct);
        await PlaceAllAsync(db.Dependencies.Where(d => d.Unit!.Path.StartsWith(unitPath) && !d.EscalatedByHand).OrderBy(d => d.Id)
            .Select(d => new Placed<Dependency>(d, d.Unit!.Path)), LadderFor, Place, ct);
    }

    private sealed record Placed<T>(T Item, string Path) where T : IRaidItem;

    private async Task PlaceAllAsync<T>(IQueryable<Placed<T>> rows, Func<Guid, string, Task<ToleranceLadder>> ladderFor, Action<T, ToleranceLadder> place, CancellationToken ct)
        where T : IRaidItem
    {
        for (var skip = 0; ; skip += Batch)
        {
            var batch = await rows.Skip(skip).Take(Batch).ToListAsync(ct);
            foreach (var row in batch)
            {
                place(row.Item, await ladderFor(row.Item.UnitId, row.Path));
            }

            await db.SaveChangesAsync(ct);
            if (batch.Count < Batch)
            {
                break;
            }
        }
    }

    public static void Place(Risk risk, ToleranceLadder ladder) =>
        Place(risk, risk.Status == RiskStatus.Open, ladder.For(ToleranceDimension.Risk), RaidTolerance.Deviation(risk));

    public static void Place(Issue issue, ToleranceLadder ladder) =>
        Place(issue, issue.Status != IssueStatus.Closed, ladder.For(ToleranceDimension.Issues), RaidTolerance.Deviation(issue));

    public static void Place(Dependency dependency, ToleranceLadder ladder) =>
        Place(dependency, dependency.IsOpen, ladder.For(ToleranceDimension.Dependencies), RaidTolerance.Deviation(dependency));

    // A closed item is nobody's escalation any more, however it got there.
    private static void Place(IRaidItem item, bool open, ToleranceChain chain, decimal? deviation)
    {
        if (!open)
        {
            item.EscalatedToId = null;
            return;
        }

        if (!item.EscalatedByHand)
        {
            item.EscalatedToId = deviation is { } value ? chain.EscalatesTo(value) : null;
        }
    }
}
