using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Plans;
using Steward.Features.Units;
using Steward.Infrastructure.Registers;

namespace Steward.Features.Benefits.Map;

// A unit's benefits map: every link from something at or below it, every benefit and business change at
// or below it (linked or not yet), the strategic objectives of its portfolio and of any below it, and
// whatever the links reach; placed for drawing (BenefitMapLayout).
public sealed class BenefitMapQueries(StewardDbContext db)
{
    // A map bigger than this is cut short (and says so): past it nobody can read a diagram anyway.
    public const int MaxNodes = 3000;

    public async Task<BenefitMapView> MapAsync(UnitView unit, CancellationToken ct = default)
    {
        var below = db.IdsUnder(unit.Path);
        var above = UnitPath.Ids(unit.Path);
        var links = await db.BenefitMapLinks.AsNoTracking().Where(l => below.Contains(l.UnitId)).OrderBy(l => l.Id).Take(MaxNodes * 2).ToListAsync(ct);
        var nodes = new Dictionary<Guid, Node>();

        var benefitIds = links.SelectMany(l => new[] { (l.FromKind, l.FromId), (l.ToKind, l.ToId) }).Where(x => x.Item1 == MapNodeKind.Benefit).Select(x => x.Item2).Distinct().ToList();
        foreach (var b in await db.Benefits.AsNoTracking().Where(b => below.Contains(b.UnitId) || benefitIds.Contains(b.Id)).OrderBy(b => b.Number).Take(MaxNodes)
            .Select(b => new { b.Id, b.Number, b.Title, b.Unit!.Code, b.IsDisbenefit }).ToListAsync(ct))
        {
            var key = EntryReference.Format(Benefit.ReferencePrefix, b.Number);
            nodes[b.Id] = new(key, MapNodeKind.Benefit, b.IsDisbenefit ? $"{b.Title} (dis-benefit)" : b.Title, b.Code, BenefitsLinks.Benefit(b.Code, key));
        }

        var changeIds = links.SelectMany(l => new[] { (l.FromKind, l.FromId), (l.ToKind, l.ToId) }).Where(x => x.Item1 == MapNodeKind.BusinessChange).Select(x => x.Item2).Distinct().ToList();
        foreach (var c in await db.BusinessChanges.AsNoTracking().Where(c => below.Contains(c.UnitId) || changeIds.Contains(c.Id)).OrderBy(c => c.Number).Take(MaxNodes)
            .Select(c => new { c.Id, c.Number, c.Title, c.Unit!.Code }).ToListAsync(ct))
        {
            nodes[c.Id] = new(EntryReference.Format(BusinessChange.ReferencePrefix, c.Number), MapNodeKind.BusinessChange, c.Title, c.Code, null);
        }

        var objectiveIds = links.Where(l => l.ToKind == MapNodeKind.Objective).Select(l => l.ToId).Distinct().ToList();
        foreach (var o in await db.StrategicObjectives.AsNoTracking().Where(o => below.Contains(o.UnitId) || above.Contains(o.UnitId) || objectiveIds.Contains(o.Id))
            .OrderBy(o => o.Number).Select(o => new { o.Id, o.Number, o.Title, o.Unit!.Code }).ToListAsync(ct))
        {
            nodes[o.Id] = new(EntryReference.Format(StrategicObjective.ReferencePrefix, o.Number), MapNodeKind.Objective, o.Title, o.Code, null);
        }

        var unitIds = links.Where(l => l.FromKind == MapNodeKind.Unit).Select(l => l.FromId).Distinct().ToList();
        foreach (var u in await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).Select(u => new { u.Id, u.Code, u.Name }).ToListAsync(ct))
        {
            nodes[u.Id] = new(u.Code, MapNodeKind.Unit, u.Name, u.Code, UnitLinks.Unit(u.Code));
        }

        var milestoneIds = links.Where(l => l.FromKind == MapNodeKind.Milestone).Select(l => l.FromId).Distinct().ToList();
        foreach (var m in await db.PlanTasks.AsNoTracking().Where(t => milestoneIds.Contains(t.Id)).Select(t => new { t.Id, t.Uid, t.Name, t.Plan!.Unit!.Code }).ToListAsync(ct))
        {
            nodes[m.Id] = new($"{m.Code}#{m.Uid}", MapNodeKind.Milestone, m.Name, m.Code, PlanLinks.Task(m.Code, m.Uid));
        }

        var drawn = links.Where(l => nodes.ContainsKey(l.FromId) && nodes.ContainsKey(l.ToId)).ToList();
        var placed = BenefitMapLayout.Place(nodes.Values.Select(n => (n.Key, n.Kind)).ToList(), drawn.Select(l => (nodes[l.FromId].Key, nodes[l.ToId].Key)).ToList());
        return new BenefitMapView(
            new UnitRef(unit.Id, unit.Code, unit.Name, unit.Kind),
            nodes.Values.Select(n => new MapNodeView(n.Key, Infrastructure.EnumText.Of(n.Kind), n.Title, n.UnitCode, n.Href, placed[n.Key].Column, placed[n.Key].Row))
                .OrderBy(n => n.Column).ThenBy(n => n.Row).ToList(),
            drawn.Select(l => new MapLinkView(l.Id, nodes[l.FromId].Key, nodes[l.ToId].Key)).ToList(),
            nodes.Count >= MaxNodes || links.Count >= MaxNodes * 2);
    }

    private sealed record Node(string Key, MapNodeKind Kind, string Title, string UnitCode, string? Href);
}

// Kind: unit, milestone, business-change, benefit or objective. Href: its own page where it has one.
public sealed record MapNodeView(string Key, string Kind, string Title, string UnitCode, string? Href, int Column, int Row);

public sealed record MapLinkView(Guid Id, string From, string To);

public sealed record BenefitMapView(UnitRef Unit, IReadOnlyList<MapNodeView> Nodes, IReadOnlyList<MapLinkView> Links, bool CutShort);
