using Steward.Features.Access;

namespace Steward.Features.Tolerances;

// What a unit may deviate on before it must go to the level above (PRINCE2's six tolerances, plus the
// two RAID measures that escalate items: the priority of an issue and the lateness of a dependency).
public enum ToleranceDimension
{
    Time,
    Cost,
    Scope,
    Quality,
    Benefits,
    Risk,
    Issues,
    Dependencies,
}

// How a dimension is measured and who may set it. Over is a deviation above plan (later, dearer, a
// higher score); Under is one below it (earlier, cheaper, fewer benefits). A value beyond the limit
// breaches: a limit of 10 holds 10 and is breached by 10.5.
public sealed record ToleranceMeasure(
    ToleranceDimension Dimension,
    string Label,
    string Quantity,
    string OverMeans,
    string? UnderMeans,
    decimal Maximum,
    PmoArea Area,
    bool Whole)
{
    public bool HasUnder => UnderMeans is not null;

    public string Describe(decimal limit) => Dimension switch
    {
        ToleranceDimension.Risk => $"scores up to {limit:0}",
        ToleranceDimension.Issues => $"priority up to {IssueSeverity.Name((int)limit).ToLowerInvariant()}",
        _ => $"{limit:0.##} {Quantity}",
    };

    public static readonly IReadOnlyList<ToleranceMeasure> All =
    [
        new(ToleranceDimension.Time, "Time", "working days", "later than planned", "earlier than planned", 1000, PmoArea.Change, true),
        new(ToleranceDimension.Cost, "Cost", "% of budget", "over budget", "under budget", 1000, PmoArea.Change, false),
        new(ToleranceDimension.Scope, "Scope", "% of agreed scope", "more scope than agreed", "less scope than agreed", 1000, PmoArea.Change, false),
        new(ToleranceDimension.Quality, "Quality", "% of quality criteria", "more quality criteria missed than agreed", null, 100, PmoArea.Change, false),
        new(ToleranceDimension.Benefits, "Benefits", "% of forecast benefits", "more benefits than forecast", "fewer benefits than forecast", 1000, PmoArea.Change, false),
        new(ToleranceDimension.Risk, "Risk", "risk score (likelihood × impact)", "an open threat scoring higher", null, 25, PmoArea.Raid, true),
        new(ToleranceDimension.Issues, "Issues", "issue priority", "an open issue of higher priority", null, IssueSeverity.Critical, PmoArea.Raid, true),
        new(ToleranceDimension.Dependencies, "Dependencies", "working days late", "a dependency committed later than it is needed", null, 260, PmoArea.Raid, true),
    ];

    public static ToleranceMeasure Of(ToleranceDimension dimension) => All[(int)dimension];
}

// Issue priorities as numbers for the engine: a unit holds issues up to a severity, as it holds risks
// up to a score. Critical is the most severe.
public static class IssueSeverity
{
    public const int Low = 1;
    public const int Medium = 2;
    public const int High = 3;
    public const int Critical = 4;

    public static string Name(int severity) => severity switch
    {
        <= 0 => "None",
        Low => "Low",
        Medium => "Medium",
        High => "High",
        _ => "Critical",
    };
}
