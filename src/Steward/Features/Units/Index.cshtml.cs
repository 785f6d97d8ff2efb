using Steward.Features.Access;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Steward.Features.Units;

[AnySignedIn]
public sealed class IndexModel(PortfolioTree tree, AccessPolicy access) : PageModel
{
    public PortfolioTreeView Tree { get; private set; } = default!;

    public bool CanAddPortfolio { get; private set; }

    public bool HoldsRoles { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Tree = await tree.BuildAsync(ct);
        CanAddPortfolio = await access.CanAsync(PmoArea.Delivery, PmoAction.Administer, null, ct);
        HoldsRoles = (await access.GrantsAsync(ct)).Count > 0;
    }
}
