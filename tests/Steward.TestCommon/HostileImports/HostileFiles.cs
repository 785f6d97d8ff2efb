using System.IO.Compression;
using System.Text;
using MiniExcelLibs;

namespace Steward.Tests.HostileImports;

// Small files that expand into far more than a register or plan holds, as an attacker would send them.
public static class HostileFiles
{
    // A real workbook (written by MiniExcel, headings Title and Owner email) whose sheet is replaced by
    // whatever rows the caller writes: a few hundred kilobytes of zip can hold millions of rows.
    public static byte[] Workbook(Action<TextWriter> writeSheetData, string? sharedString = null)
    {
        using var original = new MemoryStream();
        original.SaveAs(new[] { new Dictionary<string, object> { ["Title"] = "t", ["Owner email"] = "o" } });
        using var copy = new MemoryStream();
        using (var source = new ZipArchive(new MemoryStream(original.ToArray()), ZipArchiveMode.Read))
        using (var target = new ZipArchive(copy, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries)
            {
                var part = target.CreateEntry(entry.FullName, CompressionLevel.SmallestSize);
                using var output = new StreamWriter(part.Open(), new UTF8Encoding(false));
                if (entry.FullName == "xl/worksheets/sheet1.xml")
                {
                    output.Write("""<?xml version="1.0" encoding="utf-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>""");
                    output.Write("""<row r="1"><c r="A1" t="inlineStr"><is><t>Title</t></is></c><c r="B1" t="inlineStr"><is><t>Owner email</t></is></c></row>""");
                    writeSheetData(output);
                    output.Write("</sheetData></worksheet>");
                }
                else if (entry.FullName == "xl/sharedStrings.xml" && sharedString is not null)
                {
                    output.Write("""<?xml version="1.0" encoding="utf-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>""");
                    output.Write(sharedString);
                    output.Write("</t></si></sst>");
                }
                else
                {
                    using var input = new StreamReader(entry.Open());
                    output.Write(input.ReadToEnd());
                }
            }
        }

        return copy.ToArray();
    }

    public static byte[] WorkbookOfRows(int rows) => Workbook(sheet =>
    {
        // Rows without their optional numbers repeat exactly, so they compress to almost nothing.
        for (var r = 0; r < rows; r++)
        {
            sheet.Write("""<row><c t="inlineStr"><is><t>x</t></is></c></row>""");
        }
    });

    // One cell that refers to a shared string of the given length.
    public static byte[] WorkbookWithSharedString(int length) =>
        Workbook(sheet => sheet.Write("""<row r="2"><c r="A2" t="s"><v>0</v></c></row>"""), new string('x', length));

    public static byte[] WorkbookReachingColumn(string column) =>
        Workbook(sheet => sheet.Write($"""<row r="2"><c r="A2" t="inlineStr"><is><t>x</t></is></c><c r="{column}2" t="inlineStr"><is><t>far</t></is></c></row>"""));

    // A plan whose base calendars go round: A on B, B on C, C on B.
    public const string PlanWithCalendarLoop = """
        <Project xmlns="http://schemas.microsoft.com/project"><StartDate>2027-01-04T08:00:00</StartDate><CalendarUID>1</CalendarUID><Calendars>
        <Calendar><UID>1</UID><Name>A</Name><BaseCalendarUID>2</BaseCalendarUID></Calendar>
        <Calendar><UID>2</UID><Name>B</Name><BaseCalendarUID>3</BaseCalendarUID></Calendar>
        <Calendar><UID>3</UID><Name>C</Name><BaseCalendarUID>2</BaseCalendarUID></Calendar>
        </Calendars><Tasks><Task><UID>1</UID><Name>Build</Name><Duration>PT8H0M0S</Duration></Task></Tasks></Project>
        """;
}
