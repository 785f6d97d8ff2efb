using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Steward.Features.Reporting;

// The reports due from the units the signed-in person is SRO or manager of.
[Steward.Features.Access.AnySignedIn]
public sealed class MineModel(ReportQueries queries) : PageModel
{
    public ReportsDueView Due { get; private set; } = default!;

    public async Task OnGetAsync(CancellationToken ct) => Due = await queries.MineAsync(ct);
}
