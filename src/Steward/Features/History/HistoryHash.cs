using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Steward.Features.History;

public static class HistoryHash
{
    private const byte Separator = 0x1f;
    private static readonly SearchValues<char> LowerHex = SearchValues.Create("0123456789abcdef");

    // Every stored field but the id takes part, separated so that no two events can share a preimage:
    // SHA-256 of the UTF-8 of RecordType ␟ RecordId ␟ Action ␟ Actor ␟ Channel ␟ At (ISO 8601, UTC) ␟ Version
    // ␟ Changes ␟ PreviousHash, in lower-case hex.
    public static string Compute(HistoryEvent e)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        Hash(e, hash);
        return Convert.ToHexStringLower(hash);
    }

    // Whether the stored hash is the event's own, without building strings: verification asks this ten
    // million times.
    public static bool Matches(HistoryEvent e)
    {
        if (e.Hash.Length != 2 * SHA256.HashSizeInBytes || e.Hash.AsSpan().ContainsAnyExcept(LowerHex))
        {
            return false;
        }

        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        Span<byte> stored = stackalloc byte[SHA256.HashSizeInBytes];
        Hash(e, hash);
        return Convert.FromHexString(e.Hash, stored, out _, out _) == OperationStatus.Done && hash.SequenceEqual(stored);
    }

    private static void Hash(HistoryEvent e, Span<byte> destination)
    {
        var most = Encoding.UTF8.GetMaxByteCount(e.RecordType.Length + e.Action.Length + e.Actor.Length + e.Channel.Length + e.Changes.Length + (e.PreviousHash?.Length ?? 0)) + 128;
        var rented = ArrayPool<byte>.Shared.Rent(most);
        try
        {
            var content = rented.AsSpan();
            var at = 0;
            at += Encoding.UTF8.GetBytes(e.RecordType, content[at..]);
            content[at++] = Separator;
            e.RecordId.TryFormat(content[at..], out var written, "D");
            at += written;
            content[at++] = Separator;
            at += Encoding.UTF8.GetBytes(e.Action, content[at..]);
            content[at++] = Separator;
            at += Encoding.UTF8.GetBytes(e.Actor, content[at..]);
            content[at++] = Separator;
            at += Encoding.UTF8.GetBytes(e.Channel, content[at..]);
            content[at++] = Separator;
            e.At.ToUniversalTime().TryFormat(content[at..], out written, "O", CultureInfo.InvariantCulture);
            at += written;
            content[at++] = Separator;
            if (e.Version is { } version)
            {
                version.TryFormat(content[at..], out written, default, CultureInfo.InvariantCulture);
                at += written;
            }

            content[at++] = Separator;
            at += Encoding.UTF8.GetBytes(e.Changes, content[at..]);
            content[at++] = Separator;
            at += Encoding.UTF8.GetBytes(e.PreviousHash ?? string.Empty, content[at..]);
            SHA256.HashData(content[..at], destination);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
