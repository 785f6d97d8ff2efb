namespace Steward.Features.History;

public static class HistoryAnnotations
{
    // On a property: record that it changed, never its values (password hashes, security stamps).
    public const string Hidden = "Steward:HistoryHidden";

    // On a property: never recorded, because it is worked out from other fields that are (a unit's path).
    public const string Derived = "Steward:HistoryDerived";
}
