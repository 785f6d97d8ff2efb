using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Access;

namespace Steward.Features.Units;

// The home page's view of the whole department: every unit that is not archived, with what each holds.
public sealed class PortfolioTree(StewardDbContext db, AccessPolicy access)
{
    // Up to this many units the home page draws the whole tree; above it, the portfolios with what each
    // holds, and each portfolio's page lists its programmes and projects.
    public const int FullTreeLimit = 300;

    public async Task<PortfolioTreeView> BuildAsync(CancellationToken ct = default)
    {
        // The tree as the actor may see it: each unit they hold a role on becomes a root, with all below it.
        var units = (await access.VisibleAsync(db.Units.AsNoTracking(), ct)).Where(u => u.Status != UnitStatus.Archived);
        var fullTree = await units.CountAsync(ct) <= FullTreeLimit;

        // A large tree is drawn without its projects, so they are counted in the database, not loaded.
        var rows = await units
            .Where(u => fullTree || u.Kind == UnitKind.Portfolio || u.Kind == UnitKind.Programme)
            .OrderBy(u => u.Code)
            .Select(u => new TreeRow(u.Id, u.ParentId, u.Code, u.Name, u.Kind, u.Stage, u.Status))
            .ToListAsync(ct);
        var projectsByParent = fullTree
            ? []
            : await units.Where(u => u.Kind == UnitKind.Project && u.ParentId != null)
                .GroupBy(u => u.ParentId!.Value)
                .Select(g => new { ParentId = g.Key, Count = g.Count() })
                .ToDictionaryAsync(g => g.ParentId, g => g.Count, ct);

        var nodes = rows.ToDictionary(r => r.Id, r => new TreeNode(r));
        var roots = new List<TreeNode>();
        foreach (var node in nodes.Values)
        {
            if (node.Row.ParentId is { } parentId && nodes.TryGetValue(parentId, out var parent))
            {
                parent.Children.Add(node);
            }
            else
            {
                roots.Add(node);
            }
        }

        foreach (var root in roots)
        {
            root.CountBeneath(projectsByParent);
        }

        return new PortfolioTreeView(
            roots,
            rows.Count(r => r.Kind == UnitKind.Portfolio),
            rows.Count(r => r.Kind == UnitKind.Programme),
            rows.Count(r => r.Kind == UnitKind.Project) + projectsByParent.Values.Sum(),
            fullTree);
    }
}

public sealed record TreeRow(Guid Id, Guid? ParentId, string Code, string Name, UnitKind Kind, LifecycleStage Stage, UnitStatus Status);

public sealed class TreeNode(TreeRow row)
{
    public TreeRow Row { get; } = row;
    public List<TreeNode> Children { get; } = [];
    public int ProgrammesBeneath { get; private set; }
    public int ProjectsBeneath { get; private set; }

    internal void CountBeneath(IReadOnlyDictionary<Guid, int> uncountedProjects)
    {
        ProjectsBeneath = uncountedProjects.GetValueOrDefault(Row.Id);
        // Children are added in code order per parent; kinds first keeps portfolios, programmes, projects grouped.
        Children.Sort((a, b) => a.Row.Kind != b.Row.Kind ? a.Row.Kind.CompareTo(b.Row.Kind) : string.CompareOrdinal(a.Row.Code, b.Row.Code));
        foreach (var child in Children)
        {
            child.CountBeneath(uncountedProjects);
            ProgrammesBeneath += child.ProgrammesBeneath + (child.Row.Kind == UnitKind.Programme ? 1 : 0);
            ProjectsBeneath += child.ProjectsBeneath + (child.Row.Kind == UnitKind.Project ? 1 : 0);
        }
    }
}

public sealed record PortfolioTreeView(IReadOnlyList<TreeNode> Roots, int Portfolios, int Programmes, int Projects, bool IsFullTree);
