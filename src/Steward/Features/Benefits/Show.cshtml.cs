using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Steward.Features.Access;
using Steward.Data;
using Steward.Features.History;
using Steward.Features.People;
using Steward.Features.Units;
using Steward.Infrastructure.GovUk;

namespace Steward.Features.Benefits;

// A benefit: its fields, its plan against its measurements (a chart and the same numbers as tables), and
// a form to record a measurement, which stays open after the enabling project has closed.
[Requires(PmoArea.Benefits, PmoAction.Read)]
[PostRequires("Measure", PmoArea.Benefits, PmoAction.Contribute)]
[OwnerMay(typeof(BenefitOwners))]
public sealed class ShowModel(UnitQueries units, BenefitQueries queries, BenefitService service, AccessPolicy access, StewardDbContext db, ChangeContext who) : PageModel
{
    public BenefitView Benefit { get; private set; } = default!;
    public bool CanChange { get; private set; }
    public bool CanMeasure { get; private set; }
    public bool CanSeeRegister { get; private set; }

    [BindProperty] public MeasureForm Measure { get; set; } = new();

    public sealed class MeasureForm
    {
        public DateParts MeasuredOn { get; set; } = new();
        public string? Value { get; set; }
        public string? Evidence { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(string code, string reference, CancellationToken ct) =>
        await LoadAsync(code, reference, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostMeasureAsync(string code, string reference, CancellationToken ct)
    {
        if (!await LoadAsync(code, reference, ct))
        {
            return NotFound();
        }

        var on = Measure.MeasuredOn.Read("Date measured", out var dateError);
        if (dateError is not null)
        {
            ModelState.AddModelError("Measure.MeasuredOn", dateError);
        }

        decimal? value = null;
        if (!string.IsNullOrWhiteSpace(Measure.Value))
        {
            if (decimal.TryParse(Measure.Value.Replace(",", string.Empty, StringComparison.Ordinal), System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var v))
            {
                value = v;
            }
            else
            {
                ModelState.AddModelError("Measure.Value", $"'{Measure.Value}' is not a number: write it as 24 or 1,250.5");
            }
        }

        if (ModelState.ErrorCount == 0)
        {
            try
            {
                await service.RecordMeasurementAsync(Benefit.Id, new MeasurementInput(on, value, Measure.Evidence), ct);
                TempData["Notice"] = $"The measurement of {Benefit.Reference} has been recorded";
                return RedirectToPage(null, new { code, reference });
            }
            catch (ValidationException invalid)
            {
                foreach (var failure in invalid.Errors)
                {
                    ModelState.AddModelError($"Measure.{char.ToUpperInvariant(failure.PropertyName[0])}{failure.PropertyName[1..]}", failure.ErrorMessage);
                }
            }
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<bool> LoadAsync(string code, string reference, CancellationToken ct)
    {
        // Its owner sees it whatever roles they hold, and may measure it but not change it.
        Benefit = await queries.ReadableOrOwnedAsync(code, reference, ct);
        var unit = await units.FindByCodeAsync(code, ct);
        var contribute = unit is not null && await access.CanAsync(PmoArea.Benefits, PmoAction.Contribute, unit.Path, ct);
        CanChange = unit is not null && unit.Status != UnitStatus.Archived && contribute;
        var owns = Benefit.Owner is { } owner && !access.IsReadOnly && await ActingPerson.IdAsync(db, who, ct) == owner.Id;
        CanMeasure = contribute || owns;
        CanSeeRegister = unit is not null;
        return true;
    }

    public static string Label<T>(string? value, Func<T, string> label) where T : struct, Enum =>
        value is null ? "Not set" : label(Enum.GetValues<T>().First(v => Infrastructure.EnumText.Of(v) == value));
}
