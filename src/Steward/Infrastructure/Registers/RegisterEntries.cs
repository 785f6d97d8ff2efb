using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Access;

namespace Steward.Infrastructure.Registers;

// Loads a register entry for a change and saves it, with the checks every register makes in the same
// order: an entry on a unit whose register the actor may not read is not found (404), one they may not
// change this way is refused (403), one on an archived unit is a conflict (409, see UnitChangeRule),
// and one changed since the caller read it is stale (412).
public sealed class RegisterEntries(StewardDbContext db, RegisterUnits units)
{
    // verb: what is being done, for a refusal ("close"); register: the register in words ("RAID log").
    public Task<(T Entry, RegisterUnit Unit)> LoadAsync<T>(
        PmoArea area, PmoAction action, Guid id, int expectedVersion, string verb, string register, CancellationToken ct = default)
        where T : class, IRegisterEntry => LoadAsync(db.Set<T>(), area, action, id, expectedVersion, verb, register, ct);

    // from: the entry's set with what the change needs loaded with it (its members, its links).
    public async Task<(T Entry, RegisterUnit Unit)> LoadAsync<T>(
        IQueryable<T> from, PmoArea area, PmoAction action, Guid id, int expectedVersion, string verb, string register, CancellationToken ct = default)
        where T : class, IRegisterEntry
    {
        var kind = typeof(T).Name.ToLowerInvariant();
        var entry = await from.FirstOrDefaultAsync(e => e.Id == id, ct) ?? throw new RecordNotFoundException(kind, id.ToString());
        var unit = await units.ForEntryAsync(area, action, entry.UnitId, kind, id.ToString(), entry.Reference, verb, register, ct: ct);
        if (entry.Version != expectedVersion)
        {
            throw new StaleVersionException(entry.Reference, expectedVersion, entry.Version);
        }

        return (entry, unit);
    }

    // Someone who saved between the load and this save wins; this caller is told their copy is stale.
    public async Task SaveAsync(string reference, int expectedVersion, CancellationToken ct = default)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new StaleVersionException(reference, expectedVersion, expectedVersion + 1);
        }
    }
}
