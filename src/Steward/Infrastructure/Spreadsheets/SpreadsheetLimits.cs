namespace Steward.Infrastructure.Spreadsheets;

// Bounds on what SpreadsheetReader takes from one file: data rows, columns, characters in a cell, and
// for a workbook the bytes its sheets and shared strings expand to.
public sealed record SpreadsheetLimits(int MaxRows, int MaxColumns, int MaxCellCharacters, long MaxExpandedBytes)
{
    public static readonly SpreadsheetLimits Default = new ImportLimits().Spreadsheets;
}
