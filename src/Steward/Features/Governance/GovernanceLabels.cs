namespace Steward.Features.Governance;

// How governance terms read on pages and in spreadsheets.
public static class GovernanceLabels
{
    public static string Of(BoardCadence cadence) => cadence == BoardCadence.AsNeeded ? "As needed" : cadence.ToString();

    public static string Of(ActionStatus status) => status == ActionStatus.InProgress ? "In progress" : status.ToString();

    public static string Of(MeetingStatus status) => status.ToString();

    public static string Of(Attendance attendance) => attendance.ToString();

    public static string TagClass(ActionView action) => action.Overdue ? "govuk-tag--red" : action.Status switch
    {
        ActionStatus.Done => "govuk-tag--green",
        ActionStatus.Cancelled => "govuk-tag--grey",
        ActionStatus.InProgress => "govuk-tag--blue",
        _ => "govuk-tag--light-blue",
    };
}
