using Microsoft.AspNetCore.Mvc.RazorPages;
using Steward.Features.Access;

namespace Steward.Features.Benefits;

// The benefits someone owns, wherever they are held: how an owner in the business, who may hold no role
// in Steward at all, finds the benefits whose measurements they record.
[AnySignedIn]
public sealed class OwnedModel(BenefitQueries queries) : PageModel
{
    public IReadOnlyList<BenefitSummary> Benefits { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Benefits = await queries.OwnedAsync(ct);
}
