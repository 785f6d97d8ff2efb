using System.Security.Cryptography;

namespace Steward.Features.History.Digests;

// The Merkle tree of RFC 6962 (Certificate Transparency): a leaf's hash is SHA-256(0x00 || leaf), a node's
// SHA-256(0x01 || left || right), and the last node of an odd level is carried up unchanged. Built level by
// level, which gives the same root as the RFC's recursive definition, and an inclusion proof is the
// sibling met at each level on the way up.
public static class MerkleTree
{
    public static byte[] LeafHash(ReadOnlySpan<byte> leaf)
    {
        var input = new byte[leaf.Length + 1];
        leaf.CopyTo(input.AsSpan(1));
        return SHA256.HashData(input);
    }

    public static byte[] NodeHash(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        Span<byte> input = stackalloc byte[65];
        input[0] = 1;
        left.CopyTo(input[1..]);
        right.CopyTo(input[33..]);
        return SHA256.HashData(input);
    }

    // The root over leaf hashes laid end to end (32 bytes each): a million and a half leaves in one array
    // rather than as many small ones, each level worked out into a buffer half the size of the one before.
    public static byte[] Root(byte[] leafHashes)
    {
        const int size = 32;
        var count = leafHashes.Length / size;
        if (count == 0)
        {
            return SHA256.HashData([]);
        }

        var level = leafHashes;
        while (count > 1)
        {
            var pairs = count / 2;
            var next = new byte[((count + 1) / 2) * size];
            var from = level;
            Parallel.For(0, pairs, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
                NodeHash(from.AsSpan(2 * i * size, size), from.AsSpan(((2 * i) + 1) * size, size)).CopyTo(next.AsSpan(i * size)));
            if (count % 2 == 1)
            {
                level.AsSpan((count - 1) * size, size).CopyTo(next.AsSpan(pairs * size));
            }

            level = next;
            count = (count + 1) / 2;
        }

        return level[..size];
    }

    // The root of no leaves is the hash of nothing, as in RFC 6962.
    public static byte[] Root(IReadOnlyList<byte[]> leafHashes)
    {
        if (leafHashes.Count == 0)
        {
            return SHA256.HashData([]);
        }

        var level = leafHashes;
        while (level.Count > 1)
        {
            level = Up(level);
        }

        return level[0];
    }

    // The hashes that, with the leaf's own, lead to the root: its sibling at each level, bottom first.
    public static List<byte[]> Proof(IReadOnlyList<byte[]> leafHashes, int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, leafHashes.Count);
        var path = new List<byte[]>();
        var level = leafHashes;
        while (level.Count > 1)
        {
            var sibling = index ^ 1;
            if (sibling < level.Count)
            {
                path.Add(level[sibling]);
            }

            level = Up(level);
            index /= 2;
        }

        return path;
    }

    // Follows a proof from a leaf to the root it claims, knowing only the leaf's place and the tree's size.
    public static byte[] RootFromProof(byte[] leafHash, long index, long size, IReadOnlyList<byte[]> path)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, size);
        var hash = leafHash;
        var used = 0;
        while (size > 1)
        {
            var sibling = index ^ 1;
            if (sibling < size)
            {
                if (used == path.Count)
                {
                    throw new FormatException("the proof is too short for the tree it names");
                }

                hash = index % 2 == 0 ? NodeHash(hash, path[used]) : NodeHash(path[used], hash);
                used++;
            }

            index /= 2;
            size = (size + 1) / 2;
        }

        return used == path.Count ? hash : throw new FormatException("the proof is longer than the tree it names");
    }

    private static byte[][] Up(IReadOnlyList<byte[]> level)
    {
        var next = new byte[(level.Count + 1) / 2][];
        Parallel.For(0, level.Count / 2, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i => next[i] = NodeHash(level[2 * i], level[(2 * i) + 1]));
        if (level.Count % 2 == 1)
        {
            next[^1] = level[^1];
        }

        return next;
    }
}
