namespace Steward.Features.Governance;

// A board's fields. Members are people in the system; the chair sits on the board whether listed or not.
public sealed record BoardInput(string? Name, Guid? ChairId, BoardCadence? Cadence, string? TermsOfReference = null, IReadOnlyList<Guid>? MemberIds = null, int? Quorum = null);

// A meeting's fields, for arranging it and for recording it afterwards (status held, attendance, minutes).
// Attendees left out when arranging a meeting are the board's chair and members, invited.
public sealed record MeetingInput(
    DateTimeOffset? StartsAt,
    int? DurationMinutes = 60,
    string? Location = null,
    IReadOnlyList<AgendaItemInput>? Agenda = null,
    IReadOnlyList<AttendeeInput>? Attendees = null,
    MeetingStatus? Status = null,
    string? Minutes = null);

public sealed record AgendaItemInput(string? Title, Guid? PresenterId = null);

// Capacity left out: kept as it was for someone already listed; otherwise member for the chair and members, guest for anyone else.
// A deputy names the chair or member they stand in for.
public sealed record AttendeeInput(Guid? PersonId, Attendance? Attendance = null, AttendeeCapacity? Capacity = null, Guid? DeputyForId = null);

// A decision: by a board (at one of its meetings, or not) or by a person. Links are RAID references
// (R-0042, I-0007, A-0005, D-0003) in the unit's register.
public sealed record DecisionInput(
    string? Title,
    DateOnly? DecidedOn,
    string? Rationale = null,
    string? OptionsConsidered = null,
    Guid? BoardId = null,
    Guid? MeetingId = null,
    Guid? DecidedById = null,
    IReadOnlyList<string>? Links = null);

// An action. Its source (at most one of meeting, decision, risk, issue) is fixed when it is raised;
// status and progress are how it is followed up.
public sealed record ActionInput(
    string? Description,
    Guid? OwnerId,
    DateOnly? DueOn,
    Guid? MeetingId = null,
    string? Decision = null,
    string? Risk = null,
    string? Issue = null,
    ActionStatus? Status = null,
    string? Progress = null);
