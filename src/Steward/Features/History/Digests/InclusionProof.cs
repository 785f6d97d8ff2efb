using Microsoft.EntityFrameworkCore;
using Steward.Data;

namespace Steward.Features.History.Digests;

// Shows that one record's history is covered by a published digest without showing anything else: the
// record's events up to the digest's last event (their hashes chain to its head), the head's place among the
// digest's leaves, and the sibling hashes from that leaf to the signed root. Anyone holding the digest's
// public key can check it (steward audit check-proof, or by hand: the README says how).
public sealed record InclusionProof(HistoryDigestDocument Digest, string RecordType, Guid RecordId, List<HistoryEvent> Events, long LeafIndex, long TreeSize, List<string> Path)
{
    public const string ProofFormat = "steward-inclusion-proof/1";

    public string Format { get; init; } = ProofFormat;

    // What is wrong with the proof, or null when it holds: events unaltered and chained, their head a leaf
    // that leads to the digest's root, and the digest signed by the key given.
    public string? Problem(System.Security.Cryptography.ECDsa key)
    {
        if (Format != ProofFormat)
        {
            return $"it is not a Steward inclusion proof (format is not \"{ProofFormat}\")";
        }

        if (DigestKeys.KeyId(key) != Digest.KeyId || !DigestKeys.Verifies(key, Digest))
        {
            return $"its digest's signature does not verify with key {DigestKeys.KeyId(key)}";
        }

        string? previous = null;
        foreach (var e in Events)
        {
            if (e.RecordId != RecordId || e.RecordType != RecordType || e.Id > Digest.LastEventId)
            {
                return $"event {e.Id} is not one of {RecordType} {RecordId}'s events up to the digest";
            }

            if (e.PreviousHash != previous || HistoryHash.Compute(e) != e.Hash)
            {
                return $"event {e.Id} does not match its hash or does not follow the event before it";
            }

            previous = e.Hash;
        }

        if (Events.Count == 0)
        {
            return "it holds no events";
        }

        var last = Events[^1];
        var head = new ChainHead(RecordType, RecordId, last.Id, last.Version, last.Hash);
        try
        {
            var root = MerkleTree.RootFromProof(head.LeafHash(), LeafIndex, TreeSize, Path.Select(Convert.FromHexString).ToList());
            return TreeSize != Digest.Records ? "its tree size is not the digest's number of records"
                : Convert.ToHexStringLower(root) != Digest.Root ? "its path does not lead to the digest's root" : null;
        }
        catch (Exception e) when (e is FormatException or ArgumentOutOfRangeException)
        {
            return $"its path is not valid ({e.Message.TrimEnd('.')})";
        }
    }

    public static async Task<InclusionProof> MakeAsync(StewardDbContext db, Guid recordId, HistoryDigestDocument? against, CancellationToken ct)
    {
        var digest = against;
        if (digest is null)
        {
            var latest = await db.HistoryDigests.AsNoTracking().OrderByDescending(d => d.Sequence).FirstOrDefaultAsync(ct)
                ?? throw new DigestFormatException("the database holds no digest yet: take one with `steward audit digest`");
            digest = HistoryDigestDocument.Parse(latest.Document, $"digest {latest.Sequence} in the database");
        }

        var heads = ChainHead.InLeafOrder((await StoredHeads.AtAsync(db, digest.Sequence, ct)).Values);
        var leaves = ChainHead.LeafHashes(heads);
        if (heads.Count != digest.Records || Convert.ToHexStringLower(MerkleTree.Root(leaves)) != digest.Root)
        {
            throw new DigestFormatException($"the database's record heads at digest {digest.Sequence} do not give its root: they have been altered, or the digest is not this database's; no proof can be made");
        }

        var index = heads.FindIndex(h => h.RecordId == recordId);
        if (index < 0)
        {
            throw new DigestFormatException($"record {recordId} is not covered by digest {digest.Sequence}: it has no history up to event {digest.LastEventId}");
        }

        var events = await db.History.AsNoTracking().Where(h => h.RecordId == recordId && h.Id <= heads[index].EventId).OrderBy(h => h.Id).ToListAsync(ct);
        return new InclusionProof(digest, heads[index].RecordType, recordId, events, index, heads.Count,
            MerkleTree.Proof(leaves, index).Select(Convert.ToHexStringLower).ToList());
    }
}
