namespace Steward.Infrastructure.Spreadsheets;

// A register handed over as a file: DPP-PRG-001-risks-2026-11-26.xlsx.
public static class SpreadsheetDownload
{
    public static async Task<IResult> FileAsync<T>(
        string unitCode, string register, string sheetName, SpreadsheetFormat format, IReadOnlyList<SpreadsheetColumn<T>> columns, IEnumerable<T> rows, TimeProvider clock, CancellationToken ct)
    {
        var file = new MemoryStream();
        await SpreadsheetWriter.WriteAsync(file, format, sheetName, columns, rows, ct);
        file.Position = 0;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return Results.File(file, SpreadsheetWriter.ContentType(format), $"{unitCode}-{register}-{today:yyyy-MM-dd}.{SpreadsheetWriter.Extension(format)}");
    }
}
