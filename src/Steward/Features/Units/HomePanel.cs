namespace Steward.Features.Units;

// What a PMO service shows on the home page below the delivery tree (reporting's dashboard of the top of
// the tree the person can see), drawn by its own partial view. The home page knows no service by name.
public interface IHomePanel
{
    int Order { get; }

    // roots: the top units the person can see. Null when there is nothing to show.
    Task<HomePanelContent?> ForAsync(IReadOnlyList<UnitRef> roots, CancellationToken ct);
}

public sealed record HomePanelContent(string Partial, object Model);
