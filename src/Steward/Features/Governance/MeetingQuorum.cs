namespace Steward.Features.Governance;

// Required: the board's quorum (null: none set). Present: the chair and members who attended, each counted once,
// with a deputy counting for the member they stood in for when that member did not come. Quorate: known once held.
public sealed record Quorum(int? Required, int Present, bool? Quorate);

public static class MeetingQuorum
{
    public static Quorum Of(int? required, MeetingStatus status, IEnumerable<AttendeeView> attendees)
    {
        var came = attendees.Where(a => a.Attendance == Attendance.Attended).ToList();
        var present = came.Where(a => a.Capacity == AttendeeCapacity.Member).Select(a => a.Person.Id).ToHashSet();
        foreach (var deputy in came.Where(a => a.Capacity == AttendeeCapacity.Deputy && a.DeputyFor is not null))
        {
            present.Add(deputy.DeputyFor!.Id);
        }

        return new Quorum(required, present.Count, required is { } needed && status == MeetingStatus.Held ? present.Count >= needed : null);
    }
}
