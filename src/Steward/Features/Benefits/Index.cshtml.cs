using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Steward.Features.Access;
using Steward.Features.Units;
using Steward.Infrastructure;
using Steward.Infrastructure.Registers;

namespace Steward.Features.Benefits;

// A unit's benefits register with those of the units below it, a page at a time, by status.
[Requires(PmoArea.Benefits, PmoAction.Read)]
public sealed class IndexModel(UnitQueries units, BenefitQueries queries, AccessPolicy access) : PageModel
{
    public UnitView Unit { get; private set; } = default!;
    public CursorPage<BenefitSummary> Benefits { get; private set; } = new([], null);
    public bool CanRecord { get; private set; }

    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Cursor { get; set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        if (await units.FindByCodeAsync(code, ct) is not { } unit)
        {
            return NotFound();
        }

        Unit = unit;
        BenefitStatus? status = null;
        try
        {
            status = EnumText.ParseOptional<BenefitStatus>("status", Status);
        }
        catch (ValidationException invalid)
        {
            ModelState.AddModelError(nameof(Status), invalid.Errors.First().ErrorMessage);
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        Benefits = await queries.ListAsync(unit, status, new RegisterPage(50, Cursor), ct);
        CanRecord = unit.IsOpen && await access.CanAsync(PmoArea.Benefits, PmoAction.Contribute, unit.Path, ct);
        return Page();
    }
}
