namespace Steward.Features.History;

// Content kept outside the history whose digest the history records (a report snapshot): `steward audit
// verify` asks each module's checker, once the hash chain itself is intact, whether any has been altered.
public interface IAuditedContent
{
    // What is checked, in words ("report snapshots").
    string What { get; }

    // The first altered item, in words, or null when all are as recorded.
    Task<string?> FirstAlteredAsync(CancellationToken ct);
}
