using Microsoft.AspNetCore.Mvc;
using Steward.Data;
using Steward.Features.Access;
using Steward.Features.Units;
using Steward.Infrastructure.Registers;

namespace Steward.Features.Governance;

// Rescheduling a meeting or changing its agenda: when, how long, where, what is on it. Who is invited,
// whether it was held and its minutes are the record page's, and stay as they are.
[Requires(PmoArea.Governance, PmoAction.Contribute)]
public sealed class EditMeetingModel(StewardDbContext db, UnitQueries units, GovernanceQueries queries, GovernanceService governance) : MeetingFormPage(db, units)
{
    public MeetingView Meeting { get; private set; } = default!;

    public Task<IActionResult> OnGetAsync(string code, Guid meeting, CancellationToken ct) =>
        ShowFormAsync(() => OpenAsync(code, meeting, ct), ct, () => Input = MeetingForm.From(Meeting));

    public Task<IActionResult> OnPostAsync(string code, Guid meeting, CancellationToken ct) =>
        SaveFormAsync(() => OpenAsync(code, meeting, ct),
            () => new MeetingInput(ReadStart(), Input.DurationMinutes, Input.Location, MeetingForm.AgendaFrom(Input.Agenda, Meeting.Agenda),
                Status: Meeting.Status, Minutes: Meeting.Minutes),
            governance.CheckAsync, async input =>
            {
                await governance.UpdateMeetingAsync(Meeting.Id, Input.Version, input, ct);
                return new EntrySaved("The meeting has been changed", GovernanceLinks.Meeting(Unit.Code, Meeting.Id));
            }, ct, async () =>
            {
                // The page shows the meeting as it now is above what was typed.
                await OpenAsync(code, meeting, ct);
                KeepTyped("Someone else changed this meeting a moment ago. Check it below, then save yours again.", Meeting.Version);
            });

    // A held meeting moved to a time not yet come is refused on its status, which this form does not show.
    protected override string FieldFor(string apiField) => string.Equals(apiField, "status", StringComparison.OrdinalIgnoreCase) ? "Input.Date" : base.FieldFor(apiField);

    private Task<bool> OpenAsync(string code, Guid meeting, CancellationToken ct) =>
        OpenUnitAsync(code, async () => Meeting = await queries.MeetingAsync(Unit, meeting, ct), ct);
}
