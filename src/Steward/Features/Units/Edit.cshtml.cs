using Steward.Features.Access;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Steward.Data;
using Steward.Features.History;
using Steward.Infrastructure;

namespace Steward.Features.Units;

[Requires(PmoArea.Delivery, PmoAction.Contribute)]
public sealed class EditModel(StewardDbContext db, UnitService units, UnitQueries queries, HistoryQueries history, UnitDates dates) : UnitFormPage(db)
{
    public UnitView Unit { get; private set; } = default!;

    // The unit as its page shows it: with its plan's dates where it has a plan.
    public UnitView Dated { get; private set; } = default!;

    public UnitConflict? Conflict { get; private set; }

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
        Dated = await dates.ApplyAsync(unit, ct);
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
        Dated = await dates.ApplyAsync(unit, ct);
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
            // Keep what the user typed, show what the colleague saved beside it, and take the current
            // version so that saving again is a deliberate choice to keep theirs or yours.
            var recent = (await history.ListAsync(new HistoryFilter(RecordId: unit.Id, Limit: 1), ct)).Items;
            var latest = recent.Count > 0 ? recent[0] : null;
            await LoadChoicesAsync(ct);
            var names = People.ToDictionary(p => p.Value, p => p.Text.Split(" (")[0]);
            Conflict = UnitConflict.Between(unit, input, latest, id => id is { } g && names.TryGetValue(g.ToString(), out var n) ? n : null);
            ModelState.AddModelError(string.Empty, Conflict.Message);
            ModelState.Remove("Input.Version");
            Input.Version = unit.Version;
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
        catch (RecordStateConflictException conflict)
        {
            ModelState.AddModelError(string.Empty, conflict.Message);
            return await InvalidAsync(ct, StatusCodes.Status409Conflict);
        }
    }
}
