using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Steward.Infrastructure;

namespace Steward.Features.Benefits.Map;

// The benefits map drawn on the server, twice: as a diagram (SVG, every node a link that takes keyboard
// focus) and as a nested list saying the same, from each objective down to what contributes to it.
public static class BenefitMapDrawing
{
    private const int ColumnWidth = 238, BoxWidth = 200, BoxHeight = 52, RowHeight = 66, Margin = 10, TitleChars = 27;

    public static string ListAnchor(string key) => "map-" + key.Replace('#', '-');

    public static IHtmlContent Diagram(BenefitMapView map)
    {
        if (map.Nodes.Count == 0)
        {
            return HtmlString.Empty;
        }

        var at = map.Nodes.ToDictionary(n => n.Key);
        var width = ((map.Nodes.Max(n => n.Column) + 1) * ColumnWidth) + Margin;
        var height = ((map.Nodes.Max(n => n.Row) + 1) * RowHeight) + Margin;
        var html = HtmlEncoder.Default;
        double X(MapNodeView n) => Margin + (n.Column * ColumnWidth);
        double Y(MapNodeView n) => Margin + (n.Row * RowHeight);
        string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"steward-map\" role=\"group\" aria-labelledby=\"map-title\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\">");
        svg.Append("<title id=\"map-title\">Benefits map: what is done, on the left, contributes along the arrows to what it is for, on the right</title>");
        svg.Append("<defs><marker id=\"map-arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M 0 0 L 10 5 L 0 10 z\" fill=\"#505a5f\"/></marker></defs>");
        foreach (var link in map.Links)
        {
            var (a, b) = (at[link.From], at[link.To]);
            var (x1, y1, x2, y2) = (X(a) + BoxWidth, Y(a) + (BoxHeight / 2.0), X(b), Y(b) + (BoxHeight / 2.0));
            var bend = (x2 - x1) / 2;
            svg.Append(CultureInfo.InvariantCulture, $"<path d=\"M {F(x1)} {F(y1)} C {F(x1 + bend)} {F(y1)}, {F(x2 - bend)} {F(y2)}, {F(x2)} {F(y2)}\" fill=\"none\" stroke=\"#505a5f\" stroke-width=\"1.5\" marker-end=\"url(#map-arrow)\"/>");
        }

        foreach (var node in map.Nodes)
        {
            var (fill, stroke) = Colours(node.Kind);
            var title = node.Title.Length > TitleChars ? node.Title[..(TitleChars - 1)] + "…" : node.Title;
            var href = node.Href ?? "#" + ListAnchor(node.Key);
            // Named by its title element (kind, reference, whole title), as the drawn text may be cut short.
            svg.Append(CultureInfo.InvariantCulture, $"<a href=\"{html.Encode(href)}\" class=\"steward-map__node\"><title>{html.Encode($"{Kind(node.Kind)} {node.Key}: {node.Title}")}</title>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{F(X(node))}\" y=\"{F(Y(node))}\" width=\"{BoxWidth}\" height=\"{BoxHeight}\" rx=\"4\" fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"2\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(X(node) + 8)}\" y=\"{F(Y(node) + 20)}\" font-size=\"13\" font-weight=\"bold\" fill=\"#0b0c0c\">{html.Encode(node.Key)}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(X(node) + 8)}\" y=\"{F(Y(node) + 40)}\" font-size=\"13\" fill=\"#0b0c0c\">{html.Encode(title)}</text>");
            svg.Append("</a>");
        }

        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }

    // Each objective with what contributes to it, down to the enablers; then what does not yet lead to an
    // objective. Something reached twice is listed in full once and named after that.
    public static IHtmlContent NestedList(BenefitMapView map)
    {
        var nodes = map.Nodes.ToDictionary(n => n.Key);
        var into = map.Links.ToLookup(l => l.To, l => l.From);
        var leads = map.Links.Select(l => l.From).ToHashSet();
        var shown = new HashSet<string>();
        var html = new StringBuilder();

        void Item(string key)
        {
            var node = nodes[key];
            var name = node.Href is null ? HtmlEncoder.Default.Encode($"{node.Key} {node.Title}") : $"<a class=\"govuk-link\" href=\"{HtmlEncoder.Default.Encode(node.Href)}\">{HtmlEncoder.Default.Encode($"{node.Key} {node.Title}")}</a>";
            html.Append(CultureInfo.InvariantCulture, $"<li id=\"{ListAnchor(key)}\"><strong>{Kind(node.Kind)}</strong> {name}");
            if (!shown.Add(key))
            {
                html.Append(" (its contributors are listed above)</li>");
                return;
            }

            var from = into[key].OrderBy(k => k, StringComparer.Ordinal).ToList();
            if (from.Count > 0)
            {
                html.Append("<ul class=\"govuk-list govuk-list--bullet\">");
                from.ForEach(Item);
                html.Append("</ul>");
            }

            html.Append("</li>");
        }

        var objectives = map.Nodes.Where(n => n.Kind == EnumText.Of(MapNodeKind.Objective)).Select(n => n.Key).ToList();
        var loose = map.Nodes.Where(n => n.Kind != EnumText.Of(MapNodeKind.Objective) && !leads.Contains(n.Key)).Select(n => n.Key).ToList();
        foreach (var (heading, roots) in new[] { ("Strategic objectives and what contributes to them", objectives), ("Not yet leading to a strategic objective", loose) })
        {
            if (roots.Count == 0)
            {
                continue;
            }

            html.Append(CultureInfo.InvariantCulture, $"<h3 class=\"govuk-heading-s\">{heading}</h3><ul class=\"govuk-list govuk-list--bullet\">");
            roots.ForEach(Item);
            html.Append("</ul>");
        }

        return new HtmlString(html.ToString());
    }

    public static string Kind(string kind) => kind switch
    {
        "unit" => "Unit",
        "milestone" => "Milestone",
        "business-change" => "Business change",
        "benefit" => "Benefit",
        _ => "Strategic objective",
    };

    private static (string Fill, string Stroke) Colours(string kind) => kind switch
    {
        "unit" or "milestone" => ("#f3f2f1", "#505a5f"),
        "business-change" => ("#d2e2f1", "#1d70b8"),
        "benefit" => ("#cce2d8", "#00703c"),
        _ => ("#dbd5e9", "#4c2c92"),
    };
}
