using System.Globalization;

namespace Steward.Features.Reporting.BoardPacks;

// How a pack's state and size read on its pages.
public static class BoardPackText
{
    public static string State(BoardPackView pack) => pack.State switch
    {
        "queued" => "Waiting to be printed",
        "printing" => $"Printing: {pack.Progress}% ({pack.Step})",
        "ready" => "Ready",
        _ => $"Failed: {pack.Error}",
    };

    public static string Size(int? bytes) => bytes is { } b
        ? b >= 1_000_000 ? (b / 1_000_000m).ToString("0.0 MB", CultureInfo.InvariantCulture) : $"{Math.Max(1, b / 1000)} KB"
        : "–";
}
