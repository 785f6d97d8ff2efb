using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Steward.Data;
using Steward.Features.Access;
using Steward.Features.Units;
using Steward.Infrastructure;
using Steward.Infrastructure.GovUk;

namespace Steward.Features.Governance;

// After the meeting: whether it was held, who attended or sent apologies, and the minutes.
[Requires(PmoArea.Governance, PmoAction.Contribute)]
public sealed class RecordMeetingModel(StewardDbContext db, UnitQueries units, GovernanceQueries queries, GovernanceService governance, TimeProvider clock) : GovUkFormPage(db)
{
    [BindProperty]
    public RecordForm Input { get; set; } = new();

    public UnitView Unit { get; private set; } = default!;
    public MeetingView Meeting { get; private set; } = default!;

    public static readonly IReadOnlyList<string> FieldOrder = ["Input.Status", "Input.Attendance", "Input.AddPersonId", "Input.AddCapacity", "Input.AddDeputyForId", "Input.Minutes"];

    // Someone not invited who came: a guest, the secretariat, or a deputy for the chair or a member.
    public static IEnumerable<SelectListItem> Capacities =>
    [
        new(nameof(AttendeeCapacity.Guest), nameof(AttendeeCapacity.Guest)),
        new("Deputy for the chair or a member", nameof(AttendeeCapacity.Deputy)),
        new(nameof(AttendeeCapacity.Secretariat), nameof(AttendeeCapacity.Secretariat)),
    ];

    public IEnumerable<SelectListItem> Seats =>
        Meeting.Attendees.Where(a => a.Capacity == AttendeeCapacity.Member).Select(a => new SelectListItem(a.Person.Name, a.Person.Id.ToString()));

    public static IEnumerable<SelectListItem> Statuses =>
    [
        new("Planned|Not held yet", nameof(MeetingStatus.Planned)),
        new("Held", nameof(MeetingStatus.Held)),
        new("Cancelled", nameof(MeetingStatus.Cancelled)),
    ];

    public async Task<IActionResult> OnGetAsync(string code, Guid meeting, CancellationToken ct)
    {
        if (!await LoadAsync(code, meeting, ct))
        {
            return NotFound();
        }

        Input = new RecordForm
        {
            // "Held" is offered already chosen once the meeting has started; before then it could not be saved.
            Status = Meeting.Status == MeetingStatus.Planned && Meeting.StartsAt <= clock.GetUtcNow().UtcDateTime ? MeetingStatus.Held : Meeting.Status,
            Minutes = Meeting.Minutes,
            Attendance = Meeting.Attendees.ToDictionary(a => a.Person.Id, a => a.Attendance),
            Version = Meeting.Version,
        };
        await LoadChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, Guid meeting, CancellationToken ct)
    {
        if (!await LoadAsync(code, meeting, ct))
        {
            return NotFound();
        }

        var attendees = Meeting.Attendees.Where(a => !Input.Remove.Contains(a.Person.Id))
            .Select(a => new AttendeeInput(a.Person.Id, Input.Attendance.GetValueOrDefault(a.Person.Id, a.Attendance))).ToList();
        if (Input.AddPersonId is { } added)
        {
            var capacity = Input.AddCapacity ?? AttendeeCapacity.Guest;
            attendees.Add(new AttendeeInput(added, Attendance.Attended, capacity, capacity == AttendeeCapacity.Deputy ? Input.AddDeputyForId : null));
        }

        var input = new MeetingInput(new DateTimeOffset(Meeting.StartsAt, TimeSpan.Zero), Meeting.DurationMinutes, Meeting.Location, null, attendees, Input.Status, Input.Minutes);
        return await SubmitAsync(() => governance.CheckAsync(input, ct), async () =>
        {
            await governance.UpdateMeetingAsync(Meeting.Id, Input.Version, input, ct);
            var next = Input.Status == MeetingStatus.Held && Meeting.Status != MeetingStatus.Held ? (await queries.BoardAsync(Unit, Meeting.Board.Id, ct)).NextMeeting : null;
            TempData["Notice"] = next is { } at
                ? $"The meeting has been recorded. The board's next meeting is on {UkFormat.Date(UkFormat.ToLondon(at))}"
                : "The meeting has been recorded";
            return Redirect(GovernanceLinks.Meeting(Unit.Code, Meeting.Id));
        }, ct, onStale: async () =>
        {
            await LoadAsync(code, meeting, ct);
            ModelState.AddModelError(string.Empty, "Someone else recorded this meeting a moment ago. Check what they saved below, then save yours again.");
            Input.Version = Meeting.Version;
        });
    }

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

    // Attendance problems (listed twice, a deputy for nobody) are about the person being added.
    protected override string FieldFor(string apiField) =>
        string.Equals(apiField, "attendees", StringComparison.OrdinalIgnoreCase) ? (Input.AddCapacity == AttendeeCapacity.Deputy ? "Input.AddDeputyForId" : "Input.AddPersonId")
        : base.FieldFor(apiField);
}

public sealed class RecordForm
{
    public MeetingStatus? Status { get; set; }
    public Dictionary<Guid, Attendance> Attendance { get; set; } = [];
    public List<Guid> Remove { get; set; } = [];
    public Guid? AddPersonId { get; set; }
    public AttendeeCapacity? AddCapacity { get; set; }
    public Guid? AddDeputyForId { get; set; }
    public string? Minutes { get; set; }
    public int Version { get; set; }
}
