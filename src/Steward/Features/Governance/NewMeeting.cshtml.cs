using Microsoft.AspNetCore.Mvc;
using Steward.Data;
using Steward.Features.Access;
using Steward.Features.Units;

namespace Steward.Features.Governance;

// Arranging a board meeting: when (UK time), how long, where, and the agenda one item per line.
[Requires(PmoArea.Governance, PmoAction.Contribute)]
public sealed class NewMeetingModel(StewardDbContext db, UnitQueries units, GovernanceQueries queries, GovernanceService governance) : MeetingFormPage(db)
{
    public BoardView Board { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(string code, Guid board, CancellationToken ct)
    {
        if (!await LoadAsync(code, board, ct))
        {
            return NotFound();
        }

        await LoadChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, Guid board, CancellationToken ct)
    {
        if (!await LoadAsync(code, board, ct))
        {
            return NotFound();
        }

        var input = new MeetingInput(ReadStart(), Input.DurationMinutes, Input.Location, MeetingForm.AgendaFrom(Input.Agenda));
        return await SubmitAsync(() => governance.CheckAsync(input, ct), async () =>
        {
            var meeting = await governance.ArrangeMeetingAsync(Board.Id, input, ct);
            TempData["Notice"] = $"The meeting has been arranged";
            return Redirect(GovernanceLinks.Meeting(Unit.Code, meeting.Id));
        }, ct);
    }

    private async Task<bool> LoadAsync(string code, Guid board, CancellationToken ct)
    {
        if (await units.FindByCodeAsync(code, ct) is not { } unit)
        {
            return false;
        }

        Unit = unit;
        Board = await queries.BoardAsync(unit, board, ct);
        return true;
    }
}
