namespace Steward.Infrastructure.Spreadsheets;

// Spreadsheet formula injection: a cell beginning with = + - @ (or a tab or carriage return, or the
// full-width ＝ ＋ － ＠ that some spreadsheets also take) is read as a formula by Excel and its cousins, and
// can run commands or leak data when a colleague opens the file. So can text after a separator, where a
// program that splits the line on ';' or ',' itself (Excel in much of Europe) starts a new cell:
// "Supplier delay;=WEBSERVICE(...)". Such text is written with a leading apostrophe, which spreadsheets
// show as plain text, and Steward's import takes off again.
public static class FormulaGuard
{
    private const string Triggers = "=+-@\t\r\uFF1D\uFF0B\uFF0D\uFF20";
    private const string Separators = ",;\t|";

    public static object? Neutralise(object? value) => value is string text && IsDangerous(text) ? "'" + text : value;

    public static bool IsDangerous(string? text)
    {
        if (text is not { Length: > 0 })
        {
            return false;
        }

        if (Triggers.Contains(text[0], StringComparison.Ordinal))
        {
            return true;
        }

        for (var i = 0; i < text.Length - 1; i++)
        {
            if (Separators.Contains(text[i], StringComparison.Ordinal))
            {
                var next = i + 1;
                while (next < text.Length && text[next] == ' ')
                {
                    next++;
                }

                if (next < text.Length && Triggers.Contains(text[next], StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
