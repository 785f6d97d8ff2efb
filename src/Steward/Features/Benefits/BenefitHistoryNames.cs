using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.History;
using Steward.Infrastructure.Registers;

namespace Steward.Features.Benefits;

// Benefits by reference (B-0007) in the history.
internal sealed class BenefitHistoryNames(StewardDbContext db) : IHistoryNames
{
    public async Task<IReadOnlyDictionary<Guid, string>> NamesAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        var wanted = ids.ToList();
        return await db.Benefits.AsNoTracking().Where(b => wanted.Contains(b.Id)).Select(b => new { b.Id, b.Number })
            .ToDictionaryAsync(b => b.Id, b => EntryReference.Format(Benefit.ReferencePrefix, b.Number), ct);
    }
}
