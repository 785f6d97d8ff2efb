namespace Steward.Scheduling;

// A calendar laid out as a line of working minutes counted from an epoch day, so that the scheduler
// can add durations and lags as plain numbers and turn them into dates only at the end. Days are laid
// out lazily in both directions. A start is the instant a working minute begins (08:00 on Monday); a
// finish is the instant one ends (17:00 on Friday): the same offset, as Microsoft Project shows it.
// Not thread-safe: one per scheduling run.
public sealed class WorkingTimeline(WorkCalendar calendar, DateOnly epoch)
{
    private const int MaxDays = 200 * 366;
    private readonly List<long> after = [0];   // after[i]: working minutes from the epoch to the start of day epoch + i
    private readonly List<long> before = [0];  // before[i]: working minutes from the start of day epoch - i to the epoch

    public WorkCalendar Calendar => calendar;

    public long OffsetOf(DateTime instant)
    {
        var day = DateOnly.FromDateTime(instant);
        var minute = (int)(instant.TimeOfDay.Ticks / TimeSpan.TicksPerMinute);
        var worked = 0;
        foreach (var period in calendar.PeriodsOn(day))
        {
            worked += Math.Clamp(minute - period.From, 0, period.Minutes);
        }

        return DayStart(day.DayNumber - epoch.DayNumber) + worked;
    }

    // The instant the working minute at this offset begins.
    public DateTime StartAt(long offset) => At(offset, finish: false);

    // The instant the working minute before this offset ends.
    public DateTime FinishAt(long offset) => At(offset, finish: true);

    private DateTime At(long offset, bool finish)
    {
        // The first day whose end reaches past the offset (a start) or up to it (a finish).
        bool Reaches(long day) => finish ? DayStart(day + 1) >= offset : DayStart(day + 1) > offset;
        long low = 0, high = 0;
        if (Reaches(0))
        {
            for (var step = 1L; Reaches(low); step *= 2)
            {
                high = low;
                low -= step;
            }
        }
        else
        {
            for (var step = 1L; !Reaches(high); step *= 2)
            {
                low = high;
                high += step;
            }
        }

        while (high - low > 1)
        {
            var middle = low + (high - low) / 2;
            if (Reaches(middle))
            {
                high = middle;
            }
            else
            {
                low = middle;
            }
        }

        var date = epoch.AddDays((int)high);
        var remaining = offset - DayStart(high);
        foreach (var period in calendar.PeriodsOn(date))
        {
            if (finish ? remaining <= period.Minutes : remaining < period.Minutes)
            {
                return date.ToDateTime(TimeOnly.MinValue).AddMinutes(period.From + remaining);
            }

            remaining -= period.Minutes;
        }

        throw new InvalidOperationException("A working minute fell outside its day's working periods.");
    }

    private long DayStart(long day)
    {
        if (day >= 0)
        {
            while (after.Count <= day)
            {
                Extend(after, epoch.AddDays(after.Count - 1));
            }

            return after[(int)day];
        }

        while (before.Count <= -day)
        {
            Extend(before, epoch.AddDays(-before.Count));
        }

        return -before[(int)-day];
    }

    private void Extend(List<long> days, DateOnly next)
    {
        if (days.Count > MaxDays)
        {
            throw new PlanException($"The plan reaches more than 200 years from {epoch:yyyy-MM-dd}; check its dates, durations and lags.");
        }

        days.Add(days[^1] + calendar.MinutesOn(next));
    }
}
