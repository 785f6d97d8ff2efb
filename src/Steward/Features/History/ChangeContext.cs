namespace Steward.Features.History;

// Who is changing records in this scope and through which channel. The web host sets it per request;
// the command line sets it once. Accounts will replace the placeholder actor with the signed-in person.
public sealed class ChangeContext
{
    public string Actor { get; set; } = "unknown";
    public string Channel { get; set; } = ChangeChannel.Job;
}
