using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Steward.Features.Access;

[Requires(PmoArea.Access, PmoAction.Read)]
public sealed class MatrixModel(EndpointDataSource endpoints) : PageModel
{
    // The areas some page or API endpoint of this build asks for: the table describes what exists, and
    // names the rest (finance, benefits...) as rights that take effect when those services arrive.
    public IReadOnlyList<PmoArea> InUse { get; private set; } = [];

    public IReadOnlyList<PmoArea> NotYet { get; private set; } = [];

    public void OnGet()
    {
        var used = endpoints.Endpoints.Select(e => e.Metadata.GetMetadata<RequiresAttribute>()).OfType<RequiresAttribute>().Select(r => r.Area).ToHashSet();
        InUse = [.. Enum.GetValues<PmoArea>().Where(used.Contains)];
        NotYet = [.. Enum.GetValues<PmoArea>().Where(a => !used.Contains(a))];
    }
}
