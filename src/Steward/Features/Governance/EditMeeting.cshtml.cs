using Microsoft.AspNetCore.Mvc;
using Steward.Data;
using Steward.Features.Access;
using Steward.Features.Units;

namespace Steward.Features.Governance;

// Rescheduling a meeting or changing its agenda: when, how long, where, what is on it. Who is invited,
// whether it was held and its minutes are the record page's, and stay as they are.
[Requires(PmoArea.Governance, PmoAction.Contribute)]
public sealed class EditMeetingModel(StewardDbContext db, UnitQueries units, GovernanceQueries queries, GovernanceService governance) : MeetingFormPage(db)
{
    public MeetingView Meeting { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(string code, Guid meeting, CancellationToken ct)
    {
        if (!await LoadAsync(code, meeting, ct))
        {
            return NotFound();
        }

        Input = MeetingForm.From(Meeting);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, Guid meeting, CancellationToken ct)
    {
        if (!await LoadAsync(code, meeting, ct))
        {
            return NotFound();
        }

        var input = new MeetingInput(ReadStart(), Input.DurationMinutes, Input.Location, MeetingForm.AgendaFrom(Input.Agenda, Meeting.Agenda),
            Status: Meeting.Status, Minutes: Meeting.Minutes);
        return await SubmitAsync(() => governance.CheckAsync(input, ct), async () =>
        {
            await governance.UpdateMeetingAsync(Meeting.Id, Input.Version, input, ct);
            TempData["Notice"] = "The meeting has been changed";
            return Redirect(GovernanceLinks.Meeting(Unit.Code, Meeting.Id));
        }, ct, onStale: async () =>
        {
            await LoadAsync(code, meeting, ct);
            ModelState.AddModelError(string.Empty, "Someone else changed this meeting a moment ago. Check it below, then save yours again.");
            Input.Version = Meeting.Version;
        });
    }

    // A held meeting moved to a time not yet come is refused on its status, which this form does not show.
    protected override string FieldFor(string apiField) => string.Equals(apiField, "status", StringComparison.OrdinalIgnoreCase) ? "Input.Date" : base.FieldFor(apiField);

    private async Task<bool> LoadAsync(string code, Guid meeting, CancellationToken ct)
    {
        if (await units.FindByCodeAsync(code, ct) is not { } unit)
        {
            return false;
        }

        Unit = unit;
        Meeting = await queries.MeetingAsync(unit, meeting, ct);
        return true;
    }
}
