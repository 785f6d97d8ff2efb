using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Raid;

// The real RAID template from shared/data, filled in as a person would: values typed into the Risk
// Register's table rows (row 5 onwards), everything else in the workbook left as it was.
public static partial class RaidTemplate
{
    public static byte[] FillRiskRegister(params IReadOnlyDictionary<string, object>[] rows)
    {
        var original = File.ReadAllBytes(SharedData.PathTo("raid/kevstemplates_raid_log.xlsx"));
        using var copy = new MemoryStream();
        copy.Write(original);
        using (var zip = new ZipArchive(copy, ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = zip.GetEntry("xl/worksheets/sheet1.xml")!;
            string xml;
            using (var reader = new StreamReader(entry.Open()))
            {
                xml = reader.ReadToEnd();
            }

            for (var i = 0; i < rows.Count(); i++)
            {
                foreach (var (column, value) in rows[i])
                {
                    var cell = $"{column}{5 + i}";
                    var content = value is string text
                        ? $" t=\"inlineStr\"><is><t>{System.Security.SecurityElement.Escape(text)}</t></is></c>"
                        : $"><v>{Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)}</v></c>";
                    var before = xml;
                    xml = Regex.Replace(xml, $"<c r=\"{cell}\" s=\"(\\d+)\"/>", m => $"<c r=\"{cell}\" s=\"{m.Groups[1].Value}\"{content}");
                    Assert.NotEqual(before, xml);
                }
            }

            entry.Delete();
            using var writer = new StreamWriter(zip.CreateEntry("xl/worksheets/sheet1.xml").Open(), new UTF8Encoding(false));
            writer.Write(xml);
        }

        return copy.ToArray();
    }
}
