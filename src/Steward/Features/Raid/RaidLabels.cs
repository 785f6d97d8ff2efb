namespace Steward.Features.Raid;

// Words for the RAID log's values, as pages show them.
public static class RaidLabels
{
    // The default 5 × 5 scale. Portfolios will be able to rename the levels (not yet built).
    public static readonly IReadOnlyList<string> LikelihoodLevels = ["Rare", "Unlikely", "Possible", "Likely", "Almost certain"];
    public static readonly IReadOnlyList<string> ImpactLevels = ["Negligible", "Minor", "Moderate", "Major", "Severe"];

    public static string Likelihood(int level) => $"{level} {LikelihoodLevels[level - 1]}";

    public static string Impact(int level) => $"{level} {ImpactLevels[level - 1]}";

    // The usual banding of a 5 × 5 score, named so the band is never told by colour alone.
    public static string Band(int score) => score switch
    {
        >= 15 => "Very high",
        >= 10 => "High",
        >= 5 => "Medium",
        _ => "Low",
    };

    public static string BandClass(int score) => "steward-heat-map__cell--" + Band(score).ToLowerInvariant().Replace(' ', '-');

    public static string Of(RiskStatus status) => status.ToString();

    public static string Of(IssueStatus status) => status.ToString();

    // What the reason kept beside an entry's status answers, for its page.
    public static string ReasonFor(RiskStatus status) => status switch
    {
        RiskStatus.Closed => "Why it was closed",
        RiskStatus.Realised => "What happened",
        _ => "Why it was reopened",
    };

    public static string ReasonFor(IssueStatus status) => status == IssueStatus.Closed ? "Why it was closed" : "Why it was reopened";

    public static string ReasonFor(AssumptionStatus status) => status switch
    {
        AssumptionStatus.Validated => "How it was confirmed",
        AssumptionStatus.Invalid => "What proved it wrong",
        _ => "Why it was reopened",
    };

    public static string ReasonFor(DependencyStatus status) => status switch
    {
        DependencyStatus.Delivered => "What was delivered",
        DependencyStatus.Broken => "Why it will not come",
        _ => "Why it was reopened",
    };

    public static string Of(IssuePriority priority) => priority.ToString();

    public static string Of(DependencyStatus status) => status == DependencyStatus.AtRisk ? "At risk" : status.ToString();

    public static string Of(RiskResponse? response) => response?.ToString() ?? "Not chosen";

    public static string TagClass(RiskStatus status) => status switch
    {
        RiskStatus.Open => "govuk-tag--blue",
        RiskStatus.Realised => "govuk-tag--red",
        _ => "govuk-tag--grey",
    };

    public static string TagClass(IssuePriority priority) => priority switch
    {
        IssuePriority.Critical => "govuk-tag--red",
        IssuePriority.High => "govuk-tag--orange",
        IssuePriority.Medium => "govuk-tag--yellow",
        _ => "govuk-tag--grey",
    };

    public static string TagClass(int score) => score switch
    {
        >= 15 => "govuk-tag--red",
        >= 10 => "govuk-tag--orange",
        >= 5 => "govuk-tag--yellow",
        _ => "govuk-tag--green",
    };
}
