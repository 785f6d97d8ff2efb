using Microsoft.AspNetCore.Mvc;
using Steward.Data;
using Steward.Features.Access;
using Steward.Features.Units;
using Steward.Infrastructure.GovUk;
using Steward.Infrastructure.Registers;

namespace Steward.Features.Governance;

// Recording a decision in the log: from a meeting's page (the board and meeting are then known), or
// directly, naming the board or the person who decided.
[Requires(PmoArea.Governance, PmoAction.Contribute)]
public sealed class NewDecisionModel(StewardDbContext db, UnitQueries units, GovernanceQueries queries, GovernanceService governance)
    : DecisionFormPage(db, units, queries)
{
    [BindProperty(SupportsGet = true)]
    public Guid? Meeting { get; set; }

    // Decided at a meeting: on the day it was held, unless the form says otherwise.
    public Task<IActionResult> OnGetAsync(string code, CancellationToken ct) =>
        ShowFormAsync(() => OpenAsync(code, ct), ct, () =>
        {
            if (AtMeeting is { } meeting)
            {
                Input.DecidedOn = DateParts.From(DateOnly.FromDateTime(Infrastructure.UkFormat.ToLondon(meeting.StartsAt)));
            }
        });

    public Task<IActionResult> OnPostAsync(string code, CancellationToken ct) =>
        SaveFormAsync(() => OpenAsync(code, ct), ReadInput, governance.CheckAsync, async input =>
        {
            var decision = await governance.RecordDecisionAsync(Unit.Id.ToString(), input, ct);
            return new EntrySaved($"Decision {decision.Reference} has been recorded", GovernanceLinks.Decision(Unit.Code, decision.Reference));
        }, ct);

    private Task<bool> OpenAsync(string code, CancellationToken ct) =>
        OpenUnitAsync(code, async () =>
        {
            AtMeeting = Meeting is { } id ? await Queries.MeetingAsync(Unit, id, ct) : null;
            await LoadBoardsAsync(ct);
        }, ct);
}
