using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Html;

namespace Steward.Features.Plans.Charts;

// The milestone trend chart: reporting date across, forecast date up. A milestone that holds its date
// draws a flat line; one that slips climbs. Each line is numbered, with its number at its last point, so
// lines are told apart without colour; the table beside gives every forecast.
public static class TrendChart
{
    private const double Left = 90;
    private const double Width = 900;
    private const double Height = 360;
    private const double Top = 30;

    public static IHtmlContent Render(IReadOnlyList<MilestoneTrend> trends, DateTime today)
    {
        var lines = trends.Where(t => t.Points.Count > 0).ToList();
        if (lines.Count == 0)
        {
            return HtmlString.Empty;
        }

        var reported = lines.SelectMany(l => l.Points.Select(p => p.RecordedAt)).Append(today).ToList();
        var forecasts = lines.SelectMany(l => l.Points.Select(p => p.Forecast)).ToList();
        var across = new TimeAxis(reported.Min().AddDays(-3), reported.Max().AddDays(3), Left, Width - Left - 30);
        var upFrom = forecasts.Min().Date.AddDays(-7);
        var upTo = forecasts.Max().Date.AddDays(7);
        double Y(DateTime at) => Math.Round(Top + Height - Height * (at - upFrom).TotalDays / Math.Max(1, (upTo - upFrom).TotalDays), 1);

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg class=\"steward-chart\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"trend-title trend-desc\" viewBox=\"0 0 {Width} {Height + Top + 40}\" width=\"{Width}\" height=\"{Height + Top + 40}\">");
        svg.Append("<title id=\"trend-title\">Milestone trend</title>");
        svg.Append(CultureInfo.InvariantCulture,
            $"<desc id=\"trend-desc\">Forecast date of {lines.Count} milestones at each date it was reported. A rising line is a milestone slipping. The table below lists every forecast.</desc>");
        across.Draw(svg, Top + 14, Top + Height);
        var months = new DateTime(upFrom.Year, upFrom.Month, 1).AddMonths(1);
        var step = (upTo - upFrom).TotalDays > 730 ? 6 : (upTo - upFrom).TotalDays > 240 ? 2 : 1;
        for (var m = months; m < upTo; m = m.AddMonths(step))
        {
            svg.Append(CultureInfo.InvariantCulture, $"<line class=\"chart-grid\" x1=\"{Left}\" y1=\"{TimeAxis.Number(Y(m))}\" x2=\"{Width - 30}\" y2=\"{TimeAxis.Number(Y(m))}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"chart-tick\" x=\"4\" y=\"{TimeAxis.Number(Y(m) + 4)}\">{m.ToString("MMM yyyy", CultureInfo.GetCultureInfo("en-GB"))}</text>");
        }

        var number = 1;
        foreach (var line in lines)
        {
            // A forecast holds until the next report, so the line steps.
            var path = new StringBuilder();
            DateTime? last = null;
            foreach (var point in line.Points)
            {
                var x = TimeAxis.Number(across.X(point.RecordedAt));
                path.Append(last is null ? $"M{x} {TimeAxis.Number(Y(point.Forecast))}" : $" H{x} V{TimeAxis.Number(Y(point.Forecast))}");
                last = point.Forecast;
            }

            path.Append(CultureInfo.InvariantCulture, $" H{TimeAxis.Number(across.X(today))}");
            svg.Append(CultureInfo.InvariantCulture, $"<path class=\"trend-line\" d=\"{path}\"/>");
            svg.Append(CultureInfo.InvariantCulture,
                $"<text class=\"chart-tick trend-number\" x=\"{TimeAxis.Number(across.X(today) + 4)}\" y=\"{TimeAxis.Number(Y(last!.Value) + 4)}\">{number++}</text>");
        }

        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }
}
