using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Steward.Features.Access;
using Steward.Features.Units;
using Steward.Infrastructure;
using Steward.Infrastructure.GovUk;

namespace Steward.Features.Reporting;

// A unit's reporting: how it reports, its report due, its reports, the trend of its ratings, the DCA of
// the units below, and independent assessments.
[Requires(PmoArea.Reporting, PmoAction.Read)]
[PostRequires("Draft", PmoArea.Reporting, PmoAction.Contribute)]
[PostRequires("Independent", PmoArea.Assurance, PmoAction.Approve)]
public sealed class IndexModel(UnitQueries units, ReportQueries queries, StatusReportService service, IndependentAssessments assessments, AccessPolicy access) : PageModel
{
    public UnitView Unit { get; private set; } = default!;
    public ReportingCycleView Cycle { get; private set; } = default!;
    public IReadOnlyList<StatusReportSummary> Reports { get; private set; } = [];
    public ReportTrend Trend { get; private set; } = default!;
    public DcaDistribution? Distribution { get; private set; }
    public IReadOnlyList<IndependentDcaView> Independent { get; private set; } = [];
    public bool CanDraft { get; private set; }
    public bool CanSetCycle { get; private set; }
    public bool CanAssess { get; private set; }

    [BindProperty] public string? Period { get; set; }
    [BindProperty] public AssessmentForm Assessment { get; set; } = new();

    public sealed class AssessmentForm
    {
        public DateParts AssessedOn { get; set; } = new();
        public string? Source { get; set; }
        public string? Rating { get; set; }
        public string? Comment { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct) => await LoadAsync(code, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostDraftAsync(string code, CancellationToken ct)
    {
        if (!await LoadAsync(code, ct))
        {
            return NotFound();
        }

        try
        {
            var report = await service.DraftAsync(Unit.Id.ToString(), new DraftRequest(Period), ct);
            TempData["Notice"] = $"{report.Reference} has been drafted for {report.Period}, pre-filled from the registers";
            return Redirect(ReportingLinks.Edit(code, report.Reference));
        }
        catch (ValidationException invalid)
        {
            ModelState.AddModelError(nameof(Period), invalid.Errors.First().ErrorMessage);
            return await AgainAsync(code, StatusCodes.Status400BadRequest, ct);
        }
        catch (RecordStateConflictException conflict)
        {
            ModelState.AddModelError(nameof(Period), conflict.Message);
            return await AgainAsync(code, StatusCodes.Status409Conflict, ct);
        }
    }

    public async Task<IActionResult> OnPostIndependentAsync(string code, CancellationToken ct)
    {
        if (!await LoadAsync(code, ct))
        {
            return NotFound();
        }

        var on = Assessment.AssessedOn.Read("Date of the assessment", out var dateError);
        if (dateError is not null)
        {
            ModelState.AddModelError("Assessment.AssessedOn", dateError);
            return await AgainAsync(code, StatusCodes.Status400BadRequest, ct);
        }

        try
        {
            await assessments.RecordIndependentAsync(Unit.Id.ToString(), new IndependentDcaInput(on, Assessment.Source, Assessment.Rating, Assessment.Comment), ct);
            TempData["Notice"] = "The independent assessment has been recorded";
            return Redirect(ReportingLinks.Reports(code));
        }
        catch (ValidationException invalid)
        {
            foreach (var failure in invalid.Errors)
            {
                ModelState.AddModelError($"Assessment.{char.ToUpperInvariant(failure.PropertyName[0])}{failure.PropertyName[1..]}", failure.ErrorMessage);
            }

            return await AgainAsync(code, StatusCodes.Status400BadRequest, ct);
        }
    }

    private async Task<IActionResult> AgainAsync(string code, int status, CancellationToken ct)
    {
        await LoadAsync(code, ct);
        Response.StatusCode = status;
        return Page();
    }

    private async Task<bool> LoadAsync(string code, CancellationToken ct)
    {
        if (await units.FindByCodeAsync(code, ct) is not { } unit)
        {
            return false;
        }

        Unit = unit;
        Cycle = await queries.CycleAsync(unit, ct);
        Period ??= Cycle.LastEndedPeriod;
        Reports = await queries.ListAsync(unit, 24, ct);
        Trend = await queries.TrendAsync(unit, ReportQueries.TrendLength, ct);
        Distribution = unit.Kind is UnitKind.Project ? null : await queries.DistributionAsync(unit, 6, ct);
        Independent = await queries.IndependentAsync(unit, ct);
        var open = unit.Status is UnitStatus.Active or UnitStatus.Paused;
        CanDraft = open && await access.CanAsync(PmoArea.Reporting, PmoAction.Contribute, unit.Path, ct);
        CanSetCycle = unit.Status != UnitStatus.Archived && await access.CanAsync(PmoArea.Reporting, PmoAction.Approve, unit.Path, ct);
        CanAssess = open && await access.CanAsync(PmoArea.Assurance, PmoAction.Approve, unit.Path, ct);
        return true;
    }

    public IReadOnlyList<Microsoft.AspNetCore.Mvc.Rendering.SelectListItem> DcaChoices =>
        ReportForm.DcaChoices(EnumText.ParseOptional<DcaScale>("scale", Cycle.Scale) ?? DcaScale.ThreePoint);

    public static IReadOnlyList<Microsoft.AspNetCore.Mvc.Rendering.SelectListItem> Sources { get; } =
        [new("The IPA (now NISTA)", "ipa"), new("Departmental assurance", "departmental")];
}
