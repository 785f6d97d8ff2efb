namespace Steward.Features.History;

// An event as the API and pages show it, with its changes unpacked.
public sealed record HistoryEntry(
    long Id,
    string RecordType,
    Guid RecordId,
    string Action,
    string Actor,
    string Channel,
    DateTime At,
    int? Version,
    IReadOnlyList<HistoryChange> Changes);
