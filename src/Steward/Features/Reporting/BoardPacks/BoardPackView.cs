using Steward.Features.Units;

namespace Steward.Features.Reporting.BoardPacks;

// A board pack as listed and polled: where its printing has got to, and its size once ready.
public sealed record BoardPackView(
    Guid Id, UnitRef Unit, string Period, string PeriodDescription, string State, int Progress, string? Step, string? Error,
    string? RequestedBy, DateTime RequestedAt, DateTime? StartedAt, DateTime? FinishedAt, int? Bytes, string? Digest)
{
    public bool Finished => State is "ready" or "failed";
}

public sealed record BoardPackRequest(string? Period);
