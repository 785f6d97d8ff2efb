namespace Steward.Infrastructure.Spreadsheets;

public enum SpreadsheetFormat
{
    Xlsx,
    Csv,
}

// One column of a register's spreadsheet: its heading, and how to read its value from a row.
public sealed record SpreadsheetColumn<T>(string Heading, Func<T, object?> Value);
