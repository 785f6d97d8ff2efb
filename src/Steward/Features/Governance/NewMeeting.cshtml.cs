using Microsoft.AspNetCore.Mvc;
using Steward.Data;
using Steward.Features.Access;
using Steward.Features.Units;
using Steward.Infrastructure.Registers;

namespace Steward.Features.Governance;

// Arranging a board meeting: when (UK time), how long, where, and the agenda one item per line.
[Requires(PmoArea.Governance, PmoAction.Contribute)]
public sealed class NewMeetingModel(StewardDbContext db, UnitQueries units, GovernanceQueries queries, GovernanceService governance) : MeetingFormPage(db, units)
{
    public BoardView Board { get; private set; } = default!;

    public Task<IActionResult> OnGetAsync(string code, Guid board, CancellationToken ct) => ShowFormAsync(() => OpenAsync(code, board, ct), ct);

    public Task<IActionResult> OnPostAsync(string code, Guid board, CancellationToken ct) =>
        SaveFormAsync(() => OpenAsync(code, board, ct), () => new MeetingInput(ReadStart(), Input.DurationMinutes, Input.Location, MeetingForm.AgendaFrom(Input.Agenda)),
            governance.CheckAsync, async input =>
            {
                var meeting = await governance.ArrangeMeetingAsync(Board.Id, input, ct);
                return new EntrySaved("The meeting has been arranged", GovernanceLinks.Meeting(Unit.Code, meeting.Id));
            }, ct);

    private Task<bool> OpenAsync(string code, Guid board, CancellationToken ct) =>
        OpenUnitAsync(code, async () => Board = await queries.BoardAsync(Unit, board, ct), ct);
}
