namespace Steward.Features.Units;

// Filters shared by the API list, the search page and `steward units list`.
public sealed record UnitListQuery(
    Guid? ParentId = null,
    bool TopLevelOnly = false,
    UnitKind? Kind = null,
    LifecycleStage? Stage = null,
    UnitStatus? Status = null,
    string? Text = null,
    UnitSort Sort = UnitSort.Code,
    bool Descending = false,
    int Limit = 50,
    string? Cursor = null,
    bool IncludeArchived = true);

public enum UnitSort
{
    Code,
    Name,
    UpdatedAt,
}
