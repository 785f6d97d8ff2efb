using Microsoft.EntityFrameworkCore;
using Steward.Data;

namespace Steward.Features.History.Digests;

// Proves the database consistent with digests kept outside it: each digest's signature holds with a trusted
// key, the digests given chain onto each other, the database's own digests are all there and the same, the
// database is not older than the newest digest, every event is unaltered and chained (AuditChain), and the
// chain heads at the newest digest's last event give its root. Where they do not, the database's copy of that
// digest's heads (trusted only if it gives the signed root) names the records whose history changed.
public sealed class DigestVerification(StewardDbContext db, AuditChain chain, DigestKeys keys)
{
    private const int Named = 3;

    public async Task<DigestCheck> VerifyAsync(IReadOnlyList<PublishedDigest> published, IEnumerable<string> keyPaths, IProgress<long>? progress = null, CancellationToken ct = default)
    {
        if (published.Count == 0)
        {
            throw new DigestFormatException("no digest to verify against");
        }

        var given = CheckPublished(published, keyPaths);
        if (given.Problem is { } forged)
        {
            return new DigestCheck(AuditResult.Broken(0, forged), null);
        }

        var newest = given.Newest!;
        if (await CheckStoredAsync(published, newest, ct) is { } stored)
        {
            return new DigestCheck(AuditResult.Broken(0, stored), newest.Digest);
        }

        var walk = await chain.WalkAsync(newest.Digest.LastEventId, progress, ct);
        if (!walk.Result.IsIntact)
        {
            return new DigestCheck(walk.Result, newest.Digest);
        }

        var now = ChainHead.InLeafOrder(walk.HeadsAtCut!);
        if (ChainHead.RootOf(now) == newest.Digest.Root && walk.EventsAtCut == newest.Digest.Events)
        {
            return new DigestCheck(walk.Result, newest.Digest);
        }

        return new DigestCheck(AuditResult.Broken(walk.Result.EventsChecked, await NameDifferenceAsync(newest, now, walk.EventsAtCut, ct)), newest.Digest);
    }

    private (string? Problem, PublishedDigest? Newest) CheckPublished(IReadOnlyList<PublishedDigest> published, IEnumerable<string> keyPaths)
    {
        var trusted = keys.TrustedKeys(keyPaths);
        try
        {
            if (trusted.Count == 0)
            {
                throw new DigestSetupException($"no key to check digests with: give --key with a public key file, or set {DigestKeys.SigningKeyPathSetting} or {DigestKeys.TrustedKeyPathsSetting}");
            }

            foreach (var (digest, source) in published)
            {
                if (!trusted.TryGetValue(digest.KeyId, out var key))
                {
                    return ($"{source} is signed with key {digest.KeyId}, which is not a trusted key ({string.Join(", ", trusted.Keys)}): it is forged, or its key is not trusted here", null);
                }

                if (!DigestKeys.Verifies(key, digest))
                {
                    return ($"{source}: its signature does not verify with key {digest.KeyId}: the digest has been altered or forged", null);
                }
            }
        }
        finally
        {
            foreach (var key in trusted.Values)
            {
                key.Dispose();
            }
        }

        var first = published[0];
        if (published.FirstOrDefault(p => p.Digest.Instance != first.Digest.Instance) is { } stranger)
        {
            throw new DigestFormatException($"{stranger.Source} is from another Steward instance ({stranger.Digest.Instance}) than {first.Source} ({first.Digest.Instance})");
        }

        var ordered = published.OrderBy(p => p.Digest.Sequence).ToList();
        for (var i = 1; i < ordered.Count; i++)
        {
            var (before, after) = (ordered[i - 1], ordered[i]);
            if (after.Digest.Sequence == before.Digest.Sequence && after.Digest.Statement() != before.Digest.Statement())
            {
                return ($"{before.Source} and {after.Source} are two different digests numbered {after.Digest.Sequence}", null);
            }

            if (after.Digest.Sequence > before.Digest.Sequence + 1)
            {
                return ($"{after.Source} (digest {after.Digest.Sequence}) does not follow {before.Source} (digest {before.Digest.Sequence}): digest {before.Digest.Sequence + 1} is missing from the digests given", null);
            }

            if (after.Digest.Sequence == before.Digest.Sequence + 1 && after.Digest.Previous != before.Digest.Hash())
            {
                return ($"{after.Source} (digest {after.Digest.Sequence}) does not chain onto {before.Source} (digest {before.Digest.Sequence}): one of them is not genuine", null);
            }
        }

        return (null, ordered[^1]);
    }

