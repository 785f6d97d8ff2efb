using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Access;
using Steward.Features.Raid;
using Steward.Features.Units;
using Steward.Scheduling;
using Steward.Infrastructure.Registers;

namespace Steward.Features.Plans;

// One end of a link across units. A task in a unit the reader may not see keeps its dates, which move
// the reader's plan, but not its unit or name.
public sealed record LinkEnd(UnitRef? Unit, int Uid, string? Name, DateTime? Date, bool Critical);

// A RAID dependency between the same two units: the plan link is how the dependency is delivered, and
// the predecessor's forecast says whether it will be met.
public sealed record DependencyOnLink(string Reference, string Title, DateOnly NeededBy, DateOnly? CommittedDate, DependencyStatus Status, bool ForecastAfterNeededBy);

// A link across units with the date it runs from (the predecessor's finish or start, as its type says) and
// the date it runs to. Margin is in working days of the successor's plan: how far the predecessor could
// slip before the successor moves; negative where the successor is held to a date the predecessor misses.
public sealed record CrossUnitLinkView(LinkEnd Predecessor, LinkEnd Successor, LinkType Type, string Link, double? MarginDays, IReadOnlyList<DependencyOnLink> Dependencies)
{
    public bool Late => MarginDays < 0;
}

// The joins of a programme's integrated plan: every link across units that touches the unit's plan or a
// plan below it, with both ends' forecasts and the RAID dependencies they deliver.
public sealed class IntegratedPlan(StewardDbContext db, AccessPolicy access, PlanCalendars calendars)
{
    public const int Limit = 2000;

    public Task<IReadOnlyList<CrossUnitLinkView>> LinksAsync(UnitView unit, CancellationToken ct = default) =>
        ViewsAsync(db.IdsUnder(unit.Path), null, ct);

    // The links by which a unit's plan delivers what another unit's plan needs: a RAID dependency's plan links.
    public Task<IReadOnlyList<CrossUnitLinkView>> LinksBetweenAsync(Guid needing, Guid providing, CancellationToken ct = default) =>
        ViewsAsync(null, (needing, providing), ct);

