using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Access;
using Steward.Features.Units;

namespace Steward.Infrastructure.Registers;

// Resolves the unit a register request names and applies the checks every register shares, in one
// order: a unit the actor may not see is not found (404); a register they may not use there is refused
// (403); a change the unit's status forbids is a conflict (409, see UnitChangeRule). Where a unit sits
// comes from the path cache the access check already filled; only a change reads the unit's status,
// by its key, since that may have changed since.
public sealed class RegisterUnits(StewardDbContext db, UnitQueries units, UnitPaths locations, AccessPolicy access)
{
    // For reading a register: no query once the unit's place is cached.
    public async Task<IUnitLocation> ReadableAsync(PmoArea area, string unitKey, string register, CancellationToken ct = default)
    {
        var unit = await units.LocateAsync(unitKey, ct);
        await access.DemandAsync(area, PmoAction.Read, unit.Path, $"read the {register} of {unit.Code}", ct);
        return unit;
    }

    // For reading a register whose page or answer shows the unit itself (its name, status, people).
    public async Task<UnitView> ReadableViewAsync(PmoArea area, string unitKey, string register, CancellationToken ct = default)
    {
        var unit = await units.RequireAsync(unitKey, ct);
        await access.DemandAsync(area, PmoAction.Read, unit.Path, $"read the {register} of {unit.Code}", ct);
        return unit;
    }

    // For adding to a register, or changing what the unit committed to (its plan, its tolerances).
    // verb: what is being done, for a refusal ("raise risks on").
    public async Task<RegisterUnit> ChangeableAsync(PmoArea area, PmoAction action, string unitKey, RecordChange change, string verb, string register, CancellationToken ct = default)
    {
        var unit = await units.LocateAsync(unitKey, ct);
        await access.DemandAsync(area, action, unit.Path, $"{verb} {unit.Code}", ct);
        return await DemandStatusAsync(unit, change, register, ct);
    }

    // For changing an entry already in a register, found by the unit that holds it. An entry on a unit
    // whose register the actor may not read is not found, so its existence is not given away.
    // kind and key name it when it is not found (its id, which the caller already had); what names it in
    // a refusal ("R-0042"). change: Add where the entry takes something new (a meeting of a board).
    public async Task<RegisterUnit> ForEntryAsync(
        PmoArea area, PmoAction action, Guid unitId, string kind, string key, string what, string verb, string register,
        RecordChange change = RecordChange.Amend, CancellationToken ct = default)
    {
        var unit = await locations.FindAsync(db, unitId.ToString(), ct);
        if (unit is null || !await access.CanAsync(area, PmoAction.Read, unit.Path, ct))
        {
            throw new RecordNotFoundException(kind, key);
        }

        await access.DemandAsync(area, action, unit.Path, $"{verb} {what}", ct);
        return await DemandStatusAsync(unit, change, register, ct);
    }

    private async Task<RegisterUnit> DemandStatusAsync(UnitLocation unit, RecordChange change, string register, CancellationToken ct)
    {
        var status = await db.Units.AsNoTracking().Where(u => u.Id == unit.Id).Select(u => u.Status).FirstAsync(ct);
        UnitChangeRule.Demand(unit.Code, status, change, register);
        return new RegisterUnit(unit.Id, unit.Code, unit.Path, status);
    }
}
