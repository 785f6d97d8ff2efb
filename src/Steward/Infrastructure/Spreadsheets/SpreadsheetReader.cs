using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using MiniExcelLibs;

namespace Steward.Infrastructure.Spreadsheets;

// A table read from a workbook or CSV file: the heading row found in it, and the rows below, numbered as
// the person sees them in their spreadsheet program, every cell as text.
public sealed record SheetTable(string? SheetName, int HeadingRow, IReadOnlyList<string> Headings, IReadOnlyList<SheetRow> Rows, string? Encoding);

public sealed record SheetRow(int Number, IReadOnlyList<string?> Cells);

// Every row of a file, for layouts that are not one table under a heading row.
public sealed record SheetGrid(IReadOnlyList<SheetRow> Rows, string? Encoding);

// The file could not be read as a spreadsheet at all; the message says why in the person's terms.
public sealed class UnreadableSpreadsheetException(string message) : Exception(message);

// Reads .xlsx (MiniExcel) and .csv (CsvHelper). Real workbooks put a title above the headings and keep
// their tables lower down, so the heading row is the first of the top 20 rows in which at least two
// cells are headings the caller recognises. CSV files that are not UTF-8 are read as Windows-1252, the
// encoding Excel on Windows saves them in, and the table says so.
public static class SpreadsheetReader
{
    private const int RowsSearchedForHeadings = 20;
    private static readonly string[] Delimiters = [",", ";", "\t", "|"];

    static SpreadsheetReader() => System.Text.Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static SheetTable Read(Stream input, Func<string, bool> isKnownHeading, IReadOnlyList<string> preferredSheets, SpreadsheetLimits? limits = null)
    {
        limits ??= SpreadsheetLimits.Default;
        var bytes = BytesOf(input);
        if (bytes.AsSpan().StartsWith("PK\u0003\u0004"u8))
        {
            return ReadWorkbook(bytes, isKnownHeading, preferredSheets, limits);
        }

        var (rows, encoding) = CsvRows(bytes, limits);
        return (FindTable(rows, isKnownHeading, limits) ?? throw new UnreadableSpreadsheetException("The file has no row of headings Steward recognises in its first 20 rows."))
            with { Encoding = encoding };
    }

    // Every row of a file whose layout is not one table under one heading row (a transposed file, one
    // column per record): the CSV file, or a workbook's first sheet, up to the row limit (plus a preamble).
    public static SheetGrid ReadGrid(Stream input, SpreadsheetLimits? limits = null)
    {
        limits ??= SpreadsheetLimits.Default;
        var bytes = BytesOf(input);
        IEnumerable<SheetRow> rows;
        string? encoding = null;
        if (bytes.AsSpan().StartsWith("PK\u0003\u0004"u8))
        {
            rows = WorkbookRows(bytes, limits);
        }
        else
        {
            (rows, encoding) = CsvRows(bytes, limits);
        }

        var grid = new List<SheetRow>();
        foreach (var row in rows)
        {
            if (grid.Count == limits.MaxRows + RowsSearchedForHeadings)
            {
                throw new UnreadableSpreadsheetException($"The file has more than {limits.MaxRows:N0} rows; Steward imports at most {limits.MaxRows:N0} at a time. Split the file.");
            }

            grid.Add(row);
        }

        return new SheetGrid(grid, encoding);
    }

    private static byte[] BytesOf(Stream input)
    {
        // Sized to the file where its length is known, so a large upload is held once, not copied again.
        using var buffer = new MemoryStream(input.CanSeek ? (int)Math.Min(input.Length - input.Position, Array.MaxLength) : 0);
        input.CopyTo(buffer);
        var bytes = buffer.Length == buffer.Capacity ? buffer.GetBuffer() : buffer.ToArray();
        if (bytes.Length == 0)
        {
            throw new UnreadableSpreadsheetException("The file is empty.");
        }

        if (bytes.AsSpan().StartsWith(new byte[] { 0xD0, 0xCF, 0x11, 0xE0 }))
        {
            throw new UnreadableSpreadsheetException("This is an Excel 97-2003 (.xls) workbook. Save it as .xlsx or .csv and try again.");
        }

        if (!bytes.AsSpan().StartsWith("PK\u0003\u0004"u8) && bytes.AsSpan(0, Math.Min(bytes.Length, 8192)).Contains((byte)0))
        {
            throw new UnreadableSpreadsheetException("The file is not a spreadsheet: send an .xlsx workbook or a .csv file.");
        }

        return bytes;
    }

    private static List<SheetRow> WorkbookRows(byte[] bytes, SpreadsheetLimits limits)
    {
        try
        {
            using var stream = new MemoryStream(bytes);
            WorkbookBounds.Check(stream, limits, RowsSearchedForHeadings);
            stream.Position = 0;
            var rows = stream.Query(useHeaderRow: false, sheetName: stream.GetSheetNames().First()).Cast<IDictionary<string, object?>>();
            return [.. rows.Select((row, index) => new SheetRow(index + 1, Trimmed(row.Values.Select(Text))))];
        }
        catch (Exception e) when (e is not (UnreadableSpreadsheetException or OperationCanceledException))
        {
            throw new UnreadableSpreadsheetException("The workbook could not be read; it may be damaged or not really an .xlsx file.");
        }
    }

