namespace Steward.Features.History;

public static class HistoryAnnotations
{
    // On a property: record that it changed, never its values (password hashes, security stamps).
    public const string Hidden = "Steward:HistoryHidden";

    // On a property: never recorded, because it is worked out from other fields that are (a unit's path).
    public const string Derived = "Steward:HistoryDerived";

    // On a property: never recorded, because a digest of it that is recorded stands for it (a report
    // snapshot's compressed content): the chain covers the content without copying it.
    public const string CoveredByDigest = "Steward:HistoryCoveredByDigest";
}
