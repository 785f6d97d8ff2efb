using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Steward.Features.History;

namespace Steward.Tests.History;

// The hash is written once and checked for ever after: it must stay the documented preimage, byte for byte,
// whatever is done to make it faster.
public sealed class HistoryHashTests
{
    public static TheoryData<string, string, int?, string?> Events => new()
    {
        { "Risk", "[{\"field\":\"Title\",\"from\":null,\"to\":\"Supplier insolvency\"}]", 1, null },
        { "DeliveryUnit", "[]", null, new string('a', 64) },
        { "Decision", "[{\"field\":\"Title\",\"to\":\"Émigré café – naïve ✓ 𝄞\"}]", 12, new string('f', 64) },
        { "BoardMember", string.Empty, null, null },
    };

    [Theory]
    [MemberData(nameof(Events))]
    public void TheHash_IsTheDocumentedPreimagesSha256(string type, string changes, int? version, string? previous)
    {
        var e = new HistoryEvent
        {
            RecordType = type, RecordId = Guid.Parse("0b7c1d9e-2f3a-4b5c-8d6e-7f8091a2b3c4"), Action = "updated", Actor = "Zoë O'Neill (web)",
            Channel = "web", At = new DateTime(2026, 12, 4, 19, 30, 1, 123, DateTimeKind.Utc).AddTicks(4560), Version = version, Changes = changes,
            PreviousHash = previous, Hash = string.Empty,
        };
        var preimage = string.Join('\u001f', e.RecordType, e.RecordId.ToString("D"), e.Action, e.Actor, e.Channel,
            e.At.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture), e.Version?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
            e.Changes, e.PreviousHash ?? string.Empty);
        var expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(preimage)));

        Assert.Equal(expected, HistoryHash.Compute(e));
        e.Hash = expected;
        Assert.True(HistoryHash.Matches(e));
        e.Hash = expected.ToUpperInvariant();
        Assert.False(HistoryHash.Matches(e)); // stored hashes are lower-case: another spelling is an alteration
        e.Hash = expected;
        e.Actor += ".";
        Assert.False(HistoryHash.Matches(e));
    }
}
