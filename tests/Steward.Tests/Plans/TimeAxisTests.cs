using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Steward.Features.Plans.Charts;

namespace Steward.Tests.Plans;

public sealed partial class TimeAxisTests
{
    // Labels were drawn every month however narrow the months, so "Jan 2026" ran into "Feb".
    [Theory]
    [InlineData("2025-11-01", "2027-10-31", 770)]
    [InlineData("2025-12-15", "2026-03-10", 770)]
    [InlineData("2025-06-01", "2027-05-31", 500)]
    [InlineData("2026-01-01", "2026-12-31", 300)]
    public void MonthLabels_NeverRunIntoEachOther_AndJanuaryNamesItsYear(string from, string to, double width)
    {
        var axis = new TimeAxis(DateTime.Parse(from, CultureInfo.InvariantCulture), DateTime.Parse(to, CultureInfo.InvariantCulture), 240, width);
        var svg = new StringBuilder();
        axis.Draw(svg, 40, 200);

        var labels = Tick().Matches(svg.ToString()).Select(m => (X: double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), Text: m.Groups[2].Value)).ToList();
        Assert.NotEmpty(labels);
        foreach (var (left, right) in labels.Zip(labels.Skip(1)))
        {
            Assert.True(right.X - left.X >= left.Text.Length * 6.5, $"'{left.Text}' at {left.X} runs into '{right.Text}' at {right.X}");
        }

        Assert.All(labels.Where(l => l.Text.StartsWith("Jan", StringComparison.Ordinal)), l => Assert.Matches(@"^Jan \d{4}$", l.Text));
        Assert.Matches(@"\d{4}$", labels[0].Text);
    }

    [GeneratedRegex("<text class=\"chart-tick\" x=\"([0-9.]+)\"[^>]*>([^<]+)</text>")]
    private static partial Regex Tick();
}
