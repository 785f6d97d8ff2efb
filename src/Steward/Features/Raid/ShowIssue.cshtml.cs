using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Steward.Features.Access;
using Steward.Features.History;
using Steward.Features.Units;
using Steward.Infrastructure;

namespace Steward.Features.Raid;

// An issue's page: summary, the risk it came from, close, and history.
[Requires(PmoArea.Raid, PmoAction.Read)]
public sealed class ShowIssueModel(UnitQueries units, RaidQueries queries, RaidService raid, HistoryQueries history, AccessPolicy access) : PageModel
{
    public UnitView Unit { get; private set; } = default!;
    public IssueView Issue { get; private set; } = default!;
    public CursorPage<HistoryEntry> Events { get; private set; } = default!;
    public IReadOnlyDictionary<string, string> Names { get; private set; } = new Dictionary<string, string>();
    public bool CanEdit { get; private set; }
    public bool CanApprove { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, string reference, CancellationToken ct) =>
        await LoadAsync(code, reference, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostCloseAsync(string code, string reference, int version, CancellationToken ct)
    {
        if (!await LoadAsync(code, reference, ct))
        {
            return NotFound();
        }

        try
        {
            await raid.CloseIssueAsync(Issue.Id, version, ct);
            TempData["Notice"] = $"{Issue.Reference} has been closed";
            return Redirect($"/units/{Unit.Code}/issues/{Issue.Reference}");
        }
        catch (Exception e) when (e is StaleVersionException or RecordStateConflictException or ValidationException)
        {
            ModelState.AddModelError(string.Empty, e switch
            {
                StaleVersionException => $"{Issue.Reference} was changed by someone else a moment ago. Check it below and try again.",
                ValidationException invalid => invalid.Errors.First().ErrorMessage,
                _ => e.Message,
            });
            await LoadAsync(code, reference, ct);
            Response.StatusCode = e is ValidationException ? StatusCodes.Status400BadRequest : StatusCodes.Status409Conflict;
            return Page();
        }
    }

    private async Task<bool> LoadAsync(string code, string reference, CancellationToken ct)
    {
        if (await units.FindByCodeAsync(code, ct) is not { } unit)
        {
            return false;
        }

        Unit = unit;
        Issue = await queries.IssueAsync(unit, reference, ct);
        Events = await history.ListAsync(new HistoryFilter(RecordId: Issue.Id), ct);
        Names = await history.NamesAsync(Events.Items, ct);
        var open = Issue.Status != IssueStatus.Closed;
        CanEdit = open && await access.CanAsync(PmoArea.Raid, PmoAction.Contribute, unit.Path, ct);
        CanApprove = open && await access.CanAsync(PmoArea.Raid, PmoAction.Approve, unit.Path, ct);
        return true;
    }
}
