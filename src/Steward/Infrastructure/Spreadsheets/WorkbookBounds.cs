using System.IO.Compression;
using System.Xml;

namespace Steward.Infrastructure.Spreadsheets;

// Walks the parts of an .xlsx that a reader would load (its worksheets and shared strings) as a stream
// of XML, before any reader builds rows from them, and refuses a workbook that is bigger inside than the
// limits: too many rows, cells beyond the last column, one cell's text longer than Excel allows, or parts
// that expand to more than the limit (a few hundred kilobytes can hold millions of rows). Text is counted
// in chunks, so a 200 MB string is refused without ever being held.
internal static class WorkbookBounds
{
    public static void Check(Stream workbook, SpreadsheetLimits limits, int headingRows)
    {
        using var zip = new ZipArchive(workbook, ZipArchiveMode.Read, leaveOpen: true);
        var budget = new ExpansionBudget(limits.MaxExpandedBytes);
        foreach (var part in zip.Entries.Where(e => IsSheet(e.FullName) || IsSharedStrings(e.FullName)))
        {
            using var content = new BudgetedStream(part.Open(), budget);
            using var xml = XmlReader.Create(content, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true });
            CheckPart(xml, limits, IsSheet(part.FullName) ? limits.MaxRows + headingRows : int.MaxValue);
        }
    }

    private static bool IsSheet(string name) => name.StartsWith("xl/worksheets/", StringComparison.OrdinalIgnoreCase) && name.EndsWith(".xml", StringComparison.OrdinalIgnoreCase);

    private static bool IsSharedStrings(string name) => name.Equals("xl/sharedStrings.xml", StringComparison.OrdinalIgnoreCase);

    private static void CheckPart(XmlReader xml, SpreadsheetLimits limits, int maxRows)
    {
        var rows = 0;
        var chunk = new char[4096];
        while (xml.Read())
        {
            switch (xml.NodeType)
            {
                case XmlNodeType.Element when xml.LocalName == "row":
                    if (++rows > maxRows)
                    {
                        throw new UnreadableSpreadsheetException($"A sheet of the workbook has more than {limits.MaxRows:N0} rows; Steward imports at most {limits.MaxRows:N0} at a time. Split the file.");
                    }

                    break;
                case XmlNodeType.Element when xml.LocalName == "c" && xml.GetAttribute("r") is { } reference:
                    CheckColumn(ColumnOf(reference), limits);
                    break;
                case XmlNodeType.Element when xml.LocalName == "dimension" && xml.GetAttribute("ref") is { } range:
                    CheckColumn(range.Split(':').Max(ColumnOf), limits);
                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace:
                    var length = 0;
                    for (int read; (read = xml.ReadValueChunk(chunk, 0, chunk.Length)) > 0;)
                    {
                        length += read;
                        if (length > limits.MaxCellCharacters)
                        {
                            throw new UnreadableSpreadsheetException($"A cell of the workbook holds more than {limits.MaxCellCharacters:N0} characters, more than Steward (or Excel) accepts in one cell.");
                        }
                    }

                    break;
            }
        }
    }

    private static void CheckColumn(int column, SpreadsheetLimits limits)
    {
        if (column > limits.MaxColumns)
        {
            throw new UnreadableSpreadsheetException($"The workbook has cells in column {column:N0}; Steward reads at most {limits.MaxColumns:N0} columns. Delete the columns to the right of the register.");
        }
    }

    // "AB12" is column 28; a reference with no letters (a malformed one) counts as the first column.
    private static int ColumnOf(string reference)
    {
        var column = 0;
        foreach (var c in reference)
        {
            if (!char.IsAsciiLetter(c) || column > 1_000_000)
            {
                break;
            }

            column = (column * 26) + (char.ToUpperInvariant(c) - 'A' + 1);
        }

        return column;
    }

    private sealed class ExpansionBudget(long max)
    {
        private long _used;

        public void Spend(int bytes)
        {
            _used += bytes;
            if (_used > max)
            {
                throw new UnreadableSpreadsheetException($"The workbook expands to more than {max / 1024 / 1024:N0} MB of sheets once unzipped; Steward reads at most that much. Split the file.");
            }
        }
    }

    // Counts what is decompressed, whatever the zip's headers claim about sizes.
    private sealed class BudgetedStream(Stream inner, ExpansionBudget budget) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = inner.Read(buffer, offset, count);
            budget.Spend(read);
            return read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
