namespace Steward.Features.Governance;

// Marking an action done or cancelled, or reopening one, is a step a board will ask about: it takes a
// note (a new progress update, dated, kept with the action) saying what was done, or why. Moving between
// open and in progress needs none.
public static class ActionStatusNote
{
    // What to say when the step needs a note and none new was given; null when it needs none or has one.
    public static string? Missing(ActionStatus from, ActionStatus to, string? progress, string? latest)
    {
        if (from == to || !string.IsNullOrWhiteSpace(progress) && progress != latest)
        {
            return null;
        }

        return to switch
        {
            ActionStatus.Done => "Say what was done to complete the action, as a progress update",
            ActionStatus.Cancelled => "Say why the action is being cancelled, as a progress update",
            _ when from is ActionStatus.Done or ActionStatus.Cancelled => "Say why the action is being reopened, as a progress update",
            _ => null,
        };
    }
}
