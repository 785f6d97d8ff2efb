using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Access;

namespace Steward.Features.Units;

// Where a unit named in a URL (by id or code) sits in the tree, for access checks before a handler
// runs. Cached because every unit request asks; any change to units clears it (see UnitService).
public sealed class UnitPaths(AccessCache cache)
{
    private const int MaxEntries = 50_000;
    private readonly ConcurrentDictionary<string, string?> _byKey = new(StringComparer.Ordinal);
    private long _seen = -1;
    private long _clearedAt = Environment.TickCount64;

    public async ValueTask<string?> FindAsync(StewardDbContext db, string idOrCode, CancellationToken ct)
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
        if (_byKey.TryGetValue(key, out var path))
        {
            return path;
        }

        path = Guid.TryParse(key, out id)
            ? await db.Units.AsNoTracking().Where(u => u.Id == id).Select(u => u.Path).FirstOrDefaultAsync(ct)
            : await db.Units.AsNoTracking().Where(u => u.Code == key).Select(u => u.Path).FirstOrDefaultAsync(ct);
        if (_byKey.Count >= MaxEntries)
        {
            _byKey.Clear();
        }

        if (path is not null && cache.Generation == generation)
        {
            _byKey[key] = path;
        }

        return path;
    }
}
