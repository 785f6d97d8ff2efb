using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Html;

namespace Steward.Features.Plans.Charts;

// The plan as a Gantt chart drawn on the server: one row per task in outline order, summary tasks as
// brackets, milestones as diamonds, the critical path in red and also hatched (not colour alone), and
// the chosen baseline as a thin grey bar beneath. It is a picture (role img) with a text summary; the
// plan table beside it is the accessible alternative and holds every date it shows. It is drawn 960 px wide,
// the page's column, so the last milestone is in view; a name cut short links to its row in the table.
public static class GanttChart
{
    private const double RowHeight = 22;
    private const double LabelWidth = 250;
    private const double ChartWidth = 710;
    private const double Top = 44;

    public static IHtmlContent Render(PlanView plan, DateTime today)
    {
        var tasks = plan.Tasks.Where(t => t.Start is not null && t.Finish is not null).ToList();
        if (tasks.Count == 0)
        {
            return HtmlString.Empty;
        }

        var from = tasks.Min(t => t.BaselineStart is { } b && b < t.Start ? b : t.Start!.Value);
        var to = tasks.Max(t => t.BaselineFinish is { } b && b > t.Finish ? b : t.Finish!.Value);
        var axis = new TimeAxis(from, to, LabelWidth, ChartWidth - 10);
        var height = Top + tasks.Count * RowHeight + 10;
        var critical = tasks.Count(t => t.Critical && !t.Summary);
        var svg = new StringBuilder(tasks.Count * 260 + 2000);
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg class=\"steward-chart\" xmlns=\"http://www.w3.org/2000/svg\" role=\"group\" aria-labelledby=\"gantt-title gantt-desc\" viewBox=\"0 0 {LabelWidth + ChartWidth} {TimeAxis.Number(height)}\" width=\"{LabelWidth + ChartWidth}\" height=\"{TimeAxis.Number(height)}\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"gantt-title\">Gantt chart of {TimeAxis.Text(plan.Name)}</title>");
        svg.Append(CultureInfo.InvariantCulture,
            $"<desc id=\"gantt-desc\">{tasks.Count} tasks from {PlanLabels.Date(from)} to {PlanLabels.Date(to)}; {critical} on the critical path, drawn in red and hatched. The plan table gives every date shown here.</desc>");
        svg.Append("<defs><pattern id=\"critical-hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" class=\"gantt-critical\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" class=\"gantt-hatch\"/></pattern></defs>");
        axis.Draw(svg, Top, height - 10);
        if (today > axis.From && today < axis.To)
        {
            var x = TimeAxis.Number(axis.X(today));
            svg.Append(CultureInfo.InvariantCulture, $"<line class=\"chart-today\" x1=\"{x}\" y1=\"{TimeAxis.Number(Top - 4)}\" x2=\"{x}\" y2=\"{TimeAxis.Number(height - 10)}\"/>");
        }

        var y = Top;
        foreach (var task in tasks)
        {
            var indent = Math.Min(task.OutlineLevel, 6);
            ChartLabel.Append(svg, $"{task.Uid}. {task.Name}", 36 - indent * 2, 4 + indent * 10, y + 15, task.Summary ? "gantt-label gantt-label--summary" : "gantt-label",
                $"#task-{task.Uid}", $"Task {task.Uid}: {task.Name}, {PlanLabels.Date(task.Start!.Value)} to {PlanLabels.Date(task.Finish!.Value)}");
            if (task.BaselineStart is { } bs && task.BaselineFinish is { } bf)
            {
                svg.Append(CultureInfo.InvariantCulture,
                    $"<rect class=\"gantt-baseline\" x=\"{TimeAxis.Number(axis.X(bs))}\" y=\"{TimeAxis.Number(y + 16)}\" width=\"{TimeAxis.Number(Math.Max(2, axis.X(bf) - axis.X(bs)))}\" height=\"3\"/>");
            }

            var x1 = axis.X(task.Start!.Value);
            var x2 = axis.X(task.Finish!.Value);
            if (task.Milestone && !task.Summary)
            {
                var cy = y + 10;
                svg.Append(CultureInfo.InvariantCulture,
                    $"<path class=\"{(task.Critical ? "gantt-milestone gantt-milestone--critical" : "gantt-milestone")}\" d=\"M{TimeAxis.Number(x2)} {TimeAxis.Number(cy - 7)} l7 7 l-7 7 l-7 -7 z\"/>");
            }
            else if (task.Summary)
            {
                svg.Append(CultureInfo.InvariantCulture,
                    $"<path class=\"gantt-summary\" d=\"M{TimeAxis.Number(x1)} {TimeAxis.Number(y + 13)} v-6 h{TimeAxis.Number(Math.Max(2, x2 - x1))} v6 l-4 -3 h{TimeAxis.Number(-Math.Max(2, x2 - x1) + 8)} z\"/>");
            }
            else
            {
                svg.Append(CultureInfo.InvariantCulture,
                    $"<rect class=\"{(task.Critical ? "gantt-bar gantt-bar--critical" : "gantt-bar")}\" x=\"{TimeAxis.Number(x1)}\" y=\"{TimeAxis.Number(y + 4)}\" width=\"{TimeAxis.Number(Math.Max(2, x2 - x1))}\" height=\"12\"/>");
                if (task.PercentComplete > 0)
                {
                    svg.Append(CultureInfo.InvariantCulture,
                        $"<rect class=\"gantt-progress\" x=\"{TimeAxis.Number(x1)}\" y=\"{TimeAxis.Number(y + 8)}\" width=\"{TimeAxis.Number(Math.Max(1, (x2 - x1) * task.PercentComplete / 100.0))}\" height=\"4\"/>");
                }
            }

            y += RowHeight;
        }

        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }
}
