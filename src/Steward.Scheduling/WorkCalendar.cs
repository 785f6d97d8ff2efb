namespace Steward.Scheduling;

// A stretch of working time within one day, in minutes from midnight (08:00-12:00 is 480-720).
public readonly record struct WorkingPeriod(int From, int To)
{
    public int Minutes => To - From;

    public static WorkingPeriod Of(TimeOnly from, TimeOnly to) =>
        new(from.Hour * 60 + from.Minute, to == TimeOnly.MinValue ? 24 * 60 : to.Hour * 60 + to.Minute);
}

// When work happens: working periods for each day of the week, and exceptions for particular dates
// (a bank holiday with none; a Saturday worked). Durations and working lags are counted in its minutes.
public sealed class WorkCalendar
{
    private readonly WorkingPeriod[][] week = new WorkingPeriod[7][];
    private readonly Dictionary<DateOnly, WorkingPeriod[]> exceptions;

    public WorkCalendar(string name, IReadOnlyDictionary<DayOfWeek, IReadOnlyList<WorkingPeriod>> workingWeek, IReadOnlyDictionary<DateOnly, IReadOnlyList<WorkingPeriod>>? exceptions = null)
    {
        Name = name;
        foreach (var day in Enum.GetValues<DayOfWeek>())
        {
            week[(int)day] = Checked(workingWeek.TryGetValue(day, out var periods) ? periods : [], day.ToString());
        }

        if (week.All(d => d.Length == 0))
        {
            throw new PlanException($"The calendar {name} has no working time in its week; nothing could ever be scheduled on it.");
        }

        this.exceptions = (exceptions ?? new Dictionary<DateOnly, IReadOnlyList<WorkingPeriod>>())
            .ToDictionary(e => e.Key, e => Checked(e.Value, e.Key.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
    }

    public string Name { get; }

    public IReadOnlyDictionary<DateOnly, WorkingPeriod[]> Exceptions => exceptions;

    // Monday to Friday, 08:00-12:00 and 13:00-17:00: Microsoft Project's Standard calendar.
    public static WorkCalendar Standard(IReadOnlyDictionary<DateOnly, IReadOnlyList<WorkingPeriod>>? exceptions = null)
    {
        WorkingPeriod[] day = [new(8 * 60, 12 * 60), new(13 * 60, 17 * 60)];
        var week = new Dictionary<DayOfWeek, IReadOnlyList<WorkingPeriod>>
        {
            [DayOfWeek.Monday] = day, [DayOfWeek.Tuesday] = day, [DayOfWeek.Wednesday] = day, [DayOfWeek.Thursday] = day, [DayOfWeek.Friday] = day,
        };
        return new WorkCalendar("Standard", week, exceptions);
    }

    public IReadOnlyList<WorkingPeriod> WorkingWeek(DayOfWeek day) => week[(int)day];

    public WorkingPeriod[] PeriodsOn(DateOnly date) =>
        exceptions.TryGetValue(date, out var periods) ? periods : week[(int)date.DayOfWeek];

    public int MinutesOn(DateOnly date)
    {
        var total = 0;
        foreach (var period in PeriodsOn(date))
        {
            total += period.Minutes;
        }

        return total;
    }

    private static WorkingPeriod[] Checked(IReadOnlyList<WorkingPeriod> periods, string day)
    {
        var sorted = periods.OrderBy(p => p.From).ToArray();
        for (var i = 0; i < sorted.Length; i++)
        {
            if (sorted[i].From < 0 || sorted[i].To > 24 * 60 || sorted[i].To <= sorted[i].From)
            {
                throw new PlanException($"{day}: a working period must start before it ends, within the day ({sorted[i].From} to {sorted[i].To} minutes from midnight)");
            }

            if (i > 0 && sorted[i].From < sorted[i - 1].To)
            {
                throw new PlanException($"{day}: working periods overlap");
            }
        }

        return sorted;
    }
}
