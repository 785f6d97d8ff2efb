namespace Steward.Features.Benefits;

// Where a benefit's measure should be on a date, from its baseline and realisation profile, and whether a
// measured value is behind it. Between two points the plan runs in a straight line; before the first point
// it runs from the baseline (when there is one); after the last it holds the last value.
public static class RealisationTrack
{
    public sealed record Point(DateOnly On, decimal Value);

    public static decimal? PlannedOn(DateOnly on, IReadOnlyList<Point> profile, Point? baseline)
    {
        var points = (baseline is null ? profile : profile.Prepend(baseline)).OrderBy(p => p.On).ToList();
        if (points.Count == 0 || on < points[0].On)
        {
            return null;
        }

        for (var i = 1; i < points.Count; i++)
        {
            var (a, b) = (points[i - 1], points[i]);
            if (on <= b.On)
            {
                var span = b.On.DayNumber - a.On.DayNumber;
                return span == 0 ? b.Value : a.Value + ((b.Value - a.Value) * (on.DayNumber - a.On.DayNumber) / span);
            }
        }

        return points[^1].Value;
    }

    // Behind plan: lower than planned where higher is better, higher where lower is better. A dis-benefit
    // is measured the same way: its "plan" is what is expected, and being worse than that is behind.
    public static bool Behind(decimal measured, decimal planned, MeasureDirection direction) =>
        direction == MeasureDirection.HigherIsBetter ? measured < planned : measured > planned;
}
