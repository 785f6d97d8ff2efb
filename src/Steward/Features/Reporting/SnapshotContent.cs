using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Steward.Features.Reporting;

// What a snapshot holds: the facts the report was pre-filled from, its ratings, and a digest of the words
// its author typed (the words themselves stay on the report, which cannot change once submitted; the
// digest proves they have not).
public sealed record SnapshotDocument(ReportFacts Facts, SnapshotRatings Ratings, string WordsDigest);

public sealed record SnapshotRatings(string? Dca, string Scale, IReadOnlyList<DimensionRating> Dimensions);

public sealed record DimensionRating(string Dimension, string? Rating, string? Justification);

public static class SnapshotContent
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    public static (byte[] Content, string Digest) Pack(SnapshotDocument document)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(document, Json);
        using var packed = new MemoryStream();
        // Quality 8: within 15% of Brotli's smallest (11) for a report's few KB of JSON, at a sixtieth of the time
        // (0.1 ms against 5 ms), which matters when a department's year of reports is written at once.
        using (var brotli = new BrotliStream(packed, new BrotliCompressionOptions { Quality = 8 }, leaveOpen: true))
        {
            brotli.Write(json);
        }

        return (packed.ToArray(), Hex(json));
    }

    public static SnapshotDocument Unpack(byte[] content) => JsonSerializer.Deserialize<SnapshotDocument>(Inflate(content), Json)!;

    // The digest of what a stored snapshot holds now, to compare with the one its history recorded.
    public static string DigestOf(byte[] content) => Hex(Inflate(content));

    private static byte[] Inflate(byte[] content)
    {
        using var brotli = new BrotliStream(new MemoryStream(content), CompressionMode.Decompress);
        using var json = new MemoryStream();
        brotli.CopyTo(json);
        return json.ToArray();
    }

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    // The author's words as submitted, hashed in a fixed order.
    public static string WordsDigest(StatusReport report) => Hex(JsonSerializer.SerializeToUtf8Bytes(
        new[] { report.Summary, report.Achievements, report.NextPeriod, report.DecisionsNeeded, report.FiguresNote, report.CorrectionReason }, Json));

    public static SnapshotRatings RatingsOf(StatusReport report) => new(
        report.Dca is { } d ? Infrastructure.EnumText.Of(d) : null, Infrastructure.EnumText.Of(report.DcaScale),
        Enum.GetValues<ReportDimension>().Select(dimension => new DimensionRating(
            Infrastructure.EnumText.Of(dimension), report.Rating(dimension) is { } r ? Infrastructure.EnumText.Of(r) : null, report.Justification(dimension))).ToList());
}
