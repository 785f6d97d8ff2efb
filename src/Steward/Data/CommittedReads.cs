using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;

namespace Steward.Data;

// Answers read from committed data, kept until anything is committed again (CommittedChanges says when).
// For reads that every request makes and that change far less often than they are read, such as a unit
// by its id. A context inside a transaction of its own reads past the cache: what it sees may not be
// committed yet, and it must see its own writes. MaxAge is only the backstop for a change nothing announced
// (someone editing a PostgreSQL database by hand).
public sealed class CommittedReads<TKey, TValue>(CommittedChanges changes)
    where TKey : notnull
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);
    private const int MaxEntries = 20_000;
    private readonly ConcurrentDictionary<TKey, Entry> _entries = new();

    public async ValueTask<TValue> GetAsync(DbContext db, TKey key, Func<TKey, Task<TValue>> load)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            return await load(key);
        }

        var generation = changes.Current();
        var now = Environment.TickCount64;
        if (_entries.TryGetValue(key, out var entry) && entry.Generation == generation && now - entry.ReadAt < MaxAge.TotalMilliseconds)
        {
            return entry.Value;
        }

        var value = await load(key);
        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }

        // Kept only if nothing was committed while it was read: a commit racing this read is never hidden.
        if (changes.Current() == generation)
        {
            _entries[key] = new Entry(value, generation, now);
        }

        return value;
    }

    private sealed record Entry(TValue Value, long Generation, long ReadAt);
}
