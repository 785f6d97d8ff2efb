namespace Steward.Features.History.Digests;

// A digest as Steward keeps its own copy, beside the copies written outside the database. The database's
// copy is only a convenience (the chain of digests, the next digest's starting point): verification trusts
// the copies kept outside, and checks this one against them.
public sealed class StoredDigest
{
    public long Sequence { get; set; }
    public Guid Instance { get; set; }
    public DateTime TakenAt { get; set; }
    public long LastEventId { get; set; }
    public long Events { get; set; }
    public long Records { get; set; }
    public required string Root { get; set; }
    public string? Previous { get; set; }
    public required string KeyId { get; set; }
    public required string Document { get; set; }
}

// Each record's chain head at a digest, written only for the records whose head moved since the digest
// before: the heads at digest N are, per record, the newest row at or below N. They let verification name
// the record whose history differs from a digest, and `steward audit prove` build an inclusion proof;
// they are trusted only when they reproduce the signed root.
public sealed class StoredChainHead
{
    public long DigestSequence { get; set; }
    public Guid RecordId { get; set; }
    public required string RecordType { get; set; }
    public long EventId { get; set; }
    public int? Version { get; set; }
    public required string Hash { get; set; }

    public ChainHead ToHead() => new(RecordType, RecordId, EventId, Version, Hash);
}
