namespace Steward.Features.Access;

// One role held on one unit (Path is that unit's materialised path), or on the whole department (null).
public sealed record AccessGrant(StewardRole Role, Guid? UnitId, string? Path)
{
    public bool Covers(string? unitPath) => Path is null || (unitPath is not null && unitPath.StartsWith(Path, StringComparison.Ordinal));
}
