using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.History;
using Steward.Infrastructure;
using Steward.Infrastructure.Registers;

namespace Steward.Features.Governance;

// Boards by name, meetings by board and date, decisions and actions by reference, in other records' history.
internal sealed class GovernanceHistoryNames(StewardDbContext db) : IHistoryNames
{
    public async Task<IReadOnlyDictionary<Guid, string>> NamesAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        var wanted = ids.ToList();
        var names = await db.Boards.AsNoTracking().Where(b => wanted.Contains(b.Id)).ToDictionaryAsync(b => b.Id, b => b.Name, ct);
        foreach (var m in await db.Meetings.AsNoTracking().Where(m => wanted.Contains(m.Id)).Select(m => new { m.Id, m.Board!.Name, m.StartsAt }).ToListAsync(ct))
        {
            names[m.Id] = $"{m.Name}, {UkFormat.Date(UkFormat.ToLondon(m.StartsAt))}";
        }

        foreach (var d in await db.Decisions.AsNoTracking().Where(d => wanted.Contains(d.Id)).Select(d => new { d.Id, d.Number }).ToListAsync(ct))
        {
            names[d.Id] = EntryReference.Format(Decision.ReferencePrefix, d.Number);
        }

        foreach (var a in await db.Actions.AsNoTracking().Where(a => wanted.Contains(a.Id)).Select(a => new { a.Id, a.Number }).ToListAsync(ct))
        {
            names[a.Id] = EntryReference.Format(ActionItem.ReferencePrefix, a.Number);
        }

        return names;
    }
}
