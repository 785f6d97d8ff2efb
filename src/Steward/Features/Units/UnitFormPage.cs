using FluentValidation.Results;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Steward.Data;

namespace Steward.Features.Units;

// What the create and edit pages share: the people to choose from, reading dates, and placing the
// service's errors (named by API field) against the form's inputs.
public abstract class UnitFormPage(StewardDbContext db) : PageModel
{
    [BindProperty]
    public UnitForm Input { get; set; } = new();

    public IReadOnlyList<SelectListItem> People { get; private set; } = [];

    public static readonly IReadOnlyList<string> FieldOrder =
    [
        "Input.Kind", "Input.ParentCode", "Input.Code", "Input.Name", "Input.Description", "Input.Aims", "Input.Category",
        "Input.Stage", "Input.SroId", "Input.ManagerId", "Input.PmoContactId", "Input.BaselineStart", "Input.BaselineEnd",
        "Input.ForecastStart", "Input.ForecastEnd", "Input.Status",
    ];

    public static IEnumerable<SelectListItem> Categories =>
        Enum.GetValues<UnitCategory>().Select(c => new SelectListItem(UnitLabels.Of(c), c.ToString()));

    public static IEnumerable<SelectListItem> OpenStages =>
        Enum.GetValues<LifecycleStage>().Where(s => s != LifecycleStage.Closed).Select(s => new SelectListItem(UnitLabels.Of(s), s.ToString()));

    protected async Task LoadChoicesAsync(CancellationToken ct) =>
        People = await db.People.AsNoTracking().OrderBy(p => p.Name)
            .Select(p => new SelectListItem(p.RoleTitle == null ? p.Name : p.Name + " (" + p.RoleTitle + ")", p.Id.ToString()))
            .ToListAsync(ct);

    protected (DateOnly? BaselineStart, DateOnly? BaselineEnd, DateOnly? ForecastStart, DateOnly? ForecastEnd) ReadDates() =>
        (Read(Input.BaselineStart, "Baseline start date", nameof(UnitForm.BaselineStart)),
         Read(Input.BaselineEnd, "Baseline end date", nameof(UnitForm.BaselineEnd)),
         Read(Input.ForecastStart, "Forecast start date", nameof(UnitForm.ForecastStart)),
         Read(Input.ForecastEnd, "Forecast end date", nameof(UnitForm.ForecastEnd)));

    protected void AddErrors(IEnumerable<ValidationFailure> failures)
    {
        foreach (var failure in failures)
        {
            var field = FieldFor(failure.PropertyName);
            if (!ModelState.TryGetValue(field, out var entry) || entry.Errors.Count == 0)
            {
                ModelState.AddModelError(field, failure.ErrorMessage);
            }
        }
    }

    protected async Task<IActionResult> InvalidAsync(CancellationToken ct, int status = StatusCodes.Status400BadRequest)
    {
        await LoadChoicesAsync(ct);
        var page = Page();
        Response.StatusCode = status;
        return page;
    }

    private DateOnly? Read(Infrastructure.GovUk.DateParts parts, string label, string field)
    {
        var date = parts.Read(label, out var error);
        if (error is not null)
        {
            ModelState.AddModelError($"{nameof(Input)}.{field}", error);
        }

        return date;
    }

    private static string FieldFor(string property) => property switch
    {
        "" => string.Empty,
        nameof(DeliveryUnit.ParentId) or "parentId" => $"{nameof(Input)}.{nameof(UnitForm.ParentCode)}",
        _ => $"{nameof(Input)}.{char.ToUpperInvariant(property[0])}{property[1..]}",
    };
}
