using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Access;

namespace Steward.Features.Units;

// Where a unit named in a URL (by id or code) sits in the tree, for access checks before a handler
// runs and for register queries that need no more. Cached because every unit request asks; a change
// of code or place clears it (see UnitService).
public sealed class UnitPaths(AccessCache cache)
{
    private const int MaxEntries = 50_000;
    private readonly ConcurrentDictionary<string, UnitLocation> _byKey = new(StringComparer.Ordinal);
    private long _seen = -1;
    private long _clearedAt = Environment.TickCount64;

    public async ValueTask<UnitLocation?> FindAsync(StewardDbContext db, string idOrCode, CancellationToken ct)
    {
        // Cleared together with the access cache, which every unit change clears.
        var generation = cache.Generation;
        // Moves on another node reach this one within the access cache's MaxAge.
        var now = Environment.TickCount64;
        if (Interlocked.Exchange(ref _seen, generation) != generation || now - Interlocked.Read(ref _clearedAt) > AccessCache.MaxAge.TotalMilliseconds)
        {
            Interlocked.Exchange(ref _clearedAt, now);
            _byKey.Clear();
        }

        var key = Guid.TryParse(idOrCode, out var id) ? id.ToString() : idOrCode.Trim().ToUpperInvariant();
        if (_byKey.TryGetValue(key, out var location))
        {
            return location;
        }

        var units = db.Units.AsNoTracking();
        location = await (Guid.TryParse(key, out id) ? units.Where(u => u.Id == id) : units.Where(u => u.Code == key))
            .Select(u => new UnitLocation(u.Id, u.Code, u.Path)).FirstOrDefaultAsync(ct);
        if (_byKey.Count >= MaxEntries)
        {
            _byKey.Clear();
        }

        if (location is not null && cache.Generation == generation)
        {
            _byKey[key] = location;
        }

        return location;
    }
}
