using Steward.Infrastructure.Registers;
using static Steward.Infrastructure.Registers.PageLink;

namespace Steward.Features.Governance;

// The addresses of the governance pages. unit: the unit's code.
[PageLinks]
public static class GovernanceLinks
{
    // fragment: the section to open at (actions, decisions); query: the actions log's filters.
    public static string Index(string unit, string? query = null, string? fragment = null) =>
        $"/units/{Segment(unit)}/governance" + (query is null ? string.Empty : "?" + query) + (fragment is null ? string.Empty : "#" + fragment);

    public static string Calendar(string unit) => $"/units/{Segment(unit)}/calendar";

    public static string Board(string unit, Guid board) => $"/units/{Segment(unit)}/boards/{board}";

    public static string EditBoard(string unit, Guid board) => $"{Board(unit, board)}/edit";

    public static string NewBoard(string unit) => $"/units/{Segment(unit)}/boards/new";

    public static string NewMeeting(string unit, Guid board) => $"{Board(unit, board)}/meetings/new";

    public static string Meeting(string unit, Guid meeting) => $"/units/{Segment(unit)}/meetings/{meeting}";

    public static string RecordMeeting(string unit, Guid meeting) => $"{Meeting(unit, meeting)}/record";

    public static string EditMeeting(string unit, Guid meeting) => $"{Meeting(unit, meeting)}/edit";

    public static string Decision(string unit, string reference) => $"/units/{Segment(unit)}/decisions/{Segment(reference)}";

    public static string EditDecision(string unit, string reference) => $"{Decision(unit, reference)}/edit";

    // query: where it was decided (meeting=...).
    public static string NewDecision(string unit, string? query = null) => $"/units/{Segment(unit)}/decisions/new" + (query is null ? string.Empty : "?" + query);

    public static string Action(string unit, string reference) => $"/units/{Segment(unit)}/actions/{Segment(reference)}";

    // query: where it comes from (meeting=..., decision=DEC-0007, risk=R-0042).
    public static string NewAction(string unit, string? query = null) => $"/units/{Segment(unit)}/actions/new" + (query is null ? string.Empty : "?" + query);
}
