using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;

namespace Steward.Features.Plans.Charts;

// Dates to x positions across a chart, with month or year ticks and the start of each UK financial year
// (1 April) marked, as the roadmaps of government programmes are read.
public sealed class TimeAxis
{
    private static readonly CultureInfo Uk = CultureInfo.GetCultureInfo("en-GB");

    // The width a month label with its year takes at the charts' 12 px type, with a gap after it.
    public const double LabelRoom = 62;

    // A financial year's label ("FY 2027-28") is a little wider.
    private const double FinancialYearRoom = 70;

    private static readonly int[] LabelSteps = [1, 2, 3, 6, 12];
    private readonly double left;
    private readonly double width;
    private readonly long fromTicks;
    private readonly long spanTicks;

    public TimeAxis(DateTime from, DateTime to, double left, double width)
    {
        From = from.Date;
        To = to.Date.AddDays(1) > From.AddDays(7) ? to.Date.AddDays(1) : From.AddDays(7);
        this.left = left;
        this.width = width;
        fromTicks = From.Ticks;
        spanTicks = To.Ticks - fromTicks;
    }

    public DateTime From { get; }
    public DateTime To { get; }

    // Whether a label starting at x ends inside the chart: one that would not is left out, not cut ("No").
    private bool Fits(double x, double room) => x + room <= left + width + 10;

    public double X(DateTime at) => Math.Round(left + width * Math.Clamp((at.Ticks - fromTicks) / (double)spanTicks, 0, 1), 1);

    public static string Text(string value) => HtmlEncoder.Default.Encode(value);

    public static string Number(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    // Gridlines and labels along the top: weeks (Mondays) for a span under ten weeks, months under two
    // years, else years; and a
    // dashed line at each 1 April labelled with the financial year it opens (FY 2027-28).
    public void Draw(StringBuilder svg, double top, double bottom)
    {
        if ((To - From).TotalDays <= 70)
        {
            for (var monday = From.AddDays(((int)DayOfWeek.Monday - (int)From.DayOfWeek + 7) % 7); monday <= To; monday = monday.AddDays(7))
            {
                var x = Number(X(monday));
                svg.Append(CultureInfo.InvariantCulture, $"<line class=\"chart-grid\" x1=\"{x}\" y1=\"{Number(top)}\" x2=\"{x}\" y2=\"{Number(bottom)}\"/>");
                if (Fits(X(monday), LabelRoom - 14))
                {
                    svg.Append(CultureInfo.InvariantCulture, $"<text class=\"chart-tick\" x=\"{Number(X(monday) + 3)}\" y=\"{Number(top - 6)}\">{Text(monday.ToString("d MMM", Uk))}</text>");
                }
            }

            DrawFinancialYears(svg, top, bottom);
            return;
        }

        var months = (To.Year - From.Year) * 12 + To.Month - From.Month;
        var step = months <= 24 ? 1 : 12;
        // Every month gets its gridline, but labels only as often as they fit: "Sep 2027" needs about
        // LabelRoom pixels, so on a long axis every second, third or sixth month is named (January always).
        var monthWidth = width * 30.44 / (To - From).TotalDays;
        var labelEvery = LabelSteps.First(n => n == 12 || monthWidth * n >= LabelRoom);
        var tick = new DateTime(From.Year, step == 1 ? From.Month : 1, 1);
        var named = false;
        while (tick <= To)
        {
            if (tick >= From)
            {
                var x = Number(X(tick));
                svg.Append(CultureInfo.InvariantCulture, $"<line class=\"chart-grid\" x1=\"{x}\" y1=\"{Number(top)}\" x2=\"{x}\" y2=\"{Number(bottom)}\"/>");
                if ((step == 12 || (tick.Month - 1) % labelEvery == 0) && Fits(X(tick), LabelRoom))
                {
                    // The first label and each January carry the year.
                    var label = step == 1 ? tick.ToString(months <= 6 || tick.Month == 1 || !named ? "MMM yyyy" : "MMM", Uk) : tick.Year.ToString(CultureInfo.InvariantCulture);
                    svg.Append(CultureInfo.InvariantCulture, $"<text class=\"chart-tick\" x=\"{Number(X(tick) + 3)}\" y=\"{Number(top - 6)}\">{Text(label)}</text>");
                    named = true;
                }
            }

            tick = tick.AddMonths(step);
        }

        DrawFinancialYears(svg, top, bottom);
    }

    private void DrawFinancialYears(StringBuilder svg, double top, double bottom)
    {
        for (var year = From.Year; year <= To.Year; year++)
        {
            var april = new DateTime(year, 4, 1);
            if (april > From && april < To)
            {
                var x = Number(X(april));
                svg.Append(CultureInfo.InvariantCulture, $"<line class=\"chart-fy\" x1=\"{x}\" y1=\"{Number(top - 20)}\" x2=\"{x}\" y2=\"{Number(bottom)}\"/>");
                if (!Fits(X(april), FinancialYearRoom))
                {
                    continue;
                }

                svg.Append(CultureInfo.InvariantCulture, $"<text class=\"chart-fy-label\" x=\"{Number(X(april) + 3)}\" y=\"{Number(top - 22)}\">FY {year}-{(year + 1) % 100:00}</text>");
            }
        }
    }

    public static string FinancialYear(DateTime at)
    {
        var start = at.Month >= 4 ? at.Year : at.Year - 1;
        return $"{start}-{(start + 1) % 100:00}";
    }
}