    private async Task<IReadOnlyList<CrossUnitLinkView>> ViewsAsync(IQueryable<Guid>? subtree, (Guid Needing, Guid Providing)? pair, CancellationToken ct)
    {
        var joined = from l in db.CrossUnitLinks.AsNoTracking()
                     join sp in db.Plans on l.PlanId equals sp.Id
                     join pp in db.Plans on l.PredecessorPlanId equals pp.Id
                     select new { Link = l, SuccessorPlan = sp, PredecessorPlan = pp };
        if (subtree is not null)
        {
            joined = joined.Where(x => subtree.Contains(x.SuccessorPlan.UnitId) || subtree.Contains(x.PredecessorPlan.UnitId));
        }
        else if (pair is { } p)
        {
            joined = joined.Where(x => x.SuccessorPlan.UnitId == p.Needing && x.PredecessorPlan.UnitId == p.Providing);
        }

        var rows = await (from x in joined
                          join st in db.PlanTasks on new { x.Link.PlanId, Uid = x.Link.SuccessorUid } equals new { st.PlanId, st.Uid }
                          join pt in db.PlanTasks on new { PlanId = x.Link.PredecessorPlanId, Uid = x.Link.PredecessorUid } equals new { pt.PlanId, pt.Uid }
                          orderby x.Link.Id
                          select new
                          {
                              x.Link, x.SuccessorPlan,
                              SuccessorUnit = new UnitRef(x.SuccessorPlan.Unit!.Id, x.SuccessorPlan.Unit!.Code, x.SuccessorPlan.Unit!.Name, x.SuccessorPlan.Unit!.Kind),
                              SuccessorPath = x.SuccessorPlan.Unit!.Path,
                              PredecessorUnit = new UnitRef(x.PredecessorPlan.Unit!.Id, x.PredecessorPlan.Unit!.Code, x.PredecessorPlan.Unit!.Name, x.PredecessorPlan.Unit!.Kind),
                              PredecessorPath = x.PredecessorPlan.Unit!.Path,
                              Successor = new { st.Name, st.EarlyStart, st.EarlyFinish, st.Critical },
                              Predecessor = new { pt.Name, pt.EarlyStart, pt.EarlyFinish, pt.Critical },
                          }).Take(Limit).ToListAsync(ct);

        var pairs = rows.Select(r => (r.SuccessorUnit.Id, r.PredecessorUnit.Id)).Distinct().ToList();
        var needing = pairs.Select(p => p.Item1).Distinct().ToList();
        // Open ones only: a delivered or broken dependency no longer waits on a forecast.
        var dependencies = (await db.Dependencies.AsNoTracking()
                .Where(d => needing.Contains(d.UnitId) && d.ProviderUnitId != null && d.Status != DependencyStatus.Delivered && d.Status != DependencyStatus.Broken)
                .Select(d => new { d.UnitId, d.ProviderUnitId, d.Number, d.Title, d.NeededBy, d.CommittedDate, d.Status }).ToListAsync(ct))
            .ToLookup(d => (d.UnitId, d.ProviderUnitId!.Value));

        var readable = new Dictionary<string, bool>();
        async Task<bool> Readable(string path) =>
            readable.TryGetValue(path, out var known) ? known : readable[path] = await access.CanAsync(PmoArea.Planning, PmoAction.Read, path, ct);
        var timelines = new Dictionary<Guid, WorkingTimeline>();

        var views = new List<CrossUnitLinkView>(rows.Count);
        foreach (var r in rows)
        {
            var l = r.Link;
            var from = l.Type is LinkType.FinishToStart or LinkType.FinishToFinish ? r.Predecessor.EarlyFinish : r.Predecessor.EarlyStart;
            var to = l.Type is LinkType.FinishToStart or LinkType.StartToStart ? r.Successor.EarlyStart : r.Successor.EarlyFinish;
            if (!timelines.TryGetValue(r.SuccessorPlan.Id, out var timeline))
            {
                timelines[r.SuccessorPlan.Id] = timeline = new WorkingTimeline(await calendars.ForAsync(r.SuccessorPlan, ct), DateOnly.FromDateTime(r.SuccessorPlan.Start));
            }

            double? margin = from is { } f && to is { } t
                ? Math.Round((timeline.OffsetOf(t) - (l.LagElapsed ? timeline.OffsetOf(f.AddMinutes(l.LagMinutes)) : timeline.OffsetOf(f) + l.LagMinutes)) / (double)r.SuccessorPlan.MinutesPerDay, 2)
                : null;
            var showPredecessor = await Readable(r.PredecessorPath);
            var showSuccessor = await Readable(r.SuccessorPath);
            var onLink = dependencies[(r.SuccessorUnit.Id, r.PredecessorUnit.Id)]
                .Select(d => new DependencyOnLink(
                    EntryReference.Format(Dependency.ReferencePrefix, d.Number), d.Title, d.NeededBy, d.CommittedDate, d.Status,
                    from is { } date && DateOnly.FromDateTime(date) > d.NeededBy))
                .ToList();
            views.Add(new CrossUnitLinkView(
                new LinkEnd(showPredecessor ? r.PredecessorUnit : null, l.PredecessorUid, showPredecessor ? r.Predecessor.Name : null, from, r.Predecessor.Critical),
                new LinkEnd(showSuccessor ? r.SuccessorUnit : null, l.SuccessorUid, showSuccessor ? r.Successor.Name : null, to, r.Successor.Critical),
                l.Type, PlanLabels.Link(l.Type, l.LagMinutes, l.LagElapsed, r.SuccessorPlan.MinutesPerDay), margin,
                showPredecessor && showSuccessor ? onLink : []));
        }

        return [.. views.OrderBy(v => v.MarginDays ?? double.MaxValue).ThenBy(v => v.Successor.Date)];
    }
}
