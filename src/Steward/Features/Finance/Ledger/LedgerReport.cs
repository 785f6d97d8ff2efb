namespace Steward.Features.Finance.Ledger;

// One thing wrong with one row of a ledger file (or with the file: row 0), as the person will find it.
public sealed record LedgerProblem(int Row, string Column, string Message);

// One unit's actuals for one month, before and after the import (all categories together).
public sealed record LedgerMonthChange(string Unit, string Year, int Period, Money Before, Money After);

// What a ledger import found and did. Nothing is written unless every row is good and DryRun is false.
// Unmapped lists the codes and accounts no mapping or unit explains, for the mapping step.
public sealed record LedgerReport(
    string? Sheet, int HeadingRow, string? Encoding, IReadOnlyDictionary<string, string> Columns, int RowsRead,
    int ProblemCount, IReadOnlyList<LedgerProblem> Problems, IReadOnlyList<string> UnmappedCodes, IReadOnlyList<string> UnmappedAccounts,
    IReadOnlyList<LedgerMonthChange> Changes, int MonthsReplaced, bool DryRun);
