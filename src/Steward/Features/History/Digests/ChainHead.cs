using System.Globalization;
using System.Text;

namespace Steward.Features.History.Digests;

// Where one record's chain of events stood when a digest was taken: its newest event then. The head's
// hash covers every event before it (each names the hash of the one before), so one leaf per record
// commits the digest to the whole of that record's history.
public sealed record ChainHead(string RecordType, Guid RecordId, long EventId, int? Version, string Hash)
{
    // The leaf's bytes, as a reader outside Steward would rebuild them: fields joined by the unit separator.
    public byte[] LeafBytes() => Encoding.UTF8.GetBytes(string.Join('\u001f',
        RecordType, RecordId.ToString("D"), EventId.ToString(CultureInfo.InvariantCulture),
        Version?.ToString(CultureInfo.InvariantCulture) ?? string.Empty, Hash));

    public byte[] LeafHash() => MerkleTree.LeafHash(LeafBytes());

    // A head from a row of (record id, record type, event id, version, hash).
    internal static ChainHead Read(System.Data.Common.DbDataReader row, RecordTypeNames types) =>
        new(types.Of(row, 1), row.GetGuid(0), row.GetInt64(2), row.IsDBNull(3) ? null : row.GetInt32(3), row.GetString(4));

    // Leaves stand in the order of their record ids written out ("D" format), which is the order of the
    // id's sixteen bytes read big-endian.
    public static UInt128 OrderKey(Guid id)
    {
        Span<byte> bytes = stackalloc byte[16];
        id.TryWriteBytes(bytes, bigEndian: true, out _);
        return System.Buffers.Binary.BinaryPrimitives.ReadUInt128BigEndian(bytes);
    }

    public static List<ChainHead> InLeafOrder(ICollection<ChainHead> heads)
    {
        var items = new ChainHead[heads.Count];
        heads.CopyTo(items, 0);
        var keys = Array.ConvertAll(items, h => OrderKey(h.RecordId));
        Array.Sort(keys, items);
        return [.. items];
    }

    public static byte[][] LeafHashes(IReadOnlyList<ChainHead> ordered)
    {
        var hashes = new byte[ordered.Count][];
        Parallel.For(0, ordered.Count, i => hashes[i] = ordered[i].LeafHash());
        return hashes;
    }

    // The leaf hashes end to end, 32 bytes each, for MerkleTree.Root.
    public static byte[] PackedLeafHashes(IReadOnlyList<ChainHead> ordered)
    {
        var hashes = new byte[ordered.Count * 32];
        Parallel.For(0, ordered.Count, i => ordered[i].LeafHash().CopyTo(hashes, i * 32));
        return hashes;
    }

    public static string RootOf(IReadOnlyList<ChainHead> ordered) => Convert.ToHexStringLower(MerkleTree.Root(PackedLeafHashes(ordered)));
}
