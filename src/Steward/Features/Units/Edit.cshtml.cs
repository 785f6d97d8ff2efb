using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Steward.Data;
using Steward.Infrastructure;

namespace Steward.Features.Units;

public sealed class EditModel(StewardDbContext db, UnitService units, UnitQueries queries) : UnitFormPage(db)
{
    public UnitView Unit { get; private set; } = default!;

    public static IEnumerable<SelectListItem> OpenStatuses =>
    [
        new("Active", nameof(UnitStatus.Active)),
        new("Paused|Work has stopped for now; the unit stays open", nameof(UnitStatus.Paused)),
    ];

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        if (await queries.FindByCodeAsync(code, ct) is not { } unit)
        {
            return NotFound();
        }

        Unit = unit;
        Input = UnitForm.From(unit);
        await LoadChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken ct)
    {
        if (await queries.FindByCodeAsync(code, ct) is not { } unit)
        {
            return NotFound();
        }

        Unit = unit;
        var (baselineStart, baselineEnd, forecastStart, forecastEnd) = ReadDates();
        var input = new UpdateUnit(
            Input.Code, Input.Name, Input.Category, Input.Stage, unit.IsOpen ? Input.Status : null, Input.Description, Input.Aims,
            Input.SroId, Input.ManagerId, Input.PmoContactId, baselineStart, baselineEnd, forecastStart, forecastEnd);

        if (!ModelState.IsValid)
        {
            AddErrors(await units.CheckAsync(unit.Id, input, ct));
            return await InvalidAsync(ct);
        }

        try
        {
            var saved = await units.UpdateAsync(unit.Id, Input.Version, input, ct);
            TempData["Notice"] = $"Your changes to {saved.Name} have been saved";
            return RedirectToPage("Show", new { code = saved.Code });
        }
        catch (ValidationException invalid)
        {
            AddErrors(invalid.Errors);
            return await InvalidAsync(ct);
        }
        catch (StaleVersionException)
        {
            // Keep what the user typed; take the current version so that saving again is a deliberate choice.
            ModelState.AddModelError(string.Empty,
                $"Someone else changed {unit.Code} while you were editing it. Check its current details in another window, then save again to replace them with yours.");
            ModelState.Remove("Input.Version");
            Input.Version = unit.Version;
            return await InvalidAsync(ct, StatusCodes.Status409Conflict);
        }
        catch (RecordStateConflictException conflict)
        {
            ModelState.AddModelError(string.Empty, conflict.Message);
            return await InvalidAsync(ct, StatusCodes.Status409Conflict);
        }
    }
}
