namespace Steward.Features.Units;

// Materialised paths: "/{top}/{next}/{unit}/", with ids in their usual lower-case form.
public static class UnitPath
{
    public const string Root = "/";

    public static string Child(string? parentPath, Guid id) => $"{parentPath ?? Root}{id}/";

    public static string ParentOf(string path)
    {
        var end = path.LastIndexOf('/', path.Length - 2);
        return end <= 0 ? Root : path[..(end + 1)];
    }

    // 1 for a top-level unit, 2 for a unit under it, and so on.
    public static int Depth(string path) => path.Count(c => c == '/') - 1;

    // The ids on a path, top first: the unit's ancestors and then the unit itself.
    public static List<Guid> Ids(string path) =>
        path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse).ToList();

    // The path of an ancestor (or the unit itself) named by id, cut from a unit's path.
    public static string Through(string path, Guid ancestorId)
    {
        var marker = $"/{ancestorId}/";
        var at = path.IndexOf(marker, StringComparison.Ordinal);
        return at < 0 ? path : path[..(at + marker.Length)];
    }
}
