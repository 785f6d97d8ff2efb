using System.Collections.Concurrent;
using Steward.Features.Tokens;

namespace Steward.Features.Access;

// Each account's grants and each API token's owner, kept for a short while so that authorising a
// request costs no query. Any grant, revoke, move, token revoke or disable clears it at once, on this
// node directly and on the others (and from the command line) through AccessChanges; MaxAge is only the
// backstop should that watch be lost.
public sealed class AccessCache(TimeProvider clock)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);
    private const int MaxEntries = 50_000;

    private readonly ConcurrentDictionary<Guid, Entry<IReadOnlyList<AccessGrant>>> _grants = new();
    private readonly ConcurrentDictionary<string, Entry<TokenOwner?>> _tokens = new(StringComparer.Ordinal);
    private long _generation;

    // Rises whenever anything access depends on changes; other caches (UnitPaths) follow it.
    public long Generation => Interlocked.Read(ref _generation);

    public ValueTask<IReadOnlyList<AccessGrant>> GrantsAsync(Guid userId, Func<Task<IReadOnlyList<AccessGrant>>> load) =>
        GetAsync(_grants, userId, load);

    public ValueTask<TokenOwner?> TokenAsync(string hash, Func<Task<TokenOwner?>> load) =>
        GetAsync(_tokens, hash, load);

    public void Clear()
    {
        Interlocked.Increment(ref _generation);
        _grants.Clear();
        _tokens.Clear();
    }

    private async ValueTask<T> GetAsync<TKey, T>(ConcurrentDictionary<TKey, Entry<T>> entries, TKey key, Func<Task<T>> load)
        where TKey : notnull
    {
        var now = clock.GetUtcNow();
        var generation = Interlocked.Read(ref _generation);
        if (entries.TryGetValue(key, out var entry) && entry.Generation == generation && entry.LoadedAt + MaxAge > now)
        {
            return entry.Value;
        }

        var value = await load();
        if (entries.Count >= MaxEntries)
        {
            entries.Clear();
        }

        // Stored only if nothing was cleared meanwhile, so a revoke racing this load is never undone.
        if (Interlocked.Read(ref _generation) == generation)
        {
            entries[key] = new Entry<T>(value, generation, now);
        }

        return value;
    }

    private sealed record Entry<T>(T Value, long Generation, DateTimeOffset LoadedAt);
}
