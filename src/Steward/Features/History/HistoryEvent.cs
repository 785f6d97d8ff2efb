namespace Steward.Features.History;

// One change to one record, never updated or deleted. Each event's hash covers its content and the
// hash of the record's previous event, so editing or removing an event breaks the chain.
public sealed class HistoryEvent
{
    public long Id { get; set; }
    public required string RecordType { get; set; }
    public Guid RecordId { get; set; }
    public required string Action { get; set; }
    public required string Actor { get; set; }
    public required string Channel { get; set; }
    public DateTime At { get; set; }
    public int? Version { get; set; }
    public required string Changes { get; set; }
    public string? PreviousHash { get; set; }
    public required string Hash { get; set; }
}
