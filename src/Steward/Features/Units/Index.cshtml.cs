using Steward.Features.Access;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Steward.Features.Units;

[AnySignedIn]
public sealed class IndexModel(PortfolioTree tree, AccessPolicy access, IEnumerable<IHomePanel> panels) : PageModel
{
    public PortfolioTreeView Tree { get; private set; } = default!;

    public bool CanAddPortfolio { get; private set; }

    public bool HoldsRoles { get; private set; }

    public IReadOnlyList<HomePanelContent> Panels { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Tree = await tree.BuildAsync(ct);
        CanAddPortfolio = await access.CanAsync(PmoArea.Delivery, PmoAction.Administer, null, ct);
        HoldsRoles = (await access.GrantsAsync(ct)).Count > 0;
        var roots = Tree.Roots.Select(r => new UnitRef(r.Row.Id, r.Row.Code, r.Row.Name, r.Row.Kind)).ToList();
        var shown = new List<HomePanelContent>();
        foreach (var panel in panels.OrderBy(p => p.Order))
        {
            if (roots.Count > 0 && await panel.ForAsync(roots, ct) is { } content)
            {
                shown.Add(content);
            }
        }

        Panels = shown;
    }
}
