using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.History;
using Steward.Infrastructure;
using Steward.Infrastructure.Registers;

namespace Steward.Features.Raid;

// RAID entries named by reference in other records' history (an action's risk, a decision's issue).
internal sealed class RaidHistoryNames(StewardDbContext db) : IHistoryNames
{
    public async Task<IReadOnlyDictionary<Guid, string>> NamesAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        var wanted = ids.ToList();
        var names = new Dictionary<Guid, string>();
        await AddAsync<Risk>(names, wanted, Risk.ReferencePrefix, ct);
        await AddAsync<Issue>(names, wanted, Issue.ReferencePrefix, ct);
        await AddAsync<Assumption>(names, wanted, Assumption.ReferencePrefix, ct);
        await AddAsync<Dependency>(names, wanted, Dependency.ReferencePrefix, ct);
        return names;
    }

    private async Task AddAsync<T>(Dictionary<Guid, string> names, List<Guid> ids, string prefix, CancellationToken ct) where T : class, IRaidItem
    {
        foreach (var x in await db.Set<T>().AsNoTracking().Where(e => ids.Contains(e.Id)).Select(e => new { e.Id, e.Number }).ToListAsync(ct))
        {
            names[x.Id] = EntryReference.Format(prefix, x.Number);
        }
    }
}
