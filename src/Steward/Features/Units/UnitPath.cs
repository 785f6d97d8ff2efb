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

    // The ids on a path, top first: the unit's ancestors and then the unit itself.
    public static List<Guid> Ids(string path) =>
        path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse).ToList();
}
