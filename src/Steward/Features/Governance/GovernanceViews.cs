using Steward.Features.People;
using Steward.Features.Units;
using Steward.Infrastructure.Registers;

namespace Steward.Features.Governance;

public sealed record BoardRef(Guid Id, string Name, string UnitCode);

public sealed record BoardView(
    Guid Id, UnitRef Unit, string Name, PersonRef Chair, IReadOnlyList<PersonRef> Members, string? TermsOfReference, BoardCadence Cadence,
    DateTime? NextMeeting, int Version, DateTime CreatedAt, DateTime UpdatedAt) : IVersionedView
{
    public int? Quorum { get; init; }
}

public sealed record MeetingSummary(Guid Id, BoardRef Board, DateTime StartsAt, DateTime EndsAt, string? Location, MeetingStatus Status);

public sealed record AgendaItemView(int Position, string Title, PersonRef? Presenter);

public sealed record AttendeeView(PersonRef Person, Attendance Attendance, AttendeeCapacity Capacity, PersonRef? DeputyFor, bool IsChair);

public sealed record MeetingView(
    Guid Id, BoardRef Board, DateTime StartsAt, DateTime EndsAt, int DurationMinutes, string? Location, MeetingStatus Status,
    IReadOnlyList<AgendaItemView> Agenda, IReadOnlyList<AttendeeView> Attendees, string? Minutes,
    IReadOnlyList<DecisionSummary> Decisions, IReadOnlyList<ActionView> Actions, int Version, DateTime CreatedAt, DateTime UpdatedAt) : IVersionedView
{
    // Whether enough of the board was there to decide: the board's quorum against this meeting's attendance.
    public Quorum Quorum { get; init; } = new(null, 0, null);
}

public sealed record DecisionSummary(Guid Id, string Reference, UnitRef Unit, string Title, DateOnly DecidedOn, BoardRef? Board, PersonRef? DecidedBy);

public sealed record DecisionView(
    Guid Id, string Reference, UnitRef Unit, string Title, string? Rationale, string? OptionsConsidered, DateOnly DecidedOn,
    BoardRef? Board, MeetingSummary? Meeting, PersonRef? DecidedBy, IReadOnlyList<RaidLink> Links, IReadOnlyList<ActionView> Actions,
    int Version, DateTime CreatedAt, DateTime UpdatedAt) : IEntryView;

// A RAID item a decision concerns, and the unit whose register holds it.
public sealed record RaidLink(string Reference, string UnitCode)
{
    public string Page => $"/units/{UnitCode}/{(Reference[..2]) switch { "R-" => "risks", "I-" => "issues", "A-" => "assumptions", _ => "dependencies" }}/{Reference}";
}

// Where an action came from: kind is meeting, decision, risk or issue; label is what a person reads
// ("R-0042", "Programme board, 3 March 2027"); page is where it is shown.
public sealed record ActionSource(string Kind, string Label, string Page);

public sealed record ActionView(
    Guid Id, string Reference, UnitRef Unit, string Description, PersonRef Owner, DateOnly DueOn, ActionStatus Status, bool Overdue,
    DateOnly? CompletedOn, string? Progress, ActionSource? Source, int Version, DateTime CreatedAt, DateTime UpdatedAt) : IEntryView;

public sealed record ActionFilter(
    ActionStatus? Status = null, bool AllStatuses = false, Guid? OwnerId = null, bool Overdue = false, string? Risk = null, string? Issue = null,
    string? UnitCode = null, DateOnly? DueFrom = null, DateOnly? DueTo = null);

public sealed record CalendarFeedView(Guid Id, UnitRef Unit, string Prefix, DateTime CreatedAt, DateTime? RevokedAt);

// A feed just created: the only time its address is shown.
public sealed record NewCalendarFeed(Guid Id, string Url, string Prefix);
