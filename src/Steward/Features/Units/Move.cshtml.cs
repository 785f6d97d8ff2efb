using Steward.Features.Access;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Steward.Infrastructure;

namespace Steward.Features.Units;

[Requires(PmoArea.Delivery, PmoAction.Approve)]
public sealed class MoveModel(UnitService units, UnitQueries queries) : PageModel
{
    public UnitView Unit { get; private set; } = default!;

    [BindProperty]
    public string? ParentCode { get; set; }

    [BindProperty]
    public int Version { get; set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        if (await queries.FindByCodeAsync(code, ct) is not { } unit)
        {
            return NotFound();
        }

        Unit = unit;
        ParentCode = unit.Parent?.Code;
        Version = unit.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken ct)
    {
        if (await queries.FindByCodeAsync(code, ct) is not { } unit)
        {
            return NotFound();
        }

        Unit = unit;
        Guid? parentId = null;
        if (!string.IsNullOrWhiteSpace(ParentCode))
        {
            if (await queries.FindByCodeAsync(ParentCode, ct) is not { } parent)
            {
                return Invalid(nameof(ParentCode), $"No unit has the code {ParentCode.Trim().ToUpperInvariant()}");
            }

            parentId = parent.Id;
        }

        try
        {
            var moved = await units.MoveAsync(unit.Id, Version, parentId, ct);
            TempData["Notice"] = parentId is null ? $"{moved.Name} is now a top-level portfolio" : $"{moved.Name} has been moved to {ParentCode!.Trim().ToUpperInvariant()}";
            return RedirectToPage("Show", new { code = moved.Code });
        }
        catch (ValidationException invalid)
        {
            return Invalid(nameof(ParentCode), invalid.Errors.First().ErrorMessage);
        }
        catch (StaleVersionException)
        {
            Version = unit.Version;
            return Invalid(string.Empty, $"Someone else changed {unit.Code} while you were moving it. Check where it is now, then try again.", StatusCodes.Status409Conflict);
        }
        catch (RecordStateConflictException conflict)
        {
            return Invalid(string.Empty, conflict.Message, StatusCodes.Status409Conflict);
        }
        catch (AccessDeniedException denied)
        {
            return Invalid(nameof(ParentCode), denied.Message, StatusCodes.Status403Forbidden);
        }
    }

    private PageResult Invalid(string field, string message, int status = StatusCodes.Status400BadRequest)
    {
        ModelState.AddModelError(field, message);
        Response.StatusCode = status;
        return Page();
    }
}
