using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.History;
using Steward.Infrastructure.Registers;

namespace Steward.Features.Benefits;

// Benefits, strategic objectives and business changes by reference (B-0007, SO-0002, BC-0003) in the history.
internal sealed class BenefitHistoryNames(StewardDbContext db) : IHistoryNames
{
    public async Task<IReadOnlyDictionary<Guid, string>> NamesAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        var wanted = ids.ToList();
        var names = await db.Benefits.AsNoTracking().Where(b => wanted.Contains(b.Id)).Select(b => new { b.Id, b.Number })
            .ToDictionaryAsync(b => b.Id, b => EntryReference.Format(Benefit.ReferencePrefix, b.Number), ct);
        foreach (var o in await db.StrategicObjectives.AsNoTracking().Where(o => wanted.Contains(o.Id)).Select(o => new { o.Id, o.Number }).ToListAsync(ct))
        {
            names[o.Id] = EntryReference.Format(Map.StrategicObjective.ReferencePrefix, o.Number);
        }

        foreach (var c in await db.BusinessChanges.AsNoTracking().Where(c => wanted.Contains(c.Id)).Select(c => new { c.Id, c.Number }).ToListAsync(ct))
        {
            names[c.Id] = EntryReference.Format(Map.BusinessChange.ReferencePrefix, c.Number);
        }

        return names;
    }
}
