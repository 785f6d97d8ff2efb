using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Steward.Data;

namespace Steward.Features.Units;

// What the create and edit pages share: the form, its choices, and where a parent's errors are shown.
public abstract class UnitFormPage(StewardDbContext db) : Infrastructure.GovUk.GovUkFormPage(db)
{
    [BindProperty]
    public UnitForm Input { get; set; } = new();

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

    protected (DateOnly? BaselineStart, DateOnly? BaselineEnd, DateOnly? ForecastStart, DateOnly? ForecastEnd) ReadDates() =>
        (ReadDate(Input.BaselineStart, "Baseline start date", nameof(UnitForm.BaselineStart)),
         ReadDate(Input.BaselineEnd, "Baseline end date", nameof(UnitForm.BaselineEnd)),
         ReadDate(Input.ForecastStart, "Forecast start date", nameof(UnitForm.ForecastStart)),
         ReadDate(Input.ForecastEnd, "Forecast end date", nameof(UnitForm.ForecastEnd)));

    protected override string FieldFor(string apiField) => apiField switch
    {
        "" => string.Empty,
        nameof(DeliveryUnit.ParentId) or "parentId" => $"{nameof(Input)}.{nameof(UnitForm.ParentCode)}",
        _ => base.FieldFor(apiField),
    };
}
