using Steward.Features.Access;
using Steward.Features.Units;

namespace Steward.Features.Raid;

// Where a RAID entry's back link goes: the register it was opened from (?from=CODE, a unit above whose
// RAID log the person may read), or else the register of the entry's own unit.
public sealed record RaidBackLink(string Code, string Name)
{
    public static async Task<RaidBackLink> ForAsync(UnitQueries units, AccessPolicy access, UnitView unit, string? from, CancellationToken ct) =>
        !string.IsNullOrWhiteSpace(from) && !string.Equals(from, unit.Code, StringComparison.OrdinalIgnoreCase)
            && await units.FindByCodeAsync(from, ct) is { } register && await access.CanAsync(PmoArea.Raid, PmoAction.Read, register.Path, ct)
            ? new RaidBackLink(register.Code, register.Name)
            : new RaidBackLink(unit.Code, unit.Name);
}
