using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Steward.Data;

namespace Steward.Features.Plans;

// A plan's tasks and links as stored at one ScheduleRevision, kept in memory, so that an edit of a large
// plan, and the read that follows it, does not read and parse its 15,000 rows again (most of such an
// edit's time: issue 18). It is safe on any number of nodes because every change to a plan's tasks or
// links raises the plan's ScheduleRevision in the same transaction (PlanStore.ScheduleAsync): rows kept
// for (plan, revision) are the rows stored while the plan is at that revision. The time it was scheduled
// is part of the key too, so a database restored from a backup under a running node, which may reach a
// revision again with other rows, is not mistaken for what was kept. Kept rows are never handed out to be
// changed: PlanStore tracks copies of them; PlanQueries only reads.
public sealed class PlanRows : IDisposable
{
    // Counted in rows (a task or a link): about 100 MB at most, some 60 plans of 5,000 tasks.
    private readonly MemoryCache kept = new(new MemoryCacheOptions { SizeLimit = 1_000_000 });

    public sealed record Stored(IReadOnlyList<PlannedTask> Tasks, IReadOnlyList<TaskLink> Links);

    // One entry per plan, the latest read or saved: an older revision is never asked for again, and keeping
    // one per edit held a large plan's rows many times over, for the garbage collector to copy between
    // generations on every edit.
    private sealed record Entry((int Revision, long? ScheduledAt) Stamp, Stored Rows);

    // Kept, or read and then kept if the plan was still as it was once they were read (the reads are not
    // one transaction; revisions only rise, so one unchanged after them saw no change in between).
    public async Task<Stored> ReadAsync(StewardDbContext db, UnitPlan plan, CancellationToken ct)
    {
        var key = KeyOf(plan);
        if (kept.TryGetValue(plan.Id, out Entry? entry) && entry is not null && entry.Stamp == key)
        {
            return entry.Rows;
        }

        var rows = new Stored(
            await db.PlanTasks.AsNoTracking().Where(t => t.PlanId == plan.Id).ToListAsync(ct),
            await db.PlanLinks.AsNoTracking().Where(l => l.PlanId == plan.Id).ToListAsync(ct));
        var now = await db.Plans.AsNoTracking().Where(p => p.Id == plan.Id).Select(p => new { p.ScheduleRevision, p.ScheduledAt }).FirstOrDefaultAsync(ct);
        if (now is not null && KeyOf(now.ScheduleRevision, now.ScheduledAt) == key)
        {
            Keep(plan.Id, key, rows);
        }

        return rows;
    }

    // The plan's tasks, as copies that the change's PlanTaskCopies compares with the stored rows when it is
    // saved, and its links, untracked (they are only ever added and removed, never changed), put on the
    // plan: copies, so what is kept stays as stored. A task this context already tracks, or already copied
    // in this change, is that instance, as a tracked query would give it.
    public async Task<UnitPlan> TrackAsync(StewardDbContext db, PlanTaskCopies copies, UnitPlan plan, CancellationToken ct)
    {
        var rows = await ReadAsync(db, plan, ct);
        var local = db.PlanTasks.Local;
        plan.Tasks = rows.Tasks.Select(t =>
        {
            if (local.FindEntry(t.Id) is { } tracked)
            {
                return tracked.Entity;
            }

            if (copies.Find(t.Id) is { } copied)
            {
                return copied;
            }

            var copy = t.Copy();
            copies.Add(copy, t);
            return copy;
        }).ToList();
        plan.Links = rows.Links.Select(l => l.Copy()).ToList();
        return plan;
    }

    // After PlanStore committed a change: the plan as it saved it.
    public void Saved(UnitPlan plan) =>
        Keep(plan.Id, KeyOf(plan), new Stored(plan.Tasks.Select(t => t.Copy()).ToList(), plan.Links.Select(l => l.Copy()).ToList()));

    private void Keep(Guid planId, (int, long?) stamp, Stored rows) =>
        kept.Set(planId, new Entry(stamp, rows), new MemoryCacheEntryOptions { Size = 1 + rows.Tasks.Count + rows.Links.Count, SlidingExpiration = TimeSpan.FromMinutes(10) });

    private static (int, long?) KeyOf(UnitPlan plan) => KeyOf(plan.ScheduleRevision, plan.ScheduledAt);

    // In whole milliseconds: PostgreSQL keeps a time to the microsecond, .NET to a tenth of one, so the time
    // as saved and as read back differ below that.
    private static (int, long?) KeyOf(int revision, DateTime? scheduledAt) => (revision, scheduledAt?.Ticks / TimeSpan.TicksPerMillisecond);

    public void Dispose() => kept.Dispose();
}
