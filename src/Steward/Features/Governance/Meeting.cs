using Steward.Features.People;
using Steward.Infrastructure;

namespace Steward.Features.Governance;

// One sitting of a board: when and where, who came, what was on the agenda, and the minutes.
public sealed class Meeting : IVersionedRecord
{
    public const int LocationMaxLength = 200;
    public const int MinutesMaxLength = 50_000;

    public Guid Id { get; set; }
    public Guid BoardId { get; set; }
    public Board? Board { get; set; }

    public DateTime StartsAt { get; set; }
    public int DurationMinutes { get; set; }
    public string? Location { get; set; }
    public MeetingStatus Status { get; set; }
    public string? Minutes { get; set; }

    public List<MeetingAttendee> Attendees { get; set; } = [];
    public List<AgendaItem> Agenda { get; set; } = [];

    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

public sealed class MeetingAttendee
{
    public Guid Id { get; set; }
    public Guid MeetingId { get; set; }
    public Guid PersonId { get; set; }
    public Person? Person { get; set; }
    public Attendance Attendance { get; set; }

    // In what capacity they are there: a seat on the board, standing in for someone who has one, or not a member.
    public AttendeeCapacity Capacity { get; set; }
    public Guid? DeputyForId { get; set; }
    public Person? DeputyFor { get; set; }
}

public enum AttendeeCapacity
{
    Member,
    Deputy,
    Guest,
    Secretariat,
}

public sealed class AgendaItem
{
    public const int TitleMaxLength = 300;

    public Guid Id { get; set; }
    public Guid MeetingId { get; set; }
    public int Position { get; set; }
    public required string Title { get; set; }
    public Guid? PresenterId { get; set; }
    public Person? Presenter { get; set; }
}

public enum MeetingStatus
{
    Planned,
    Held,
    Cancelled,
}

public enum Attendance
{
    Invited,
    Attended,
    Apologies,
}
