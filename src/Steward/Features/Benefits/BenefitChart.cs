using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Html;

namespace Steward.Features.Benefits;

// A benefit's planned realisation (baseline, then the profile) as a line and its measurements as points,
// drawn on the server as SVG. The page gives the same numbers as a table beside it.
public static class BenefitChart
{
    private const int Width = 640, Height = 260, Left = 70, Right = 20, Top = 20, Bottom = 40;

    public static IHtmlContent Render(BenefitView benefit)
    {
        var planned = benefit.Profile.Select(p => (p.On, p.Value)).ToList();
        if (benefit.BaselineDate is { } bd && benefit.BaselineValue is { } bv)
        {
            planned.Insert(0, (bd, bv));
        }

        var measured = benefit.Measurements.Select(m => (On: m.MeasuredOn, m.Value)).OrderBy(m => m.On).ToList();
        var all = planned.Concat(measured).ToList();
        if (all.Count < 2)
        {
            return HtmlString.Empty;
        }

        var (first, last) = (all.Min(p => p.On.DayNumber), all.Max(p => p.On.DayNumber));
        var (low, high) = (Math.Min(0, all.Min(p => p.Value)), all.Max(p => p.Value));
        if (high == low)
        {
            high = low + 1;
        }

        double X(DateOnly on) => Left + ((Width - Left - Right) * (last == first ? 0 : (on.DayNumber - first) / (double)(last - first)));
        double Y(decimal value) => Top + ((Height - Top - Bottom) * (1 - (double)((value - low) / (high - low))));
        string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"steward-chart\" role=\"img\" aria-labelledby=\"benefit-title benefit-desc\" viewBox=\"0 0 {Width} {Height}\" width=\"{Width}\" height=\"{Height}\">");
        svg.Append("<title id=\"benefit-title\">Planned realisation and measurements</title>");
        svg.Append(CultureInfo.InvariantCulture, $"<desc id=\"benefit-desc\">The line is the plan from the baseline through the profile; the dots are measurements. The table below gives the same numbers.</desc>");
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" y1=\"{Height - Bottom}\" x2=\"{Width - Right}\" y2=\"{Height - Bottom}\" stroke=\"#505a5f\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" y1=\"{Top}\" x2=\"{Left}\" y2=\"{Height - Bottom}\" stroke=\"#505a5f\"/>");
        foreach (var value in new[] { low, high })
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 6}\" y=\"{F(Y(value) + 4)}\" text-anchor=\"end\" font-size=\"12\">{value:#,0.##}</text>");
        }

        foreach (var (on, anchor) in new[] { (DateOnly.FromDayNumber(first), "start"), (DateOnly.FromDayNumber(last), "end") })
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(X(on))}\" y=\"{Height - Bottom + 16}\" text-anchor=\"{anchor}\" font-size=\"12\">{on.ToString("MMM yyyy", CultureInfo.InvariantCulture)}</text>");
        }

        if (planned.Count > 1)
        {
            svg.Append("<polyline fill=\"none\" stroke=\"#1d70b8\" stroke-width=\"3\" points=\"");
            svg.AppendJoin(' ', planned.Select(p => $"{F(X(p.On))},{F(Y(p.Value))}"));
            svg.Append("\"/>");
        }

        foreach (var m in measured)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{F(X(m.On))}\" cy=\"{F(Y(m.Value))}\" r=\"5\" fill=\"#d4351c\"/>");
        }

        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }
}
