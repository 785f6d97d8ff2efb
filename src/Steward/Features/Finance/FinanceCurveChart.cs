using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Html;

namespace Steward.Features.Finance;

// The cumulative (S-curve) chart: months across, money spent to date up; the budget dashed, the forecast
// outturn solid, the actuals thick and stopping at the last month that has ended. The table beside it
// on the page has the same numbers, for those who cannot see the chart.
public static class FinanceCurveChart
{
    private const double Left = 80;
    private const double Width = 940;
    private const double Height = 300;
    private const double Top = 40;

    public static IHtmlContent Render(IReadOnlyList<CurvePoint> points)
    {
        if (points.Count == 0)
        {
            return HtmlString.Empty;
        }

        var highest = points.Max(p => Math.Max(Math.Max(p.Budget.Pence, p.Forecast.Pence), p.Actuals?.Pence ?? 0));
        var top = NiceCeiling(Math.Max(highest, 100));
        var across = (Width - Left - 20) / Math.Max(1, points.Count - 1);
        double X(int i) => Math.Round(Left + (i * across), 1);
        double Y(long pence) => Math.Round(Top + Height - (Height * pence / top), 1);
        string N(double d) => d.ToString("0.#", CultureInfo.InvariantCulture);

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg class=\"steward-chart\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"curve-title curve-desc\" viewBox=\"0 0 {Width} {Height + Top + 40}\" width=\"{Width}\" height=\"{Height + Top + 40}\">");
        svg.Append("<title id=\"curve-title\">Cumulative spend</title>");
        svg.Append(CultureInfo.InvariantCulture,
            $"<desc id=\"curve-desc\">Budget, forecast outturn and actuals added up month by month from {points[0].Month} to {points[^1].Month}, reaching {points[^1].Budget}, {points[^1].Forecast} and {points.LastOrDefault(p => p.Actuals is not null)?.Actuals?.ToString() ?? "nothing"}. The table below lists every month.</desc>");

        for (var step = 0; step <= 4; step++)
        {
            var value = top * step / 4;
            svg.Append(CultureInfo.InvariantCulture, $"<line class=\"chart-grid\" x1=\"{Left}\" y1=\"{N(Y(value))}\" x2=\"{Width - 20}\" y2=\"{N(Y(value))}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"chart-tick\" x=\"4\" y=\"{N(Y(value) + 4)}\">{new Money(value)}</text>");
        }

        // A tick at the start of each financial year, named by the year.
        for (var i = 0; i < points.Count; i++)
        {
            if (points[i].Period == 1)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<line class=\"chart-fy\" x1=\"{N(X(i))}\" y1=\"{Top}\" x2=\"{N(X(i))}\" y2=\"{Top + Height}\"/>");
                svg.Append(CultureInfo.InvariantCulture, $"<text class=\"chart-tick chart-fy-label\" x=\"{N(X(i) + 3)}\" y=\"{Top + Height + 16}\">{points[i].Year}</text>");
            }
        }

        Line(svg, "finance-budget", points.Select((p, i) => (X(i), Y(p.Budget.Pence))));
        Line(svg, "finance-forecast", points.Select((p, i) => (X(i), Y(p.Forecast.Pence))));
        Line(svg, "finance-actual", points.Select((p, i) => (p, i)).Where(x => x.p.Actuals is not null).Select(x => (X(x.i), Y(x.p.Actuals!.Value.Pence))));

        var legend = new[] { ("finance-budget", "Budget"), ("finance-forecast", "Forecast outturn"), ("finance-actual", "Actuals") };
        for (var i = 0; i < legend.Length; i++)
        {
            var x = Left + (i * 200);
            svg.Append(CultureInfo.InvariantCulture, $"<line class=\"{legend[i].Item1}\" x1=\"{x}\" y1=\"16\" x2=\"{x + 40}\" y2=\"16\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"chart-tick\" x=\"{x + 48}\" y=\"20\">{legend[i].Item2}</text>");
        }

        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }

    private static void Line(StringBuilder svg, string css, IEnumerable<(double X, double Y)> points)
    {
        var path = string.Join(' ', points.Select((p, i) => string.Create(CultureInfo.InvariantCulture, $"{(i == 0 ? 'M' : 'L')}{p.X:0.#} {p.Y:0.#}")));
        if (path.Length > 0)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<path class=\"{css}\" d=\"{path}\"/>");
        }
    }

    // 1, 2 or 5 times a power of ten, at or above the highest value, so the axis reads in round sums.
    private static long NiceCeiling(long pence)
    {
        var power = 1L;
        while (power * 10 <= pence)
        {
            power *= 10;
        }

        foreach (var multiple in new long[] { 1, 2, 5, 10 })
        {
            if (power * multiple >= pence)
            {
                return power * multiple;
            }
        }

        return power * 10;
    }
}
