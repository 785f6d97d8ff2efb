namespace Steward.Infrastructure.Spreadsheets;

// Spreadsheet formula injection: a cell beginning with = + - @ (or a tab or carriage return) is read as a
// formula by Excel and its cousins, and can run commands or leak data when a colleague opens the file.
// Text that starts that way is written with a leading apostrophe, which spreadsheets show as plain text.
public static class FormulaGuard
{
    private const string Triggers = "=+-@\t\r";

    public static object? Neutralise(object? value) =>
        value is string text && text.Length > 0 && Triggers.Contains(text[0], StringComparison.Ordinal) ? "'" + text : value;

    public static bool IsDangerous(string? text) => text is { Length: > 0 } && Triggers.Contains(text[0], StringComparison.Ordinal);
}
