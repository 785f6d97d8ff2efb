using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Steward.Features.Access;

namespace Steward.Features.MyWork;

// Everything assigned to the signed-in person, wherever in the tree: what to do next, soonest first.
[AnySignedIn]
public sealed class IndexModel(AssignedWorkQueries queries) : PageModel
{
    public static readonly IReadOnlyList<string> FieldOrder = [nameof(Kind), nameof(Unit)];

    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }

    [BindProperty(SupportsGet = true)] public string? Unit { get; set; }

    public MyWorkView Work { get; private set; } = new([], 0, 0, []);

    public IReadOnlyList<SelectListItem> KindChoices => queries.Kinds.Select(k => new SelectListItem(k.Label, k.Key)).ToList();

    public bool Filtered => !string.IsNullOrEmpty(Kind) || !string.IsNullOrEmpty(Unit);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        try
        {
            Work = await queries.MineAsync(Kind, Unit, ct);
        }
        catch (FluentValidation.ValidationException invalid)
        {
            foreach (var error in invalid.Errors)
            {
                ModelState.AddModelError(char.ToUpperInvariant(error.PropertyName[0]) + error.PropertyName[1..], error.ErrorMessage);
            }

            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return Page();
    }
}
