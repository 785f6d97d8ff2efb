using System.Text;
using Steward.Infrastructure.Spreadsheets;

namespace Steward.Tests.HostileImports;

// Each limit of SpreadsheetReader against a file built to pass it, and the same file inside it.
public sealed class SpreadsheetLimitsTests
{
    private static readonly SpreadsheetLimits Limits = SpreadsheetLimits.Default;

    [Fact]
    public void AWorkbookExpandingToTwoMillionRows_IsRefused_SayingHowManyItTakes()
    {
        var file = HostileFiles.WorkbookOfRows(2_000_000);
        Assert.True(file.Length < 2 * 1024 * 1024, $"the hostile file is {file.Length:N0} bytes");

        var refused = Assert.Throws<UnreadableSpreadsheetException>(() => Read(file));

        Assert.Equal("A sheet of the workbook has more than 100,000 rows; Steward imports at most 100,000 at a time. Split the file.", refused.Message);
    }

    [Fact]
    public void AWorkbookOfAHundredThousandRows_IsRead()
    {
        Assert.Equal(100_000, Read(HostileFiles.WorkbookOfRows(100_000)).Rows.Count);
    }

    [Fact]
    public void AHugeSharedString_IsRefused_WithoutBeingRead()
    {
        var refused = Assert.Throws<UnreadableSpreadsheetException>(() => Read(HostileFiles.WorkbookWithSharedString(5_000_000)));

        Assert.Contains("more than 32,767 characters", refused.Message, StringComparison.Ordinal);
        Assert.Equal(32_767, Read(HostileFiles.WorkbookWithSharedString(32_767)).Rows.Single().Cells[0]!.Length);
    }

    [Fact]
    public void CellsFarToTheRight_AreRefused_NamingTheColumnLimit()
    {
        var refused = Assert.Throws<UnreadableSpreadsheetException>(() => Read(HostileFiles.WorkbookReachingColumn("XFD")));

        Assert.Equal("The workbook has cells in column 16,384; Steward reads at most 256 columns. Delete the columns to the right of the register.", refused.Message);
        Assert.Equal("far", Read(HostileFiles.WorkbookReachingColumn("IV")).Rows.Single().Cells[255]);
    }

    [Fact]
    public void AWorkbookThatExpandsPastTheBudget_IsRefused()
    {
        var refused = Assert.Throws<UnreadableSpreadsheetException>(() =>
            SpreadsheetReader.Read(new MemoryStream(HostileFiles.WorkbookOfRows(50_000)), IsHeading, [], Limits with { MaxExpandedBytes = 1024 * 1024 }));

        Assert.Contains("expands to more than 1 MB", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ACsvOfAMillionRows_IsRefused()
    {
        var csv = new StringBuilder("Title,Owner email\n");
        csv.Insert(csv.Length, "x,y\n", 1_000_000);

        var refused = Assert.Throws<UnreadableSpreadsheetException>(() => Read(Encoding.UTF8.GetBytes(csv.ToString())));

        Assert.Equal("The file has more than 100,000 rows under its headings; Steward imports at most 100,000 at a time. Split the file.", refused.Message);
    }

    [Fact]
    public void ACsvCellLongerThanExcelAllows_IsRefused_NamingTheRow()
    {
        var csv = "Title,Owner email\nshort,y\n" + new string('x', 40_000) + ",y\n";

        var refused = Assert.Throws<UnreadableSpreadsheetException>(() => Read(Encoding.UTF8.GetBytes(csv)));

        Assert.Equal("A cell on row 3 holds more than 32,767 characters, more than Steward (or Excel) accepts in one cell.", refused.Message);
    }

    [Fact]
    public void ACsvRowWiderThanTheLimit_IsRefused()
    {
        var csv = "Title,Owner email\n" + string.Join(',', Enumerable.Repeat("x", 300)) + "\n";

        var refused = Assert.Throws<UnreadableSpreadsheetException>(() => Read(Encoding.UTF8.GetBytes(csv)));

        Assert.Equal("Row 2 has 300 columns; Steward reads at most 256.", refused.Message);
    }

    [Fact]
    public void AnyFailureInsideTheWorkbookReader_IsUnreadable_NotACrash()
    {
        // A zip whose sheet is not XML at all.
        var file = HostileFiles.Workbook(sheet => sheet.Write("<row><c>&undefined;</c></row>"));

        var refused = Assert.Throws<UnreadableSpreadsheetException>(() => Read(file));

        Assert.Contains("could not be read", refused.Message, StringComparison.Ordinal);
    }

    private static bool IsHeading(string heading) => heading is "Title" or "Owner email";

    private static SheetTable Read(byte[] file) => SpreadsheetReader.Read(new MemoryStream(file), IsHeading, [], Limits);
}
