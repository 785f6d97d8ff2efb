using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Steward.Features.Access;
using Steward.Features.Units;
using Steward.Infrastructure;

namespace Steward.Features.Reporting;

// A status report: its words and ratings beside the figures it quotes (live while a draft, frozen once
// submitted), and the next step of its workflow for those who may take it.
[Requires(PmoArea.Reporting, PmoAction.Read)]
[PostRequires("Submit", PmoArea.Reporting, PmoAction.Contribute)]
[PostRequires("Correct", PmoArea.Reporting, PmoAction.Contribute)]
[PostRequires("Approve", PmoArea.Reporting, PmoAction.Approve)]
[PostRequires("Return", PmoArea.Reporting, PmoAction.Approve)]
public sealed class ShowModel(UnitQueries units, ReportQueries queries, StatusReportService service, AccessPolicy access, History.HistoryQueries history) : PageModel
{
    public CursorPage<History.HistoryEntry> Events { get; private set; } = default!;
    public IReadOnlyDictionary<string, string> Names { get; private set; } = new Dictionary<string, string>();

    public UnitView Unit { get; private set; } = default!;
    public StatusReportView Report { get; private set; } = default!;
    public bool CanWrite { get; private set; }
    public bool CanApprove { get; private set; }

    [BindProperty] public int Version { get; set; }
    [BindProperty] public string? Comment { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(string code, string reference, CancellationToken ct) =>
        await LoadAsync(code, reference, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostSubmitAsync(string code, string reference, CancellationToken ct) =>
        ActAsync(code, reference, () => service.SubmitAsync(Report.Id, Version, ct), $"{reference} has been submitted and its figures frozen", ct);

    public Task<IActionResult> OnPostApproveAsync(string code, string reference, CancellationToken ct) =>
        ActAsync(code, reference, () => service.ApproveAsync(Report.Id, Version, ct), $"{reference} has been approved", ct);

    public Task<IActionResult> OnPostReturnAsync(string code, string reference, CancellationToken ct) =>
        ActAsync(code, reference, () => service.ReturnAsync(Report.Id, Version, new ReturnRequest(Comment), ct), $"{reference} has been returned to its author", ct);

    public async Task<IActionResult> OnPostCorrectAsync(string code, string reference, CancellationToken ct)
    {
        StatusReport? correction = null;
        var result = await ActAsync(code, reference, async () => correction = await service.CorrectAsync(Report.Id, new CorrectionRequest(Reason), ct), string.Empty, ct);
        if (correction is null)
        {
            return result;
        }

        TempData["Notice"] = $"{correction.Reference} corrects {reference}: change what needs correcting, then submit it";
        return Redirect(ReportingLinks.Edit(code, correction.Reference));
    }

    private async Task<IActionResult> ActAsync(string code, string reference, Func<Task<StatusReport>> act, string notice, CancellationToken ct)
    {
        if (!await LoadAsync(code, reference, ct))
        {
            return NotFound();
        }

        int status;
        try
        {
            await act();
            if (notice.Length > 0)
            {
                TempData["Notice"] = notice;
                return Redirect(ReportingLinks.Report(code, reference));
            }

            return Page();
        }
        catch (ValidationException invalid)
        {
            foreach (var failure in invalid.Errors)
            {
                // What the form on this page names (a comment, a reason) is shown there; the rest say what to change in the report.
                var field = failure.PropertyName switch { "comment" => nameof(Comment), "reason" => nameof(Reason), _ => string.Empty };
                ModelState.AddModelError(field, field.Length == 0 ? $"{failure.ErrorMessage} (change the report)" : failure.ErrorMessage);
            }

            status = StatusCodes.Status400BadRequest;
        }
        catch (RecordStateConflictException conflict)
        {
            ModelState.AddModelError(string.Empty, conflict.Message);
            status = StatusCodes.Status409Conflict;
        }
        catch (StaleVersionException)
        {
            ModelState.AddModelError(string.Empty, $"{reference} has been changed by someone else since you opened it: read it again below, then try again");
            status = StatusCodes.Status409Conflict;
        }
        catch (AccessDeniedException denied)
        {
            ModelState.AddModelError(string.Empty, denied.Message);
            status = StatusCodes.Status403Forbidden;
        }

        await LoadAsync(code, reference, ct);
        Response.StatusCode = status;
        return Page();
    }

    private async Task<bool> LoadAsync(string code, string reference, CancellationToken ct)
    {
        if (await units.FindByCodeAsync(code, ct) is not { } unit)
        {
            return false;
        }

        Unit = unit;
        Report = await queries.ReportAsync(unit, reference, ct);
        var open = unit.Status != UnitStatus.Archived;
        CanWrite = open && await access.CanAsync(PmoArea.Reporting, PmoAction.Contribute, unit.Path, ct);
        CanApprove = open && await access.CanAsync(PmoArea.Reporting, PmoAction.Approve, unit.Path, ct);
        // Each step of its workflow (drafted, changed, submitted, approved or returned) as the history has it.
        Events = await history.ListAsync(new History.HistoryFilter(RecordId: Report.Id), ct);
        Names = await history.NamesAsync(Events.Items, ct);
        return true;
    }
}
