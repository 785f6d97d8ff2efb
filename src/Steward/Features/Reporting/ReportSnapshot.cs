namespace Steward.Features.Reporting;

// Everything a submitted report quotes, frozen as it was at submission: the figures and lists it was
// pre-filled from, and its words and ratings. Kept as Brotli-compressed JSON (a few hundred bytes to
// 2 KB) with the SHA-256 of the JSON; the history records the digest, so the hash chain covers the
// content and `steward audit verify` checks every snapshot still hashes to it. Never changed.
public sealed class ReportSnapshot
{
    public Guid Id { get; set; }
    public Guid ReportId { get; set; }
    public DateTime TakenAt { get; set; }

    public byte[] Content { get; set; } = [];

    // Lower-case hex SHA-256 of the uncompressed JSON.
    public required string Digest { get; set; }
}
