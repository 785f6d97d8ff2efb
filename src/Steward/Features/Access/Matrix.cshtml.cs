using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Steward.Features.Access;

[Requires(PmoArea.Access, PmoAction.Read)]
public sealed class MatrixModel : PageModel
{
    public void OnGet()
    {
    }
}
