using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Steward.Features.Access;
using Steward.Features.Units;
using Steward.Infrastructure;
using Steward.Infrastructure.GovUk;

namespace Steward.Features.Reporting.Exceptions;

// An exception: its evidence, the PRINCE2 exception report its unit's manager writes, and the board's decision.
[Requires(PmoArea.Reporting, PmoAction.Read)]
[PostRequires("Save", PmoArea.Reporting, PmoAction.Contribute)]
[PostRequires("Submit", PmoArea.Reporting, PmoAction.Contribute)]
[PostRequires("Decide", PmoArea.Governance, PmoAction.Contribute)]
public sealed class ShowModel(UnitQueries units, ExceptionQueries queries, ExceptionService service, AccessPolicy access) : PageModel
{
    public UnitView Unit { get; private set; } = default!;
    public ExceptionView Exception { get; private set; } = default!;
    public bool CanWrite { get; private set; }
    public bool CanDecide { get; private set; }

    [BindProperty] public ReportForm Input { get; set; } = new();
    [BindProperty] public string? Outcome { get; set; }
    [BindProperty] public DateParts DecidedOn { get; set; } = new();

    public sealed class ReportForm
    {
        public string? Cause { get; set; }
        public string? Consequences { get; set; }
        public string? Options { get; set; }
        public string? Recommendation { get; set; }
        public string? Lessons { get; set; }
        public int Version { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(string code, string reference, CancellationToken ct)
    {
        if (!await LoadAsync(code, reference, ct))
        {
            return NotFound();
        }

        var e = Exception;
        Input = new ReportForm { Cause = e.Cause, Consequences = e.Consequences, Options = e.Options, Recommendation = e.Recommendation, Lessons = e.Lessons, Version = e.Version };
        return Page();
    }

    public Task<IActionResult> OnPostSaveAsync(string code, string reference, CancellationToken ct) =>
        ActAsync(code, reference, () => service.UpdateReportAsync(Exception.Id, Input.Version,
            new ExceptionReportInput(Input.Cause, Input.Consequences, Input.Options, Input.Recommendation, Input.Lessons), ct), "The exception report has been saved", ct);

    public Task<IActionResult> OnPostSubmitAsync(string code, string reference, CancellationToken ct) =>
        ActAsync(code, reference, async () =>
        {
            // What was typed is saved first, so nothing is lost when something is still missing.
            var saved = await service.UpdateReportAsync(Exception.Id, Input.Version,
                new ExceptionReportInput(Input.Cause, Input.Consequences, Input.Options, Input.Recommendation, Input.Lessons), ct);
            return await service.SubmitAsync(Exception.Id, saved.Version, ct);
        }, $"{reference} has gone to the board", ct);

    public Task<IActionResult> OnPostDecideAsync(string code, string reference, CancellationToken ct)
    {
        var on = DecidedOn.Read("Date decided", out var error);
        if (error is not null)
        {
            ModelState.AddModelError(nameof(DecidedOn), error);
        }

        return ActAsync(code, reference, () => service.DecideAsync(Exception.Id, Input.Version, new ExceptionDecisionInput(Outcome, on), ct), $"The board's decision on {reference} has been recorded", ct);
    }

    private async Task<IActionResult> ActAsync(string code, string reference, Func<Task<ExceptionReport>> act, string notice, CancellationToken ct)
    {
        if (!await LoadAsync(code, reference, ct))
        {
            return NotFound();
        }

        var status = StatusCodes.Status400BadRequest;
        if (ModelState.ErrorCount == 0)
        {
            try
            {
                await act();
                TempData["Notice"] = notice;
                return Redirect(ExceptionLinks.Exception(code, reference));
            }
            catch (ValidationException invalid)
            {
                // What was typed was saved before the check: the form carries on from the version saved.
                Exception = await queries.ExceptionAsync(Unit, reference, ct);
                Input.Version = Exception.Version;
                ModelState.Remove("Input.Version");
                foreach (var failure in invalid.Errors)
                {
                    ModelState.AddModelError(failure.PropertyName == "outcome" ? nameof(Outcome) : $"Input.{char.ToUpperInvariant(failure.PropertyName[0])}{failure.PropertyName[1..]}", failure.ErrorMessage);
                }
            }
            catch (RecordStateConflictException conflict)
            {
                ModelState.AddModelError(string.Empty, conflict.Message);
                status = StatusCodes.Status409Conflict;
            }
            catch (StaleVersionException)
            {
                ModelState.AddModelError(string.Empty, $"{reference} has been changed by someone else since you opened it: what you typed is kept; save again to replace their change");
                Exception = await queries.ExceptionAsync(Unit, reference, ct);
                Input.Version = Exception.Version;
                ModelState.Remove("Input.Version");
                status = StatusCodes.Status409Conflict;
            }
            catch (AccessDeniedException denied)
            {
                ModelState.AddModelError(string.Empty, denied.Message);
                status = StatusCodes.Status403Forbidden;
            }
        }

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
        Exception = await queries.ExceptionAsync(unit, reference, ct);
        CanWrite = Exception.State == "open" && unit.Status != UnitStatus.Archived && await access.CanAsync(PmoArea.Reporting, PmoAction.Contribute, unit.Path, ct);
        var board = await units.FindByCodeAsync(Exception.RaisedTo.Code, ct);
        CanDecide = Exception.State == "with-board" && board is not null && await access.CanAsync(PmoArea.Governance, PmoAction.Contribute, board.Path, ct);
        return true;
    }
}
