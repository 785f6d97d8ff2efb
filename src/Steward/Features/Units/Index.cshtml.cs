using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Steward.Features.Units;

public sealed class IndexModel(PortfolioTree tree) : PageModel
{
    public PortfolioTreeView Tree { get; private set; } = default!;

    public async Task OnGetAsync(CancellationToken ct) => Tree = await tree.BuildAsync(ct);
}
