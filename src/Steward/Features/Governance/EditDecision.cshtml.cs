using Microsoft.AspNetCore.Mvc;
using Steward.Data;
using Steward.Features.Access;
using Steward.Features.History;
using Steward.Features.Units;
using Steward.Infrastructure.Registers;

namespace Steward.Features.Governance;

// Correcting the log: the wording, rationale, options, date, who decided and the RAID items concerned.
[Requires(PmoArea.Governance, PmoAction.Contribute)]
public sealed class EditDecisionModel(
    StewardDbContext db, UnitQueries units, GovernanceQueries queries, GovernanceService governance, HistoryQueries history) : DecisionFormPage(db, units, queries)
{
    public DecisionView Decision { get; private set; } = default!;

    public Task<IActionResult> OnGetAsync(string code, string reference, CancellationToken ct) =>
        ShowFormAsync(() => OpenAsync(code, reference, ct), ct, () => Input = DecisionForm.From(Decision));

    public Task<IActionResult> OnPostAsync(string code, string reference, CancellationToken ct) =>
        SaveFormAsync(() => OpenAsync(code, reference, ct), ReadInput, governance.CheckAsync, async input =>
        {
            await governance.UpdateDecisionAsync(Decision.Id, Input.Version, input, ct);
            return new EntrySaved($"Your changes to {Decision.Reference} have been saved", GovernanceLinks.Decision(Unit.Code, Decision.Reference));
        }, ct, async () => KeepTyped(await history.ChangedWhileEditingAsync(Decision.Id, Decision.Reference, "the decision's page", ct), Decision.Version));

    private Task<bool> OpenAsync(string code, string reference, CancellationToken ct) =>
        OpenUnitAsync(code, async () =>
        {
            Decision = await Queries.DecisionAsync(Unit, reference, ct);
            AtMeeting = Decision.Meeting is { } meeting ? await Queries.MeetingAsync(Unit, meeting.Id, ct) : null;
            await LoadBoardsAsync(ct);
        }, ct);
}
