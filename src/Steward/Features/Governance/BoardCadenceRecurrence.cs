using Steward.Infrastructure;

namespace Steward.Features.Governance;

// When a board with a regular cadence next meets: the same time of day in London (10:00 stays 10:00 across
// the clocks changing), a week, a fortnight, a month or a quarter on, and never in the past.
public static class BoardCadenceRecurrence
{
    public static DateTime? NextAfter(BoardCadence cadence, DateTime startsUtc, DateTime nowUtc)
    {
        if (cadence == BoardCadence.AsNeeded)
        {
            return null;
        }

        var local = UkFormat.ToLondon(startsUtc);
        var (day, time) = (DateOnly.FromDateTime(local), TimeOnly.FromDateTime(local));
        for (var step = 1; step <= 520; step++)
        {
            var next = UkFormat.FromLondon(Advance(cadence, day, step), time).UtcDateTime;
            if (next > nowUtc)
            {
                return next;
            }
        }

        return null;
    }

    // Counted from the meeting held each time, so one on the 31st comes back to the 31st where a month has one.
    private static DateOnly Advance(BoardCadence cadence, DateOnly day, int step) => cadence switch
    {
        BoardCadence.Weekly => day.AddDays(7 * step),
        BoardCadence.Fortnightly => day.AddDays(14 * step),
        BoardCadence.Monthly => day.AddMonths(step),
        BoardCadence.Quarterly => day.AddMonths(3 * step),
        _ => throw new ArgumentOutOfRangeException(nameof(cadence), cadence, "A board that meets as needed has no next meeting"),
    };
}
