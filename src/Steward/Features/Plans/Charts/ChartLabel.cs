using System.Globalization;
using System.Text;

namespace Steward.Features.Plans.Charts;

// A row's name at the left of a chart. One too long for its column is cut with an ellipsis, and is then a link
// to the row's full entry (the plan table's row, the unit's plan) whose full name shows on focus and hover and
// is its accessible name, so no name is only ever seen cut.
public static class ChartLabel
{
    public static void Append(StringBuilder svg, string text, int max, double x, double y, string css, string href, string fullDescription)
    {
        if (text.Length <= max)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"{css}\" x=\"{TimeAxis.Number(x)}\" y=\"{TimeAxis.Number(y)}\">{TimeAxis.Text(text)}</text>");
            return;
        }

        var cut = text[..(max - 1)] + "…";
        svg.Append(CultureInfo.InvariantCulture, $"<a class=\"chart-label-link\" href=\"{TimeAxis.Text(href)}\" aria-label=\"{TimeAxis.Text(fullDescription)}\"><title>{TimeAxis.Text(text)}</title>");
        svg.Append(CultureInfo.InvariantCulture, $"<text class=\"{css} chart-label--cut\" x=\"{TimeAxis.Number(x)}\" y=\"{TimeAxis.Number(y)}\">{TimeAxis.Text(cut)}</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text class=\"{css} chart-label--full\" x=\"{TimeAxis.Number(x)}\" y=\"{TimeAxis.Number(y)}\" aria-hidden=\"true\">{TimeAxis.Text(text)}</text></a>");
    }
}
