using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Access;
using Steward.Features.Units;
using Steward.Scheduling;
using Steward.Scheduling.Mspdi;

namespace Steward.Features.Plans;

// Links from tasks of other units' plans, as people type them on a task ("DPP-PRJ-002/14FS") and as a
// Microsoft Project file carries them (external tasks). Either way the other unit must be one the actor
// may read, its plan must hold the task, and making a link needs the right to change that plan too,
// since the link moves its tasks' late dates and float.
public sealed class CrossUnitLinking(StewardDbContext db, UnitQueries units, AccessPolicy access)
{
    // Predecessors in other units' plans: each must be a task of a plan the actor may read.
    public async Task ApplyToTaskAsync(UnitPlan plan, PlannedTask task, IReadOnlyList<Predecessor> predecessors, CancellationToken ct)
    {
        var links = new List<CrossUnitLink>();
        var existing = await db.CrossUnitLinks.Where(l => l.PlanId == plan.Id && l.SuccessorUid == task.Uid).ToListAsync(ct);
        foreach (var unitGroup in predecessors.GroupBy(p => p.Unit!))
        {
            var other = await units.FindByCodeAsync(unitGroup.Key, ct);
            if (other is null || !await access.CanAsync(PmoArea.Planning, PmoAction.Read, other.Path, ct))
            {
                throw PlanStore.Invalid("predecessors", $"No unit you can see has the code {unitGroup.Key}");
            }

            var otherPlan = await db.Plans.Where(p => p.UnitId == other.Id).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct)
                ?? throw PlanStore.Invalid("predecessors", $"{other.Code} has no plan yet, so none of its tasks can be a predecessor");
            var uids = unitGroup.Select(p => p.Uid).Distinct().ToList();
            var known = await db.PlanTasks.Where(t => t.PlanId == otherPlan && uids.Contains(t.Uid)).Select(t => t.Uid).ToListAsync(ct);
            if (uids.Where(u => !known.Contains(u)).Select(u => (int?)u).FirstOrDefault() is { } missing)
            {
                throw PlanStore.Invalid("predecessors", $"{other.Code}'s plan has no task {missing}");
            }

            // A link holds the other plan's tasks to this one's dates (their late dates and float move), so
            // making or changing one needs the right to change that plan too; links already held stay.
            var changing = unitGroup.Any(p => !existing.Any(e => e.PredecessorPlanId == otherPlan && e.PredecessorUid == p.Uid && e.Type == p.Type
                && e.LagMinutes == p.Lag.Minutes && e.LagElapsed == p.Lag.Elapsed));
            if (changing && !await access.CanAsync(PmoArea.Planning, PmoAction.Contribute, other.Path, ct))
            {
                throw PlanStore.Invalid("predecessors", $"A link from {other.Code}'s plan moves the late dates and float of its tasks, so it needs the right to change {other.Code}'s plan, which you do not have");
            }

            links.AddRange(unitGroup.DistinctBy(p => p.Uid).Select(p => new CrossUnitLink
            {
                Id = Guid.CreateVersion7(), PlanId = plan.Id, SuccessorUid = task.Uid, PredecessorPlanId = otherPlan, PredecessorUid = p.Uid, Type = p.Type,
                LagMinutes = p.Lag.Minutes, LagElapsed = p.Lag.Elapsed,
            }));
        }

