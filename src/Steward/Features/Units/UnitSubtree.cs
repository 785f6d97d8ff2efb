using Steward.Data;

namespace Steward.Features.Units;

public static class UnitSubtree
{
    // The ids of a unit and everything below it, as a subquery. Registers filter on "UnitId in (these)"
    // rather than joining units and matching their paths: the database then reads each unit's rows
    // through the (UnitId, ...) indexes instead of scanning the whole register (3.5 s down to
    // milliseconds on a million items; see bench/RESULTS.md).
    //
    // The subtree is a range of the Path index, not LIKE 'path%': SQLite's LIKE ignores case and so
    // cannot use an index, and read all 10,000 paths on every request. Every path below /a/b/ sorts from
    // "/a/b/" up to, not including, "/a/b0" ('0' follows '/'), byte by byte; PostgreSQL compares Path
    // under the C collation for exactly that (see PostgresStewardDbContext).
    public static IQueryable<Guid> IdsUnder(this StewardDbContext db, string path)
    {
        var end = EndOfSubtree(path);
        return db.Units.Where(u => string.Compare(u.Path, path) >= 0 && string.Compare(u.Path, end) < 0).Select(u => u.Id);
    }

    public static string EndOfSubtree(string path) =>
        path.EndsWith('/') ? string.Concat(path.AsSpan(0, path.Length - 1), "0") : throw new ArgumentException($"A unit path ends with '/': {path}", nameof(path));
}
