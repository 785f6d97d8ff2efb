namespace Steward.Features.History;

// Who is changing records in this scope and through which channel. The web host sets it per request;
// the command line sets it once. The actor names the signed-in person, or "anonymous" for a web request without one.
public sealed class ChangeContext
{
    public string Actor { get; set; } = "unknown";
    public string Channel { get; set; } = ChangeChannel.Job;
}
