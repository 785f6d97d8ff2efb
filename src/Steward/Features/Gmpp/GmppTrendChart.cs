using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;

namespace Steward.Features.Gmpp;

// A GMPP unit's trend across snapshot dates, drawn on the server as SVG: one measure (whole-life cost, or
// the end date) as a line, each point labelled with the DCA of that date. The page gives the same figures
// as a table beside it; a measure with fewer than two values draws nothing.
public static class GmppTrendChart
{
    private const int Width = 640, Height = 240, Left = 90, Right = 60, Top = 30, Bottom = 40, Inset = 40;

    public sealed record Point(DateOnly AsAt, decimal Value, string? Label);

    public static IHtmlContent Render(string id, string title, string description, IReadOnlyList<Point> points, Func<decimal, string> format)
    {
        if (points.Count < 2)
        {
            return HtmlString.Empty;
        }

        var (first, last) = (points.Min(p => p.AsAt.DayNumber), points.Max(p => p.AsAt.DayNumber));
        var (low, high) = (points.Min(p => p.Value), points.Max(p => p.Value));
        if (high == low)
        {
            (low, high) = (low - 1, high + 1);
        }

        // The first point stands off the axis, so its label does not run into the axis's figures.
        double X(DateOnly on) => Left + Inset + ((Width - Left - Inset - Right) * (last == first ? 0.5 : (on.DayNumber - first) / (double)(last - first)));
        double Y(decimal value) => Top + ((Height - Top - Bottom) * (1 - (double)((value - low) / (high - low))));
        string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
        string E(string text) => WebUtility.HtmlEncode(text);

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"steward-chart\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" viewBox=\"0 0 {Width} {Height}\" width=\"{Width}\" height=\"{Height}\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-title\">{E(title)}</title><desc id=\"{id}-desc\">{E(description)}</desc>");
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" y1=\"{Height - Bottom}\" x2=\"{Width - Right}\" y2=\"{Height - Bottom}\" stroke=\"#505a5f\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" y1=\"{Top}\" x2=\"{Left}\" y2=\"{Height - Bottom}\" stroke=\"#505a5f\"/>");
        foreach (var value in new[] { low, high })
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 6}\" y=\"{F(Y(value) + 4)}\" text-anchor=\"end\" font-size=\"12\">{E(format(value))}</text>");
        }

        var ordered = points.OrderBy(p => p.AsAt).ToList();
        svg.Append("<polyline fill=\"none\" stroke=\"#1d70b8\" stroke-width=\"3\" points=\"");
        svg.AppendJoin(' ', ordered.Select(p => $"{F(X(p.AsAt))},{F(Y(p.Value))}"));
        svg.Append("\"/>");
        foreach (var point in ordered)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{F(X(point.AsAt))}\" cy=\"{F(Y(point.Value))}\" r=\"5\" fill=\"#0b0c0c\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(X(point.AsAt))}\" y=\"{Height - Bottom + 16}\" text-anchor=\"middle\" font-size=\"12\">{point.AsAt.ToString("MMM yyyy", CultureInfo.InvariantCulture)}</text>");
            if (point.Label is { } label)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(X(point.AsAt))}\" y=\"{F(Y(point.Value) - 10)}\" text-anchor=\"middle\" font-size=\"12\" font-weight=\"bold\">{E(label)}</text>");
            }
        }

        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }
}
