using Steward.Infrastructure.Spreadsheets;

namespace Steward.Features.Gmpp;

public enum GmppLayout
{
    // 2013 to 2020: one column per project, field names down the first column.
    Transposed,

    // From 2021: one row per project under a row of headings.
    Rows,
}

// One project of a file: where it is (a column or a row, as the person finds it) and its cells by field.
public sealed record GmppFileProject(string Where, IReadOnlyDictionary<GmppField, string> Cells);

public sealed record GmppFile(GmppLayout Layout, string? Encoding, string? FinancialYear, int? Year, IReadOnlyList<GmppFileProject> Projects, IReadOnlyList<string> Unrecognised);

// Finds the layout of a published GMPP file and reads each project's cells by field; what the cells mean
// is GmppValues'. A file in which neither layout is found is not a GMPP file.
public static class GmppFileReader
{
    private const int RowsSearched = 20;
    private const int FieldsNeeded = 4;

    public static GmppFile Read(Stream input, SpreadsheetLimits limits)
    {
        var grid = SpreadsheetReader.ReadGrid(input, limits);
        return ReadTransposed(grid) ?? ReadRows(grid)
            ?? throw new UnreadableSpreadsheetException("This is not a GMPP file: no row of GMPP headings (Project Name, Department, Delivery Confidence Assessment...) was found in its first 20 rows, nor a first column of them.");
    }

    private static GmppFile? ReadTransposed(SheetGrid grid)
    {
        var fields = new List<(SheetRow Row, GmppField Field)>();
        var unrecognised = new List<string>();
        foreach (var row in grid.Rows)
        {
            var heading = row.Cells.Count > 0 ? row.Cells[0] : null;
            if (GmppHeadings.FieldOf(heading) is { } field)
            {
                fields.Add((row, field));
            }
            else if (!string.IsNullOrWhiteSpace(heading) && fields.Count > 0)
            {
                unrecognised.Add(GmppValues.Tidy(heading));
            }
            else if (fields.Count == 0 && row.Number > RowsSearched)
            {
                return null;
            }
        }

        if (fields.Count < FieldsNeeded || !fields.Any(f => f.Field == GmppField.Name) || fields.Any(f => f.Field == GmppField.Year))
        {
            return null;
        }

        var width = fields.Max(f => f.Row.Cells.Count);
        var projects = new List<GmppFileProject>();
        for (var column = 1; column < width; column++)
        {
            var cells = new Dictionary<GmppField, string>();
            foreach (var (row, field) in fields)
            {
                if (column < row.Cells.Count && !string.IsNullOrWhiteSpace(row.Cells[column]))
                {
                    cells.TryAdd(field, Unguarded(row.Cells[column]!));
                }
            }

            if (IsProject(cells))
            {
                projects.Add(new GmppFileProject($"column {ColumnLetters(column)}", cells));
            }
        }

        var year = fields.Select(f => GmppHeadings.FinancialYearOf(f.Row.Cells[0]!)).FirstOrDefault(y => y is not null);
        return new GmppFile(GmppLayout.Transposed, grid.Encoding, year, null, projects, unrecognised);
    }

    private static GmppFile? ReadRows(SheetGrid grid)
    {
        var headingRow = grid.Rows.Take(RowsSearched).FirstOrDefault(r =>
            r.Cells.Count(c => GmppHeadings.FieldOf(c) is not null) >= FieldsNeeded && r.Cells.Any(c => GmppHeadings.FieldOf(c) == GmppField.Name));
        if (headingRow is null)
        {
            return null;
        }

        var columns = headingRow.Cells.Select(GmppHeadings.FieldOf).ToList();
        var unrecognised = headingRow.Cells.Where((c, i) => columns[i] is null && !string.IsNullOrWhiteSpace(c)).Select(c => GmppValues.Tidy(c!)).ToList();
        var projects = new List<GmppFileProject>();
        int? year = null;
        foreach (var row in grid.Rows.Where(r => r.Number > headingRow.Number))
        {
            var cells = new Dictionary<GmppField, string>();
            for (var i = 0; i < Math.Min(row.Cells.Count, columns.Count); i++)
            {
                if (columns[i] is { } field && !string.IsNullOrWhiteSpace(row.Cells[i]))
                {
                    cells.TryAdd(field, Unguarded(row.Cells[i]!));
                }
            }

            if (cells.Remove(GmppField.Year, out var published) && int.TryParse(published.Trim(), out var y))
            {
                year ??= y;
            }

            if (IsProject(cells))
            {
                projects.Add(new GmppFileProject($"row {row.Number}", cells));
            }
        }

        var financialYear = headingRow.Cells.Select(c => c is null ? null : GmppHeadings.FinancialYearOf(c)).FirstOrDefault(y => y is not null);
        return new GmppFile(GmppLayout.Rows, grid.Encoding, financialYear, year, projects, unrecognised);
    }

    // A lone cell with no project name beside it is a note under the table (a source, a footnote), not a project.
    private static bool IsProject(Dictionary<GmppField, string> cells) => cells.Count > 1 || cells.ContainsKey(GmppField.Name);

    // Steward's own files (and others made safe for spreadsheets) put an apostrophe before text that would
    // start a formula; read back, the apostrophe is not part of the value.
    private static string Unguarded(string cell) =>
        cell.Length > 1 && cell[0] == '\'' && FormulaGuard.IsDangerous(cell[1..]) ? cell[1..] : cell;

    public static string ColumnLetters(int index)
    {
        var letters = string.Empty;
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            letters = (char)('A' + ((n - 1) % 26)) + letters;
        }

        return letters;
    }
}
