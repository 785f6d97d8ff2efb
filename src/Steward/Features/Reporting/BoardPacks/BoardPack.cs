using Steward.Features.Units;

namespace Steward.Features.Reporting.BoardPacks;

// One board pack asked for: a unit's PDF for one reporting period, printed in the background and kept
// for download. Progress is written as the printing goes (outside the history: it says nothing about
// the portfolio); the request and the finished pack, with the SHA-256 of its PDF, are in the history.
public sealed class BoardPack
{
    public Guid Id { get; set; }
    public Guid UnitId { get; set; }
    public DeliveryUnit? Unit { get; set; }

    public required string Period { get; set; }
    public BoardPackState State { get; set; }

    // 0 to 100, and what the printer is doing now ("Gathering the reports of 20 units").
    public int Progress { get; set; }
    public string? Step { get; set; }
    public string? Error { get; set; }

    public string? RequestedBy { get; set; }
    public Guid? RequestedByUserId { get; set; }
    public DateTime RequestedAt { get; set; }
    public DateTime? StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }

    public byte[]? Pdf { get; set; }
    public int? Bytes { get; set; }
    public string? Digest { get; set; }
}

public enum BoardPackState
{
    Queued,
    Printing,
    Ready,
    Failed,
}
