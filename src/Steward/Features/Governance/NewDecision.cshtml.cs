using Microsoft.AspNetCore.Mvc;
using Steward.Data;
using Steward.Features.Access;
using Steward.Features.Units;
using Steward.Infrastructure.GovUk;

namespace Steward.Features.Governance;

// Recording a decision in the log: from a meeting's page (the board and meeting are then known), or
// directly, naming the board or the person who decided.
[Requires(PmoArea.Governance, PmoAction.Contribute)]
public sealed class NewDecisionModel(StewardDbContext db, UnitQueries units, GovernanceQueries queries, GovernanceService governance)
    : DecisionFormPage(db, queries)
{
    [BindProperty(SupportsGet = true)]
    public Guid? Meeting { get; set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        if (!await LoadAsync(code, ct))
        {
            return NotFound();
        }

        if (AtMeeting is { } meeting)
        {
            Input.DecidedOn = DateParts.From(DateOnly.FromDateTime(Infrastructure.UkFormat.ToLondon(meeting.StartsAt)));
        }

        await LoadChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken ct)
    {
        if (!await LoadAsync(code, ct))
        {
            return NotFound();
        }

        var input = ReadInput();
        return await SubmitAsync(() => governance.CheckAsync(input, ct), async () =>
        {
            var decision = await governance.RecordDecisionAsync(Unit.Id.ToString(), input, ct);
            TempData["Notice"] = $"Decision {decision.Reference} has been recorded";
            return Redirect(GovernanceLinks.Decision(Unit.Code, decision.Reference));
        }, ct);
    }

    private async Task<bool> LoadAsync(string code, CancellationToken ct)
    {
        if (await units.FindByCodeAsync(code, ct) is not { } unit)
        {
            return false;
        }

        Unit = unit;
        AtMeeting = Meeting is { } id ? await Queries.MeetingAsync(unit, id, ct) : null;
        await LoadBoardsAsync(ct);
        return true;
    }
}