    // The database's own digests: same instance, all there, chained, the same as those published, and not
    // older than the newest published one.
    private async Task<string?> CheckStoredAsync(IReadOnlyList<PublishedDigest> published, PublishedDigest newest, CancellationToken ct)
    {
        var stored = await db.HistoryDigests.AsNoTracking().OrderBy(d => d.Sequence).Select(d => new { d.Sequence, d.Instance, d.Document }).ToListAsync(ct);
        var lastEvent = await db.History.MaxAsync(h => (long?)h.Id, ct) ?? 0;
        var digest = newest.Digest;
        if (stored.Count > 0 && stored[0].Instance != digest.Instance)
        {
            throw new DigestFormatException($"{newest.Source} is from another Steward instance ({digest.Instance}); this database's digests are of instance {stored[0].Instance}");
        }

        if (stored.Count == 0 || stored[^1].Sequence < digest.Sequence || lastEvent < digest.LastEventId)
        {
            var holds = stored.Count == 0 ? "no digests" : $"digests up to {stored[^1].Sequence}";
            return $"the database is older than {newest.Source}: that digest (number {digest.Sequence}, taken {digest.TakenAt:O}) covers events up to {digest.LastEventId}, " +
                $"but the database holds events up to {lastEvent} and {holds}: it has been put back to an earlier copy, or the digest is from another database";
        }

        HistoryDigestDocument? before = null;
        foreach (var row in stored)
        {
            var copy = HistoryDigestDocument.Parse(row.Document, $"digest {row.Sequence} in the database");
            if (before is not null && copy.Sequence != before.Sequence + 1)
            {
                return $"the database's digests skip from {before.Sequence} to {copy.Sequence}: digest {before.Sequence + 1} has been removed";
            }

            if (before is not null && copy.Previous != before.Hash())
            {
                return $"the database's digest {copy.Sequence} does not chain onto its digest {before.Sequence}: one of them has been altered";
            }

            before = copy;
        }

        foreach (var (outside, source) in published)
        {
            var inside = stored.FirstOrDefault(s => s.Sequence == outside.Sequence);
            if (inside is not null && HistoryDigestDocument.Parse(inside.Document, "the database") is var copy && (copy.Statement() != outside.Statement() || copy.Signature != outside.Signature))
            {
                return $"the database's copy of digest {outside.Sequence} differs from {source}: it has been altered";
            }

            if (inside is null && outside.Sequence >= stored[0].Sequence)
            {
                return $"the database holds no digest {outside.Sequence}, which {source} is: it has been removed";
            }
        }

        return null;
    }

    private async Task<string> NameDifferenceAsync(PublishedDigest newest, List<ChainHead> now, long eventsNow, CancellationToken ct)
    {
        var digest = newest.Digest;
        var then = await StoredHeads.AtAsync(db, digest.Sequence, ct);
        if (then.Count != digest.Records || ChainHead.RootOf(ChainHead.InLeafOrder(then.Values)) != digest.Root)
        {
            return $"the history up to {newest.Source} (digest {digest.Sequence}) differs from it, and the database's copy of that digest's record heads has been altered too, so the records changed cannot be named";
        }

        var current = now.ToDictionary(h => h.RecordId);
        var differences = then.Values.Where(h => current.GetValueOrDefault(h.RecordId) != h)
            .Select(h => current.TryGetValue(h.RecordId, out var head)
                ? $"{h.RecordType} {h.RecordId}: its history up to digest {digest.Sequence} has been rewritten (the digest covered it to event {h.EventId}, version {Version(h)}, hash {h.Hash[..12]}…; the database now has event {head.EventId}, version {Version(head)}, hash {head.Hash[..12]}…)"
                : $"{h.RecordType} {h.RecordId}: its history up to digest {digest.Sequence} (to event {h.EventId}, version {Version(h)}) is gone: the record's events have been removed")
            .Concat(now.Where(h => !then.ContainsKey(h.RecordId))
                .Select(h => $"{h.RecordType} {h.RecordId} has events up to event {h.EventId} that digest {digest.Sequence} did not cover: they have been inserted"))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (differences.Count == 0)
        {
            return $"{digest.Events - eventsNow:N0} of the {digest.Events:N0} events digest {digest.Sequence} covered are missing";
        }

        var more = differences.Count > Named ? $"; and {differences.Count - Named:N0} more records differ" : string.Empty;
        return $"the history differs from {newest.Source} (digest {digest.Sequence}): {string.Join("; ", differences.Take(Named))}{more}";
    }

    private static string Version(ChainHead head) => head.Version?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none";
}

// The outcome, and the digest it was checked against.
public sealed record DigestCheck(AuditResult Result, HistoryDigestDocument? Against);
