using System.Text.Json;

namespace Steward.Tests.Infrastructure;

// Where two JSON documents differ, as paths to their leaves ("current.likelihood", "members[2]"): a save
// that should change one field is checked to have changed nothing else.
public static class JsonDiff
{
    public static SortedSet<string> Paths(JsonElement before, JsonElement after)
    {
        var paths = new SortedSet<string>(StringComparer.Ordinal);
        Walk(before, after, string.Empty, paths);
        return paths;
    }

    private static void Walk(JsonElement a, JsonElement b, string path, SortedSet<string> paths)
    {
        if (a.ValueKind == JsonValueKind.Object && b.ValueKind == JsonValueKind.Object)
        {
            var names = a.EnumerateObject().Select(p => p.Name).Union(b.EnumerateObject().Select(p => p.Name));
            foreach (var name in names)
            {
                var child = path.Length == 0 ? name : $"{path}.{name}";
                if (!a.TryGetProperty(name, out var x) || !b.TryGetProperty(name, out var y))
                {
                    paths.Add(child);
                }
                else
                {
                    Walk(x, y, child, paths);
                }
            }
        }
        else if (a.ValueKind == JsonValueKind.Array && b.ValueKind == JsonValueKind.Array)
        {
            var (left, right) = (a.EnumerateArray().ToList(), b.EnumerateArray().ToList());
            for (var i = 0; i < Math.Max(left.Count, right.Count); i++)
            {
                if (i >= left.Count || i >= right.Count)
                {
                    paths.Add($"{path}[{i}]");
                }
                else
                {
                    Walk(left[i], right[i], $"{path}[{i}]", paths);
                }
            }
        }
        else if (a.GetRawText() != b.GetRawText())
        {
            paths.Add(path);
        }
    }
}
