using Steward.Features.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Steward.Infrastructure;

namespace Steward.Features.Units;

[AnySignedIn]
public sealed class SearchModel(UnitQueries queries) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Cursor { get; set; }

    public CursorPage<UnitSummary>? Results { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Q))
        {
            return Page();
        }

        if (Q.Length > 200)
        {
            ModelState.AddModelError(nameof(Q), "Search text must be 200 characters or fewer");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        try
        {
            Results = await queries.ListAsync(new UnitListQuery(Text: Q, Sort: UnitSort.Code, Limit: PageSize, Cursor: Cursor), ct);
        }
        catch (FluentValidation.ValidationException)
        {
            // A hand-edited cursor: start the results again from the top.
            Results = await queries.ListAsync(new UnitListQuery(Text: Q, Sort: UnitSort.Code, Limit: PageSize), ct);
        }

        return Page();
    }
}
