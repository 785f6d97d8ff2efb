namespace Steward.Features.History;

public static class HistoryAnnotations
{
    // On a property: record that it changed, never its values (password hashes, security stamps).
    public const string Hidden = "Steward:HistoryHidden";
}
