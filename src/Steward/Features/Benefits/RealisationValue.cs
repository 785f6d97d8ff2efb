using Steward.Features.Finance;

namespace Steward.Features.Benefits;

// How far along a benefit is and what that is worth, from its baseline, target, profile and measurements.
// A value's share of the journey runs from 0 at the baseline to 1 at the target, whichever way is better,
// so "behind" and "worth" read the same for a measure that should fall as for one that should rise.
public static class RealisationValue
{
    public sealed record Facts(
        decimal? BaselineValue, DateOnly? BaselineDate, decimal? TargetValue, DateOnly? TargetDate, long? MonetisedValue, bool IsDisbenefit,
        IReadOnlyList<BenefitProfilePoint> Profile);

    public sealed record Measured(DateOnly On, decimal Value);

    // A financial year's worth (pence a year, reached by the year's end): planned by the profile, and
    // realised by the last measurement up to then (none before anything is measured, nor for a year not
    // measured in yet: a year to come has realised nothing so far). A dis-benefit counts against.
    public sealed record Year(int Start, long Planned, long? Realised);

    // The latest measurement against the plan on its date; Deviation is in % of the planned progress (negative:
    // fewer benefits than planned, or for a dis-benefit more of it), what the benefits tolerance judges.
    public sealed record Latest(DateOnly On, decimal Value, decimal? Planned, decimal? DeviationPercent);

    public static decimal? Share(decimal value, Facts facts) =>
        facts.BaselineValue is { } from && facts.TargetValue is { } to && to != from ? (value - from) / (to - from) : null;

    public static Latest? LatestOf(Facts facts, IReadOnlyList<Measured> measurements)
    {
        if (measurements.Count == 0)
        {
            return null;
        }

        var last = measurements.OrderBy(m => m.On).Last();
        var planned = RealisationTrack.PlannedOn(last.On, Track(facts), Start(facts));
        decimal? deviation = null;
        if (planned is { } p && Share(p, facts) is { } plannedShare && plannedShare > 0 && Share(last.Value, facts) is { } measuredShare)
        {
            var ahead = (measuredShare - plannedShare) / plannedShare * 100;
            deviation = decimal.Round(facts.IsDisbenefit ? -ahead : ahead, 2);
        }

        return new Latest(last.On, last.Value, planned, deviation);
    }

    // Every financial year from the baseline's to the target's (and on to the last measurement's).
    public static IReadOnlyList<Year> ByYear(Facts facts, IReadOnlyList<Measured> measurements)
    {
        var monetised = facts.MonetisedValue is not null || facts.Profile.Any(p => p.Money is not null);
        var firstDay = facts.BaselineDate ?? facts.Profile.Select(p => (DateOnly?)p.On).Min() ?? measurements.Select(m => (DateOnly?)m.On).Min();
        var lastDay = new[] { facts.TargetDate, facts.Profile.Select(p => (DateOnly?)p.On).Max(), measurements.Select(m => (DateOnly?)m.On).Max() }.Max();
        if (!monetised || firstDay is not { } first || lastDay is not { } lastOn)
        {
            return [];
        }

        var sign = facts.IsDisbenefit ? -1 : 1;
        var ordered = measurements.OrderBy(m => m.On).ToList();
        var years = new List<Year>();
        for (var year = FinancialYear.Of(first); year <= FinancialYear.Of(lastOn); year = year.Next)
        {
            var end = year.LastDay;
            var planned = PlannedWorth(facts, end) ?? 0;
            var lastMeasured = ordered.Count > 0 && ordered[^1].On >= year.FirstDay ? ordered.LastOrDefault(m => m.On <= end) : null;
            long? realised = lastMeasured is null ? null : Worth(facts, lastMeasured.Value) ?? 0;
            years.Add(new Year(year.Start, sign * planned, realised is { } r ? sign * r : null));
        }

        return years;
    }

    // What the plan says the benefit is worth a year by a date: the profile's money where it gives some
    // (a straight line from nothing at the baseline), else the full year's value times the planned share.
    private static long? PlannedWorth(Facts facts, DateOnly on)
    {
        var money = facts.Profile.Where(p => p.Money is not null).Select(p => new RealisationTrack.Point(p.On, p.Money!.Value)).ToList();
        if (money.Count > 0)
        {
            var start = facts.BaselineDate is { } b ? new RealisationTrack.Point(b, 0) : null;
            return RealisationTrack.PlannedOn(on, money, start) is { } pence ? (long)decimal.Round(pence) : 0;
        }

        return RealisationTrack.PlannedOn(on, Track(facts), Start(facts)) is { } planned ? Worth(facts, planned) : null;
    }

    // The full year's value (or the profile's largest) times how far a value has come, never below nothing
    // nor beyond the target's worth.
    private static long? Worth(Facts facts, decimal value) =>
        (facts.MonetisedValue ?? facts.Profile.Max(p => p.Money)) is { } full && Share(value, facts) is { } share ? (long)decimal.Round(full * Math.Clamp(share, 0, 1)) : null;

    private static List<RealisationTrack.Point> Track(Facts facts) => facts.Profile.Select(p => new RealisationTrack.Point(p.On, p.Value)).ToList();

    private static RealisationTrack.Point? Start(Facts facts) =>
        facts.BaselineValue is { } v && facts.BaselineDate is { } d ? new RealisationTrack.Point(d, v) : null;
}
