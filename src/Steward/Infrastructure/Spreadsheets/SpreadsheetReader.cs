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

// The file could not be read as a spreadsheet at all; the message says why in the person's terms.
public sealed class UnreadableSpreadsheetException(string message) : Exception(message);

// Reads .xlsx (MiniExcel) and .csv (CsvHelper). Real workbooks put a title above the headings and keep
// their tables lower down, so the heading row is the first of the top 20 rows in which at least two
// cells are headings the caller recognises. CSV files that are not UTF-8 are read as Windows-1252, the
// encoding Excel on Windows saves them in, and the table says so.
public static class SpreadsheetReader
{
    private const int RowsSearchedForHeadings = 20;

    static SpreadsheetReader() => System.Text.Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static SheetTable Read(Stream input, Func<string, bool> isKnownHeading, IReadOnlyList<string> preferredSheets)
    {
        using var buffer = new MemoryStream();
        input.CopyTo(buffer);
        var bytes = buffer.ToArray();
        if (bytes.Length == 0)
        {
            throw new UnreadableSpreadsheetException("The file is empty.");
        }

        if (bytes.AsSpan().StartsWith("PK\u0003\u0004"u8))
        {
            return ReadWorkbook(bytes, isKnownHeading, preferredSheets);
        }

        if (bytes.AsSpan().StartsWith(new byte[] { 0xD0, 0xCF, 0x11, 0xE0 }))
        {
            throw new UnreadableSpreadsheetException("This is an Excel 97-2003 (.xls) workbook. Save it as .xlsx or .csv and try again.");
        }

        if (bytes.AsSpan(0, Math.Min(bytes.Length, 8192)).Contains((byte)0))
        {
            throw new UnreadableSpreadsheetException("The file is not a spreadsheet: send an .xlsx workbook or a .csv file.");
        }

        return ReadCsv(bytes, isKnownHeading);
    }

    private static SheetTable ReadWorkbook(byte[] bytes, Func<string, bool> isKnownHeading, IReadOnlyList<string> preferredSheets)
    {
        try
        {
            using var stream = new MemoryStream(bytes);
            var sheets = stream.GetSheetNames();
            var ordered = sheets.OrderBy(s => preferredSheets.Any(p => string.Equals(p, s, StringComparison.OrdinalIgnoreCase)) ? 0 : 1).ToList();
            foreach (var sheet in ordered)
            {
                stream.Position = 0;
                var rows = stream.Query(useHeaderRow: false, sheetName: sheet).Cast<IDictionary<string, object?>>();
                if (FindTable(rows.Select((row, index) => new SheetRow(index + 1, [.. row.Values.Select(Text)])), isKnownHeading) is { } table)
                {
                    return table with { SheetName = sheet };
                }
            }
        }
        catch (Exception e) when (e is InvalidDataException or InvalidOperationException or FormatException or System.Xml.XmlException or NotSupportedException or IndexOutOfRangeException)
        {
            throw new UnreadableSpreadsheetException("The workbook could not be read; it may be damaged or not really an .xlsx file.");
        }

        throw new UnreadableSpreadsheetException("No sheet in the workbook has a row of headings Steward recognises in its first 20 rows.");
    }

    private static SheetTable ReadCsv(byte[] bytes, Func<string, bool> isKnownHeading)
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
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture) { HasHeaderRecord = false, DetectDelimiter = true, BadDataFound = null, MissingFieldFound = null };
        using var reader = new CsvReader(new StringReader(text), configuration);
        IEnumerable<SheetRow> Rows()
        {
            var number = 0;
            while (reader.Read())
            {
                number++;
                yield return new SheetRow(number, [.. Enumerable.Range(0, reader.Parser.Count).Select(i => reader.GetField(i))]);
            }
        }

        return (FindTable(Rows(), isKnownHeading) ?? throw new UnreadableSpreadsheetException("The file has no row of headings Steward recognises in its first 20 rows."))
            with { Encoding = encoding };
    }

    private static SheetTable? FindTable(IEnumerable<SheetRow> rows, Func<string, bool> isKnownHeading)
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
