namespace Steward.Features.Governance;

// How governance terms read on pages and in spreadsheets.
public static class GovernanceLabels
{
    public static string Of(BoardCadence cadence) => cadence == BoardCadence.AsNeeded ? "As needed" : cadence.ToString();

    public static string Of(ActionStatus status) => status == ActionStatus.InProgress ? "In progress" : status.ToString();

    public static string Of(MeetingStatus status) => status.ToString();

    public static string Of(Attendance attendance) => attendance.ToString();

    public static string Of(AttendeeView attendee) => attendee.Capacity switch
    {
        AttendeeCapacity.Deputy => attendee.DeputyFor is { } principal ? $"Deputy for {principal.Name}" : "Deputy",
        AttendeeCapacity.Member when attendee.IsChair => "Chair",
        _ => attendee.Capacity.ToString(),
    };

    public static string Of(Quorum quorum) => quorum.Required is not { } required ? "No quorum set for this board"
        : quorum.Quorate is not { } quorate ? $"{required} of the board needed; known once the meeting is recorded as held"
        : $"{(quorate ? "Quorate" : "Not quorate")}: {quorum.Present} of the board present (chair and members, or their deputies), {required} needed";

    public static string TagClass(ActionView action) => action.Overdue ? "govuk-tag--red" : action.Status switch
    {
        ActionStatus.Done => "govuk-tag--green",
        ActionStatus.Cancelled => "govuk-tag--grey",
        ActionStatus.InProgress => "govuk-tag--blue",
        _ => "govuk-tag--light-blue",
    };
}
