using Microsoft.AspNetCore.Mvc;
using Steward.Data;
using Steward.Features.Access;
using Steward.Features.History;
using Steward.Features.Units;

namespace Steward.Features.Governance;

// Correcting the log: the wording, rationale, options, date, who decided and the RAID items concerned.
[Requires(PmoArea.Governance, PmoAction.Contribute)]
public sealed class EditDecisionModel(
    StewardDbContext db, UnitQueries units, GovernanceQueries queries, GovernanceService governance, HistoryQueries history) : DecisionFormPage(db, queries)
{
    public DecisionView Decision { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(string code, string reference, CancellationToken ct)
    {
        if (!await LoadAsync(code, reference, ct))
        {
            return NotFound();
        }

        Input = DecisionForm.From(Decision);
        await LoadChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, string reference, CancellationToken ct)
    {
        if (!await LoadAsync(code, reference, ct))
        {
            return NotFound();
        }

        var input = ReadInput();
        return await SubmitAsync(() => governance.CheckAsync(input, ct), async () =>
        {
            await governance.UpdateDecisionAsync(Decision.Id, Input.Version, input, ct);
            TempData["Notice"] = $"Your changes to {Decision.Reference} have been saved";
            return Redirect(GovernanceLinks.Decision(Unit.Code, Decision.Reference));
        }, ct, async () =>
        {
            ModelState.AddModelError(string.Empty, await history.ChangedWhileEditingAsync(Decision.Id, Decision.Reference, "the decision's page", ct));
            ModelState.Remove("Input.Version");
            Input.Version = Decision.Version;
        });
    }

    private async Task<bool> LoadAsync(string code, string reference, CancellationToken ct)
    {
        if (await units.FindByCodeAsync(code, ct) is not { } unit)
        {
            return false;
        }

        Unit = unit;
        Decision = await Queries.DecisionAsync(unit, reference, ct);
        AtMeeting = Decision.Meeting is { } meeting ? await Queries.MeetingAsync(unit, meeting.Id, ct) : null;
        await LoadBoardsAsync(ct);
        return true;
    }
}
