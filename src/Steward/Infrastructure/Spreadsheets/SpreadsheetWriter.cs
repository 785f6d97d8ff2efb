using System.Globalization;
using System.Text;
using CsvHelper;
using MiniExcelLibs;

namespace Steward.Infrastructure.Spreadsheets;

// Writes a register's rows as .xlsx (MiniExcel, streamed row by row) or .csv (CsvHelper, UTF-8 with a
// byte-order mark so Excel reads it as UTF-8). Every text cell passes through FormulaGuard.
public static class SpreadsheetWriter
{
    public static string ContentType(SpreadsheetFormat format) => format == SpreadsheetFormat.Xlsx
        ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        : "text/csv; charset=utf-8";

    public static string Extension(SpreadsheetFormat format) => format == SpreadsheetFormat.Xlsx ? "xlsx" : "csv";

    public static async Task WriteAsync<T>(Stream output, SpreadsheetFormat format, string sheetName, IReadOnlyList<SpreadsheetColumn<T>> columns, IEnumerable<T> rows, CancellationToken ct, IProgress<int>? progress = null)
    {
        if (format == SpreadsheetFormat.Csv)
        {
            await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true);
            // Every field quoted, so a program that splits lines on another separator still keeps each cell whole.
            await using var csv = new CsvWriter(writer, new CsvHelper.Configuration.CsvConfiguration(CultureInfo.InvariantCulture) { ShouldQuote = _ => true }, leaveOpen: true);
            foreach (var column in columns)
            {
                csv.WriteField(column.Heading);
            }

            await csv.NextRecordAsync();
            var written = 0;
            foreach (var row in rows)
            {
                progress?.Report(++written);
                foreach (var column in columns)
                {
                    csv.WriteField(CsvText(FormulaGuard.Neutralise(column.Value(row))));
                }

                await csv.NextRecordAsync();
            }

            return;
        }

        // Keys are the headings, in column order; MiniExcel writes one row per dictionary as it enumerates.
        var count = 0;
        var sheet = rows.Select(row =>
        {
            progress?.Report(++count);
            var cells = new Dictionary<string, object?>(columns.Count);
            foreach (var column in columns)
            {
                cells[column.Heading] = XlsxValue(FormulaGuard.Neutralise(column.Value(row)));
            }

            return cells;
        });
        await output.SaveAsAsync(sheet, sheetName: sheetName, excelType: ExcelType.XLSX, cancellationToken: ct);
    }

    private static string CsvText(object? value) => value switch
    {
        null => string.Empty,
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime instant => instant.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        bool flag => flag ? "Yes" : "No",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static object? XlsxValue(object? value) => value switch
    {
        DateOnly date => date.ToDateTime(TimeOnly.MinValue),
        bool flag => flag ? "Yes" : "No",
        _ => value,
    };
}
