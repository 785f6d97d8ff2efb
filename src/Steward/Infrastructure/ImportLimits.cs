using Steward.Infrastructure.Spreadsheets;
using Steward.Scheduling.Mspdi;

namespace Steward.Infrastructure;

// How much an uploaded register or plan may hold (configuration section "Imports", environment
// STEWARD_IMPORTS__MAXROWS and so on). The defaults are far above any real register or plan and far below
// what would cost the server seconds of a core or gigabytes of memory; a file over them is refused while
// it is read, saying which limit it passed.
public sealed class ImportLimits
{
    public const string Section = "Imports";

    public int MaxRows { get; set; } = 100_000;

    // A month's ledger across a department is longer than any register: a million postings and more.
    public int MaxLedgerRows { get; set; } = 2_000_000;

    public int MaxColumns { get; set; } = 256;

    // Excel's own limit for one cell.
    public int MaxCellCharacters { get; set; } = 32_767;

    // What the parts of a workbook that Steward reads may expand to once decompressed.
    public long MaxWorkbookExpandedBytes { get; set; } = 512L * 1024 * 1024;

    // Problems listed in an import's report; the report still counts all of them.
    public int MaxProblemsListed { get; set; } = 1_000;

    public int MaxPlanTasks { get; set; } = MspdiLimits.Default.MaxTasks;

    public int MaxCalendarExceptionDays { get; set; } = MspdiLimits.Default.MaxCalendarExceptionDays;

    public SpreadsheetLimits Spreadsheets => new(MaxRows, MaxColumns, MaxCellCharacters, MaxWorkbookExpandedBytes);

    public SpreadsheetLimits Ledgers => new(MaxLedgerRows, MaxColumns, MaxCellCharacters, MaxWorkbookExpandedBytes);

    public MspdiLimits Plans => new() { MaxTasks = MaxPlanTasks, MaxCalendarExceptionDays = MaxCalendarExceptionDays };
}
