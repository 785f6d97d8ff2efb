using Steward.Infrastructure;

namespace Steward.Features.Finance.Ledger;

// What a finance system's code means in Steward, remembered from one month's import to the next: a cost
// centre or project code names a unit; an account code names a spending category.
public enum LedgerCodeKind
{
    Unit,
    Account,
}

public sealed class LedgerMapping : IVersionedRecord
{
    public const int SourceMaxLength = 100;

    public Guid Id { get; set; }
    public LedgerCodeKind Kind { get; set; }

    // The code as the ledger writes it, trimmed and in capitals, so "cc-1001 " and "CC-1001" are one code.
    public required string Source { get; set; }
    public Guid? UnitId { get; set; }
    public SpendingCategory? Category { get; set; }

    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public static string Normalise(string code) => code.Trim().ToUpperInvariant();
}
