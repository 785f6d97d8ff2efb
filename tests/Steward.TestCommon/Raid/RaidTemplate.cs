using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Raid;

// The real RAID template from shared/data, filled in as a person would: values typed into the Risk
// Register's table rows (row 5 onwards), everything else in the workbook left as it was.
public static partial class RaidTemplate
{
    // The Risk Register's table has a blank, styled cell for every column of rows 5 to 24.
    public static byte[] FillRiskRegister(params IReadOnlyDictionary<string, object>[] rows) => Fill("xl/worksheets/sheet1.xml", rows);

    // The Issue Register's table has one row (5), with only some of its cells written; typing into the
    // others adds them, in column order, as Excel does.
    public static byte[] FillIssueRegister(params IReadOnlyDictionary<string, object>[] rows) => Fill("xl/worksheets/sheet2.xml", rows);

    private static byte[] Fill(string sheet, IReadOnlyDictionary<string, object>[] rows)
    {
        var original = File.ReadAllBytes(SharedData.PathTo("raid/kevstemplates_raid_log.xlsx"));
        using var copy = new MemoryStream();
        copy.Write(original);
        using (var zip = new ZipArchive(copy, ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = zip.GetEntry(sheet)!;
            string xml;
            using (var reader = new StreamReader(entry.Open()))
            {
                xml = reader.ReadToEnd();
            }

            for (var i = 0; i < rows.Length; i++)
            {
                var number = 5 + i;
                if (!xml.Contains($"<row r=\"{number}\"", StringComparison.Ordinal))
                {
                    var later = Regex.Matches(xml, "<row r=\"(\\d+)\"").FirstOrDefault(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) > number);
                    var at = later?.Index ?? xml.IndexOf("</sheetData>", StringComparison.Ordinal);
                    xml = xml.Insert(at, $"<row r=\"{number}\"></row>");
                }

                foreach (var (column, value) in rows[i])
                {
                    var cell = $"{column}{number}";
                    var content = value is string text
                        ? $" t=\"inlineStr\"><is><t>{System.Security.SecurityElement.Escape(text)}</t></is></c>"
                        : $"><v>{Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)}</v></c>";
                    var before = xml;
                    xml = Regex.Replace(xml, $"<c r=\"{cell}\" s=\"(\\d+)\"/>", m => $"<c r=\"{cell}\" s=\"{m.Groups[1].Value}\"{content}");
                    if (before == xml)
                    {
                        xml = AddCell(xml, number, column, $"<c r=\"{cell}\"{content}");
                    }
                }
            }

            entry.Delete();
            using var writer = new StreamWriter(zip.CreateEntry(sheet).Open(), new UTF8Encoding(false));
            writer.Write(xml);
        }

        return copy.ToArray();
    }

    private static string AddCell(string xml, int row, string column, string cell)
    {
        var match = Regex.Match(xml, $"(<row r=\"{row}\"[^>]*>)(.*?)(</row>)", RegexOptions.Singleline);
        var cells = Regex.Matches(match.Groups[2].Value, "<c r=\"([A-Z]+)\\d+\"[^>]*?(?:/>|>.*?</c>)", RegexOptions.Singleline).Select(m => (Column: m.Groups[1].Value, Xml: m.Value)).ToList();
        cells.Add((column, cell));
        var ordered = string.Concat(cells.OrderBy(c => c.Column.Length).ThenBy(c => c.Column, StringComparer.Ordinal).Select(c => c.Xml));
        return xml[..match.Index] + match.Groups[1].Value + ordered + match.Groups[3].Value + xml[(match.Index + match.Length)..];
    }
}