        db.CrossUnitLinks.RemoveRange(existing);
        db.CrossUnitLinks.AddRange(links);
    }

    // Tasks that other units' plans wait on cannot go while they do: their links would go with them.
    public async Task<string?> WaitedOnAsync(UnitPlan plan, IReadOnlyCollection<int> uids, CancellationToken ct)
    {
        var waiting = await (from l in db.CrossUnitLinks
                             join p in db.Plans on l.PlanId equals p.Id
                             where l.PredecessorPlanId == plan.Id && uids.Contains(l.PredecessorUid)
                             orderby l.PredecessorUid, p.Unit!.Code, l.SuccessorUid
                             select new { l.PredecessorUid, p.Unit!.Code, l.SuccessorUid }).FirstOrDefaultAsync(ct);
        return waiting is null ? null
            : $"Task {waiting.PredecessorUid} is a predecessor of {waiting.Code}/{waiting.SuccessorUid} in {waiting.Code}'s plan; that link must be removed there first";
    }

    public async Task RemoveForTasksAsync(UnitPlan plan, IReadOnlyCollection<int> uids, CancellationToken ct) =>
        db.CrossUnitLinks.RemoveRange(await db.CrossUnitLinks.Where(l => l.PlanId == plan.Id && uids.Contains(l.SuccessorUid)).ToListAsync(ct));

    // The file's external tasks as links across units: a project named by the code of a unit the actor may
    // see is that unit's plan, and the task number after it is a task there (as Steward writes them). One
    // naming this unit is a link within the plan. Anything else (a Microsoft Project file path) is not a
    // plan Steward holds: its links are left out and said so. A link to an external successor is the other
    // project's to hold.
    public async Task<(List<CrossUnitLink> AcrossUnits, List<PlanLink> WithinPlan)> FromFileAsync(
        UnitView unit, Guid planId, MspdiProject project, Dictionary<string, MspdiExternal> externals, List<string> leftOut, CancellationToken ct)
    {
        var across = new List<CrossUnitLink>();
        var within = new List<PlanLink>();
        var names = project.Tasks.ToDictionary(t => t.Id, t => t.Name, StringComparer.Ordinal);

        // A task waiting on this plan in another unit's is that plan's link to hold; one Steward holds (as
        // Steward's own export writes them) needs no word, and any other is said to be left out.
        var outgoing = project.Links.Where(l => externals.ContainsKey(l.SuccessorId)).ToList();
        var held = outgoing.Count == 0 ? [] : (await (from l in db.CrossUnitLinks
                                                       where l.PredecessorPlanId == planId
                                                       join p in db.Plans on l.PlanId equals p.Id
                                                       select new { l.PredecessorUid, p.Unit!.Code }).ToListAsync(ct))
            .Select(h => (h.PredecessorUid, h.Code)).ToHashSet();
        foreach (var link in outgoing.Where(l => !held.Contains((int.Parse(l.PredecessorId, System.Globalization.CultureInfo.InvariantCulture), externals[l.SuccessorId].Project.ToUpperInvariant()))))
        {
            leftOut.Add($"Task {link.PredecessorId} ({names[link.PredecessorId]}) is a predecessor of {names[link.SuccessorId]} in {externals[link.SuccessorId].Project}: that project holds the link.");
        }

        var incoming = project.Links.Where(l => externals.ContainsKey(l.PredecessorId) && !externals.ContainsKey(l.SuccessorId)).ToList();
        foreach (var link in incoming.Where(l => externals[l.PredecessorId].TaskNumber <= 0))
        {
            leftOut.Add($"Task {link.SuccessorId} ({names[link.SuccessorId]}) waits on {names[link.PredecessorId]} in another project, but the file does not say which of its tasks: that link was left out.");
        }

        foreach (var byProject in incoming.Where(l => externals[l.PredecessorId].TaskNumber > 0).GroupBy(l => externals[l.PredecessorId].Project))
        {
            var code = byProject.Key;
            if (string.Equals(code, unit.Code, StringComparison.OrdinalIgnoreCase))
            {
                within.AddRange(byProject.Select(l => l with { PredecessorId = StoredPlan.IdOf(externals[l.PredecessorId].TaskNumber) }));
                continue;
            }

            var other = code.Length == 0 ? null : await units.FindByCodeAsync(code, ct);
            if (other is null || !await access.CanAsync(PmoArea.Planning, PmoAction.Read, other.Path, ct))
            {
                leftOut.AddRange(byProject.Select(l =>
                    $"Task {l.SuccessorId} ({names[l.SuccessorId]}) waits on {names[l.PredecessorId]} in {(code.Length == 0 ? "another project" : code)}, which is not a unit you can see in Steward: that link was left out."));
                continue;
            }

            var otherPlan = await db.Plans.Where(p => p.UnitId == other.Id).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct)
                ?? throw PlanStore.Invalid("file", $"Task {byProject.First().SuccessorId} waits on a task of {other.Code}, which has no plan yet");
            var numbers = byProject.Select(l => externals[l.PredecessorId].TaskNumber).Distinct().ToList();
            var known = await db.PlanTasks.Where(t => t.PlanId == otherPlan && numbers.Contains(t.Uid)).Select(t => t.Uid).ToListAsync(ct);
            if (byProject.FirstOrDefault(l => !known.Contains(externals[l.PredecessorId].TaskNumber)) is { } unknown)
            {
                throw PlanStore.Invalid("file", $"Task {unknown.SuccessorId} waits on task {externals[unknown.PredecessorId].TaskNumber} of {other.Code}, and {other.Code}'s plan has no such task");
            }

            var links = byProject.ToList();
            if (!await access.CanAsync(PmoArea.Planning, PmoAction.Contribute, other.Path, ct))
            {
                // Only links this plan already holds come in from a plan the importer may not change.
                var alreadyHeld = (await db.CrossUnitLinks.Where(h => h.PlanId == planId && h.PredecessorPlanId == otherPlan).ToListAsync(ct))
                    .Select(h => (h.SuccessorUid, h.PredecessorUid, h.Type, h.LagMinutes, h.LagElapsed)).ToHashSet();
                bool IsHeld(PlanLink l) => alreadyHeld.Contains((int.Parse(l.SuccessorId, System.Globalization.CultureInfo.InvariantCulture), externals[l.PredecessorId].TaskNumber, l.Type, l.Lag.Minutes, l.Lag.Elapsed));
                leftOut.AddRange(links.Where(l => !IsHeld(l)).Select(l =>
                    $"Task {l.SuccessorId} ({names[l.SuccessorId]}) waits on {names[l.PredecessorId]} in {other.Code}, whose plan you may not change: that link was left out."));
                links = links.Where(IsHeld).ToList();
            }

            across.AddRange(links.Select(l => new CrossUnitLink
            {
                Id = Guid.CreateVersion7(), PlanId = planId, SuccessorUid = int.Parse(l.SuccessorId, System.Globalization.CultureInfo.InvariantCulture), PredecessorPlanId = otherPlan,
                PredecessorUid = externals[l.PredecessorId].TaskNumber, Type = l.Type, LagMinutes = l.Lag.Minutes, LagElapsed = l.Lag.Elapsed,
            }).DistinctBy(l => (l.SuccessorUid, l.PredecessorUid)));
        }

        return (across, within);
    }

}
