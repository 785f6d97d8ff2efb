using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Finance;

namespace Steward.Features.Benefits;

// What a unit's benefits (with those of the units below it) are planned to be worth over their whole
// profile, for returns (GMPP "baseline benefits"): null for a unit with no monetised benefit.
public sealed class BenefitWorth(StewardDbContext db)
{
    public async Task<Dictionary<Guid, Money>> PlannedAsync(IReadOnlyCollection<(Guid Id, string Path)> units, CancellationToken ct = default)
    {
        var result = new Dictionary<Guid, Money>();
        foreach (var (id, path) in units)
        {
            var planned = await db.Benefits.AsNoTracking().Where(b => b.Unit!.Path.StartsWith(path))
                .Join(db.BenefitYears, b => b.Id, y => y.BenefitId, (b, y) => new { b.IsDisbenefit, y.Planned })
                .Select(x => x.IsDisbenefit ? -x.Planned : x.Planned).ToListAsync(ct);
            if (planned.Count > 0)
            {
                result[id] = new Money(planned.Sum());
            }
        }

        return result;
    }
}
