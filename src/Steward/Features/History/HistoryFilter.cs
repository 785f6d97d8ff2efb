namespace Steward.Features.History;

public sealed record HistoryFilter(
    Guid? RecordId = null,
    string? RecordType = null,
    string? Channel = null,
    string? Actor = null,
    DateOnly? From = null,
    DateOnly? To = null,
    int Limit = 50,
    long? Before = null);
