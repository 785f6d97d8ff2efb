using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Steward.Data;
using Steward.Features.Access;
using Steward.Features.Units;
using Steward.Infrastructure;
using Steward.Infrastructure.GovUk;

namespace Steward.Features.Tolerances;

// Sets one dimension of a unit's own tolerances. The service checks the right to approve in the
// dimension's area; the page offers the form only to those who have it.
[Requires(PmoArea.Delivery, PmoAction.Read)]
public sealed class EditModel(StewardDbContext db, UnitQueries units, ToleranceQueries queries, ToleranceService service, AccessPolicy access) : GovUkFormPage(db)
{
    public UnitView Unit { get; private set; } = default!;
    public ToleranceMeasure Measure { get; private set; } = default!;
    public ToleranceBandView Current { get; private set; } = default!;
    public bool CanSet { get; private set; }

    [BindProperty] public BandForm Input { get; set; } = new();

    public sealed class BandForm
    {
        public decimal? Over { get; set; }
        public decimal? Under { get; set; }
        public int? Version { get; set; }
    }

    public static IEnumerable<SelectListItem> Severities =>
        Enumerable.Range(0, IssueSeverity.Critical + 1).Reverse().Select(s => new SelectListItem(
            s == 0 ? "None: every open issue escalates" : s == IssueSeverity.Critical ? "Critical: holds every issue" : $"{IssueSeverity.Name(s)}: issues of higher priority escalate",
            s.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    public async Task<IActionResult> OnGetAsync(string code, string dimension, CancellationToken ct)
    {
        if (!await LoadAsync(code, dimension, ct))
        {
            return NotFound();
        }

        Input = new BandForm { Over = Current.Over, Under = Current.Under, Version = VersionNow };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, string dimension, CancellationToken ct)
    {
        if (!await LoadAsync(code, dimension, ct))
        {
            return NotFound();
        }

        return await SubmitAsync(
            () => Task.FromResult<IReadOnlyList<FluentValidation.Results.ValidationFailure>>([]),
            async () =>
            {
                await service.SetAsync(Unit.Id.ToString(), VersionNow is null ? null : Input.Version ?? 0,
                    new Dictionary<ToleranceDimension, (decimal?, decimal?)> { [Measure.Dimension] = (Input.Over, Measure.HasUnder ? Input.Under : null) }, ct);
                TempData["Notice"] = $"The {Measure.Label.ToLowerInvariant()} tolerance of {Unit.Name} has been saved";
                return Redirect(ToleranceLinks.Index(Unit.Code));
            },
            ct,
            async () =>
            {
                await LoadAsync(code, dimension, ct);
                ModelState.Clear();
                ModelState.AddModelError(string.Empty, $"Someone else changed the tolerances of {Unit.Name} while you were editing. The form now shows what is saved; change it again and save.");
                Input = new BandForm { Over = Current.Over, Under = Current.Under, Version = VersionNow };
            });
    }

    private int? VersionNow { get; set; }

    protected override Task LoadChoicesAsync(CancellationToken ct) => Task.CompletedTask;

    // The service names fields "time.over"; the form's are Input.Over and Input.Under.
    protected override string FieldFor(string apiField) =>
        apiField.EndsWith(".under", StringComparison.Ordinal) ? "Input.Under" : apiField.Length == 0 ? string.Empty : "Input.Over";

    private async Task<bool> LoadAsync(string code, string dimension, CancellationToken ct)
    {
        if (await units.FindByCodeAsync(code, ct) is not { } unit
            || !Enum.GetValues<ToleranceDimension>().Any(d => EnumText.Of(d) == dimension))
        {
            return false;
        }

        Unit = unit;
        Measure = ToleranceMeasure.All.First(m => EnumText.Of(m.Dimension) == dimension);
        var view = await queries.ViewAsync(unit, ct);
        Current = view[Measure.Dimension];
        VersionNow = view.Version;
        CanSet = unit.IsOpen && await access.CanAsync(Measure.Area, PmoAction.Approve, unit.Path, ct);
        return true;
    }
}
