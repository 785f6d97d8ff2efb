namespace Steward.Infrastructure.Spreadsheets;

// One thing wrong with one cell (or row) of an import, as the person will find it in their spreadsheet.
public sealed record ImportProblem(int Row, string Column, string Message);

// A heading of the file and the field it fills (null: not imported).
public sealed record ImportColumn(string Heading, string? Field);

public enum ImportStage
{
    Checking,
    Writing,
}

// How far an import has gone: rows checked so far, then rows written (inside the one transaction).
public sealed record ImportProgress(ImportStage Stage, int Done, int Total);

// What an import found and did. Nothing is written unless every row is valid and DryRun is false.
// The preview is the first rows as they will be imported, under PreviewHeadings. Problems lists the first
// of them (as many as the import limits say); ProblemCount counts them all.
public sealed record ImportReport(
    string Register, string? Sheet, int HeadingRow, string? Encoding, IReadOnlyList<ImportColumn> Columns, int RowsRead,
    int ProblemCount, IReadOnlyList<ImportProblem> Problems, IReadOnlyList<string> PreviewHeadings, IReadOnlyList<IReadOnlyList<string?>> Preview, int Imported, bool DryRun)
{
    public const int PreviewRows = 10;
}
