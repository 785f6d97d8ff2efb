using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Access;
using Steward.Features.Units;
using Steward.Infrastructure.Registers;

namespace Steward.Features.Benefits;

// A benefit's owner may see it and record its measurements whatever roles they hold: owners are often in
// the business, outside the project, and given no role in Steward.
public sealed class BenefitOwners(StewardDbContext db, UnitPaths locations) : IRecordOwners
{
    public async ValueTask<bool> OwnsAsync(RouteValueDictionary route, Guid personId, CancellationToken ct) =>
        (route["unit"] ?? route["code"]) is string unit && route["reference"] is string reference
        && await OwnedUnitAsync(unit, reference, personId, ct) is not null;

    // The unit holding the benefit, when the person owns it.
    public async Task<UnitLocation?> OwnedUnitAsync(string unitKey, string reference, Guid personId, CancellationToken ct)
    {
        var number = EntryReference.Parse(Benefit.ReferencePrefix, reference);
        var unit = number is null ? null : await locations.FindAsync(db, unitKey, ct);
        return unit is not null && await db.Benefits.AnyAsync(b => b.UnitId == unit.Id && b.Number == number && b.OwnerId == personId, ct) ? unit : null;
    }
}
