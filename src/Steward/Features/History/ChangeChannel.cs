namespace Steward.Features.History;

// Through which door a change came in.
public static class ChangeChannel
{
    public const string Web = "web";
    public const string Api = "api";
    public const string Cli = "cli";
    public const string Import = "import";
    public const string Job = "job";
}
