using Steward.Infrastructure.Spreadsheets;

namespace Steward.Features.Gmpp;

// A return as the published file: its headings, one row per unit; .csv in UTF-8 with a BOM, as departments publish it.
public static class GmppReturnFile
{
    public static Task WriteAsync(Stream output, SpreadsheetFormat format, GmppReturn built, CancellationToken ct)
    {
        var columns = built.Headings.Select((heading, i) => new SpreadsheetColumn<GmppReturnRow>(heading, row => row.Cells[i])).ToList();
        return SpreadsheetWriter.WriteAsync(output, format, "GMPP", columns, built.Rows, ct);
    }

    public static string Name(GmppReturn built, SpreadsheetFormat format) =>
        $"{built.Scope.Code}-gmpp-{built.AsAt:yyyy-MM-dd}.{SpreadsheetWriter.Extension(format)}";
}
