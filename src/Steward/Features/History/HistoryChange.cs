namespace Steward.Features.History;

// One field of one event: what it was and what it became, as text.
public sealed record HistoryChange(string Field, string? From, string? To);
