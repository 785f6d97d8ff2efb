namespace Steward.Scheduling;

// A calendar laid out as a line of working minutes counted from an epoch day, so that the scheduler
// can add durations and lags as plain numbers and turn them into dates only at the end. Days are laid
// out lazily in both directions. A start is the instant a working minute begins (08:00 on Monday); a
// finish is the instant one ends (17:00 on Friday): the same offset, as Microsoft Project shows it.
// Not thread-safe: one per scheduling run.
public sealed class WorkingTimeline(WorkCalendar calendar, DateOnly epoch)
{
    private const int MaxDays = 200 * 366;
    private const int Chunk = 366;

    // starts[i]: working minutes from the epoch to the start of day firstDay + i (negative before the epoch).
    private readonly List<long> starts = [0];
    private int firstDay;

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

        var index = day.DayNumber - epoch.DayNumber - firstDay;
        while (index < 0)
        {
            ExtendBack();
            index = day.DayNumber - epoch.DayNumber - firstDay;
        }

        while (index >= starts.Count)
        {
            ExtendForward();
        }

        return starts[index] + worked;
    }

    // The instant the working minute at this offset begins.
    public DateTime StartAt(long offset) => At(offset, finish: false);

    // The instant the working minute before this offset ends.
    public DateTime FinishAt(long offset) => At(offset, finish: true);

    private DateTime At(long offset, bool finish)
    {
        // The day is the first whose end reaches past the offset (a start) or up to it (a finish). Lay
        // out days until the answer lies inside, then search the day starts.
        if (starts.Count < 2)
        {
            ExtendForward();
        }

        while (finish ? starts[1] >= offset : starts[1] > offset)
        {
            ExtendBack();
        }

        while (finish ? starts[^1] < offset : starts[^1] <= offset)
        {
            ExtendForward();
        }

        var days = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(starts);
        int low = 1, high = days.Length - 1;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (finish ? days[middle] >= offset : days[middle] > offset)
            {
                high = middle;
            }
            else
            {
                low = middle + 1;
            }
        }

        var date = epoch.AddDays(firstDay + low - 1);
        var remaining = offset - days[low - 1];
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

    private void ExtendForward()
    {
        Guard();
        for (var i = 0; i < Chunk; i++)
        {
            starts.Add(starts[^1] + calendar.MinutesOn(epoch.AddDays(firstDay + starts.Count - 1)));
        }
    }

    private void ExtendBack()
    {
        Guard();
        var earlier = new long[Chunk];
        var next = starts[0];
        for (var i = Chunk - 1; i >= 0; i--)
        {
            next -= calendar.MinutesOn(epoch.AddDays(firstDay - Chunk + i));
            earlier[i] = next;
        }

        starts.InsertRange(0, earlier);
        firstDay -= Chunk;
    }

    private void Guard()
    {
        if (starts.Count > MaxDays)
        {
            throw new PlanException($"The plan reaches more than 200 years from {epoch:yyyy-MM-dd}; check its dates, durations and lags.");
        }
    }
}
