using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Steward.Data;
using Steward.Features.History;

namespace Steward.Features.Plans;

// The plan tasks a change works on: copies of the stored rows, not tracked by EF until the change is saved.
// Attaching all 5,050 tasks of a large plan, and scanning them all for changes, cost more than the edit of
// one task needs (issue 18); at the save, each copy is compared with the row it was copied from, and only a
// task edited beyond its scheduled dates is attached (with the stored values as its original values, so EF
// writes, versions and records in history exactly what changed). A task whose only change is its dates
// is written with the other rescheduled tasks (DerivedFieldWrites); an unchanged one is left alone.
public sealed class PlanTaskCopies(StewardDbContext db)
{
    private readonly Dictionary<PlannedTask, PlannedTask> originals = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<Guid, PlannedTask> byId = [];

    // The copy already handed out for this task in this change, if any.
    public PlannedTask? Find(Guid id) => byId.GetValueOrDefault(id);

    public void Add(PlannedTask copy, PlannedTask stored)
    {
        originals[copy] = stored;
        byId[copy.Id] = copy;
    }

    // The task tracked from now on, with what was stored as its original values: a change made to it so far
    // is detected as EF would have detected it had the task been tracked from the start.
    public EntityEntry<PlannedTask> Track(PlannedTask task)
    {
        if (!originals.Remove(task, out var stored))
        {
            return db.Entry(task);
        }

        byId.Remove(task.Id);
        var entry = db.Attach(task);
        entry.OriginalValues.SetValues(stored);
        entry.DetectChanges();
        return entry;
    }

    // Before a save: each copy still untracked is compared with its stored row; those edited beyond their
    // dates are tracked, and those only rescheduled are handed to write.
    public void Settle(Action<IEntityType, PlannedTask> rescheduled)
    {
        var type = db.Model.FindEntityType(typeof(PlannedTask))!;
        var properties = type.GetProperties().Select(p => (Property: p, Getter: p.GetGetter(), Comparer: p.GetValueComparer(), Derived: p.FindAnnotation(HistoryAnnotations.Derived) is not null)).ToList();
        var local = db.PlanTasks.Local;
        foreach (var (task, stored) in originals.ToList())
        {
            if (local.FindEntry(task.Id) is not null)
            {
                // Tracked meanwhile (removed from the plan): EF has it.
                continue;
            }

            var changed = false;
            var beyondDates = false;
            foreach (var (_, getter, comparer, derived) in properties)
            {
                if (!comparer.Equals(getter.GetClrValue(task), getter.GetClrValue(stored)))
                {
                    changed = true;
                    beyondDates |= !derived;
                }
            }

            if (beyondDates)
            {
                Track(task);
            }
            else if (changed)
            {
                rescheduled(type, task);
            }
        }

        Clear();
    }

    public void Clear()
    {
        originals.Clear();
        byId.Clear();
    }
}