    private static SheetTable ReadWorkbook(byte[] bytes, Func<string, bool> isKnownHeading, IReadOnlyList<string> preferredSheets, SpreadsheetLimits limits)
    {
        try
        {
            using var stream = new MemoryStream(bytes);
            WorkbookBounds.Check(stream, limits, RowsSearchedForHeadings);
            stream.Position = 0;
            var sheets = stream.GetSheetNames();
            var ordered = sheets.OrderBy(s => preferredSheets.Any(p => string.Equals(p, s, StringComparison.OrdinalIgnoreCase)) ? 0 : 1).ToList();
            foreach (var sheet in ordered)
            {
                stream.Position = 0;
                var rows = stream.Query(useHeaderRow: false, sheetName: sheet).Cast<IDictionary<string, object?>>();
                if (FindTable(rows.Select((row, index) => new SheetRow(index + 1, Trimmed(row.Values.Select(Text)))), isKnownHeading, limits) is { } table)
                {
                    return table with { SheetName = sheet };
                }
            }
        }
        catch (Exception e) when (e is not (UnreadableSpreadsheetException or OperationCanceledException))
        {
            // Whatever a damaged or hostile workbook makes the reader throw, the person is told it could not be read.
            throw new UnreadableSpreadsheetException("The workbook could not be read; it may be damaged or not really an .xlsx file.");
        }

        throw new UnreadableSpreadsheetException("No sheet in the workbook has a row of headings Steward recognises in its first 20 rows.");
    }

    private static (IEnumerable<SheetRow> Rows, string? Encoding) CsvRows(byte[] bytes, SpreadsheetLimits limits)
    {
        string text;
        string? encoding = null;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            text = System.Text.Encoding.GetEncoding(1252).GetString(bytes);
            encoding = "Windows-1252";
        }

        text = text.TrimStart('\uFEFF');
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            HasHeaderRecord = false, BadDataFound = null, MissingFieldFound = null, MaxFieldSize = limits.MaxCellCharacters,
            // A cell that repeats (a code, a period, a status) is one string however many rows hold it: a
            // million-row ledger names a few thousand codes.
            CacheFields = true,
        };
        if (DelimiterOfFirstLine(text) is { } delimiter)
        {
            configuration.Delimiter = delimiter;
        }
        else
        {
            configuration.DetectDelimiter = true;
        }

        IEnumerable<SheetRow> Rows()
        {
            using var reader = new CsvReader(new StringReader(text), configuration);
            var number = 0;
            while (Next(reader, number + 1, limits))
            {
                number++;
                if (reader.Parser.Count > limits.MaxColumns)
                {
                    throw new UnreadableSpreadsheetException($"Row {number:N0} has {reader.Parser.Count:N0} columns; Steward reads at most {limits.MaxColumns:N0}.");
                }

                yield return new SheetRow(number, Trimmed(Enumerable.Range(0, reader.Parser.Count).Select(i => reader.GetField(i))));
            }
        }

        return (Rows(), encoding);
    }

    // The separator the first line uses most (headings, or a preamble): CsvHelper's own detection weighs
    // the whole text, and prose full of commas in a ';'-separated file (GMPP 2021) misleads it.
    private static string? DelimiterOfFirstLine(string text)
    {
        var end = text.IndexOf('\n', StringComparison.Ordinal);
        var first = end < 0 ? text : text[..end];
        var counts = Delimiters.Select(d => (Delimiter: d, Count: first.Count(c => c == d[0]))).OrderByDescending(c => c.Count).ToList();
        return counts[0].Count > 0 && counts[0].Count > counts[1].Count ? counts[0].Delimiter : null;
    }

    private static bool Next(CsvReader reader, int row, SpreadsheetLimits limits)
    {
        try
        {
            return reader.Read();
        }
        catch (MaxFieldSizeException)
        {
            throw new UnreadableSpreadsheetException($"A cell on row {row:N0} holds more than {limits.MaxCellCharacters:N0} characters, more than Steward (or Excel) accepts in one cell.");
        }
    }

    // Empty cells after the last one with text are dropped, so a row costs what it holds, not the sheet's width.
    private static List<string?> Trimmed(IEnumerable<string?> cells)
    {
        var list = cells.ToList();
        var last = list.FindLastIndex(c => c is not null && c.Length > 0);
        list.RemoveRange(last + 1, list.Count - last - 1);
        return list;
    }

    private static SheetTable? FindTable(IEnumerable<SheetRow> rows, Func<string, bool> isKnownHeading, SpreadsheetLimits limits)
    {
        IReadOnlyList<string>? headings = null;
        var headingRow = 0;
        var body = new List<SheetRow>();
        foreach (var row in rows)
        {
            if (headings is null)
            {
                if (row.Number > RowsSearchedForHeadings)
                {
                    return null;
                }

                if (row.Cells.Count(c => c is not null && isKnownHeading(c)) >= 2)
                {
                    headings = [.. row.Cells.Select(c => c?.Trim() ?? string.Empty)];
                    headingRow = row.Number;
                }

                continue;
            }

            if (row.Cells.Count == 0)
            {
                continue;
            }

            if (body.Count == limits.MaxRows)
            {
                throw new UnreadableSpreadsheetException($"The file has more than {limits.MaxRows:N0} rows under its headings; Steward imports at most {limits.MaxRows:N0} at a time. Split the file.");
            }

            body.Add(row);
        }

        return headings is null ? null : new SheetTable(null, headingRow, headings, body, null);
    }

    private static string? Text(object? value) => value switch
    {
        null => null,
        string s => string.IsNullOrWhiteSpace(s) ? null : s.Trim(),
        DateTime d => d.TimeOfDay == TimeSpan.Zero ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : d.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
        double n => n.ToString(CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
