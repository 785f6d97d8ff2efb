using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Steward.Data;
using Steward.Features.Access;
using Steward.Features.Units;
using Steward.Infrastructure;
using Steward.Infrastructure.GovUk;

namespace Steward.Features.Governance;

// Arranging a board meeting: when (UK time), how long, where, and the agenda one item per line.
[Requires(PmoArea.Governance, PmoAction.Contribute)]
public sealed class NewMeetingModel(StewardDbContext db, UnitQueries units, GovernanceQueries queries, GovernanceService governance) : GovUkFormPage(db)
{
    [BindProperty]
    public MeetingForm Input { get; set; } = new();

    public UnitView Unit { get; private set; } = default!;
    public BoardView Board { get; private set; } = default!;

    public static readonly IReadOnlyList<string> FieldOrder = ["Input.Date", "Input.StartTime", "Input.DurationMinutes", "Input.Location", "Input.Agenda"];

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

    private DateTimeOffset? ReadStart()
    {
        var date = ReadDate(Input.Date, "Date", nameof(MeetingForm.Date));
        if (!TimeOnly.TryParseExact(Input.StartTime?.Trim(), ["H:mm", "HH:mm", "H.mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            ModelState.AddModelError("Input.StartTime", "Enter the start time as hours and minutes on the 24-hour clock, for example 14:30");
            return null;
        }

        return date is { } day ? UkFormat.FromLondon(day, time) : null;
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

    protected override string FieldFor(string apiField) => apiField switch
    {
        "startsAt" => "Input.Date",
        _ when apiField.StartsWith("agenda", StringComparison.Ordinal) => "Input.Agenda",
        _ => base.FieldFor(apiField),
    };
}

public sealed class MeetingForm
{
    public DateParts Date { get; set; } = new();
    public string? StartTime { get; set; }
    public int? DurationMinutes { get; set; } = 60;
    public string? Location { get; set; }
    public string? Agenda { get; set; }

    public static List<AgendaItemInput> AgendaFrom(string? text) =>
        (text ?? string.Empty).Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0).Select(line => new AgendaItemInput(line)).ToList();
}
