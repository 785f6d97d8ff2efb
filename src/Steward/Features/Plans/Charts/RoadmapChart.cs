using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Html;

namespace Steward.Features.Plans.Charts;

// A programme's or portfolio's roadmap: one line per unit with a plan, its span as a bar and its key
// milestones as diamonds, across the years, with each financial year marked. Milestones that moved
// right in the period are drawn hollow with a red outline (and listed in the table beside). The axis starts
// at the first plan's month and ends at the last one's, 960 px wide to fit the page's column.
public static class RoadmapChart
{
    private const double RowHeight = 48;
    private const double LabelWidth = 220;
    private const double ChartWidth = 740;
    private const double Top = 50;

    public static IHtmlContent Render(Roadmap roadmap, DateTime today)
    {
        if (roadmap.Lines.Count == 0 || roadmap.From is null || roadmap.To is null)
        {
            return HtmlString.Empty;
        }

        var from = new DateTime(roadmap.From.Value.Year, roadmap.From.Value.Month, 1);
        var to = new DateTime(roadmap.To.Value.Year, roadmap.To.Value.Month, 1).AddMonths(1).AddDays(-1);
        var axis = new TimeAxis(from, to, LabelWidth, ChartWidth - 10);
        var height = Top + roadmap.Lines.Count * RowHeight + 10;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg class=\"steward-chart\" xmlns=\"http://www.w3.org/2000/svg\" role=\"group\" aria-labelledby=\"roadmap-title roadmap-desc\" viewBox=\"0 0 {LabelWidth + ChartWidth} {TimeAxis.Number(height)}\" width=\"{LabelWidth + ChartWidth}\" height=\"{TimeAxis.Number(height)}\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"roadmap-title\">Roadmap of {TimeAxis.Text(roadmap.Unit.Name)}</title>");
        svg.Append(CultureInfo.InvariantCulture,
            $"<desc id=\"roadmap-desc\">{(roadmap.Lines.Count == 1 ? "1 plan" : $"{roadmap.Lines.Count} plans")} from {from:MMMM yyyy} to {to:MMMM yyyy}, with their key milestones; financial years start on 1 April. The table below lists every plan and milestone shown.</desc>");
        axis.Draw(svg, Top, height - 10);
        if (today > axis.From && today < axis.To)
        {
            var x = TimeAxis.Number(axis.X(today));
            svg.Append(CultureInfo.InvariantCulture, $"<line class=\"chart-today\" x1=\"{x}\" y1=\"{TimeAxis.Number(Top - 4)}\" x2=\"{x}\" y2=\"{TimeAxis.Number(height - 10)}\"/>");
        }

        var y = Top;
        foreach (var line in roadmap.Lines)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"gantt-label gantt-label--summary\" x=\"4\" y=\"{TimeAxis.Number(y + 18)}\">{TimeAxis.Text(line.Unit.Code)}</text>");
            ChartLabel.Append(svg, line.Unit.Name, 34, 4, y + 34, "gantt-label", PlanLinks.Plan(line.Unit.Code),
                $"{line.Unit.Code} {line.Unit.Name}, {PlanLabels.Date(line.Start)} to {PlanLabels.Date(line.Finish)}");
            var x1 = axis.X(line.Start);
            svg.Append(CultureInfo.InvariantCulture,
                $"<rect class=\"roadmap-bar\" x=\"{TimeAxis.Number(x1)}\" y=\"{TimeAxis.Number(y + 10)}\" width=\"{TimeAxis.Number(Math.Max(2, axis.X(line.Finish) - x1))}\" height=\"10\"/>");
            foreach (var milestone in line.Milestones)
            {
                var x = axis.X(milestone.Forecast);
                var css = milestone.Slip is > 0 ? "gantt-milestone gantt-milestone--slipped" : milestone.Critical ? "gantt-milestone gantt-milestone--critical" : "gantt-milestone";
                svg.Append(CultureInfo.InvariantCulture, $"<path class=\"{css}\" d=\"M{TimeAxis.Number(x)} {TimeAxis.Number(y + 22)} l7 7 l-7 7 l-7 -7 z\"/>");
            }

            y += RowHeight;
        }

        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }
}
