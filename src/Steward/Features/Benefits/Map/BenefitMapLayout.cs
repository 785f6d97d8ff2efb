namespace Steward.Features.Benefits.Map;

// Where each node of a benefits map goes: in columns from what is done (left) to what it is for (right).
// A node's column is one past the furthest of those contributing to it, never left of its kind's own
// (enablers, then business changes, then benefits) and objectives always last; within a column nodes
// are ordered by where their contributors sit, so lines cross less. Links never loop (the service
// refuses loops), so every node has a column.
public static class BenefitMapLayout
{
    public sealed record Placed(int Column, int Row);

    public static IReadOnlyDictionary<string, Placed> Place(IReadOnlyList<(string Key, MapNodeKind Kind)> nodes, IReadOnlyList<(string From, string To)> links)
    {
        var kinds = nodes.ToDictionary(n => n.Key, n => n.Kind);
        var into = links.Where(l => kinds.ContainsKey(l.From) && kinds.ContainsKey(l.To)).ToLookup(l => l.To, l => l.From);
        var column = new Dictionary<string, int>();

        int ColumnOf(string key, int depth)
        {
            if (column.TryGetValue(key, out var known))
            {
                return known;
            }

            var floor = kinds[key] switch { MapNodeKind.Unit or MapNodeKind.Milestone => 0, MapNodeKind.BusinessChange => 1, _ => 2 };
            // depth guards a loop slipped in by concurrent writes: the map still draws.
            var after = depth > nodes.Count ? 0 : into[key].Select(from => ColumnOf(from, depth + 1) + 1).DefaultIfEmpty(0).Max();
            return column[key] = Math.Max(floor, after);
        }

        foreach (var node in nodes.Where(n => n.Kind != MapNodeKind.Objective))
        {
            ColumnOf(node.Key, 0);
        }

        var last = column.Values.DefaultIfEmpty(1).Max() + 1;
        foreach (var node in nodes.Where(n => n.Kind == MapNodeKind.Objective))
        {
            column[node.Key] = Math.Max(last, 3);
        }

        var placed = new Dictionary<string, Placed>();
        foreach (var group in nodes.GroupBy(n => column[n.Key]).OrderBy(g => g.Key))
        {
            // By the average row of what contributes to each (those placed already, to the left), then by key.
            var ordered = group.Select(n => (n.Key, Weight: into[n.Key].Where(placed.ContainsKey).Select(f => (double)placed[f].Row).DefaultIfEmpty(double.MaxValue).Average()))
                .OrderBy(n => n.Weight).ThenBy(n => n.Key, StringComparer.Ordinal).ToList();
            for (var row = 0; row < ordered.Count; row++)
            {
                placed[ordered[row].Key] = new Placed(group.Key, row);
            }
        }

        return placed;
    }
}
