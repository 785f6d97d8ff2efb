using System.Globalization;
using System.Text.Json;
using Steward.Scheduling;

namespace Steward.Features.Plans;

// How a plan's calendar is stored: the working week, dated exceptions, and which nation's bank
// holidays are days off on top of them (none for a calendar read from Microsoft Project, whose
// exceptions already hold its holidays).
public sealed record PlanCalendar(
    string Name,
    IReadOnlyDictionary<DayOfWeek, int[][]> Week,
    IReadOnlyDictionary<string, int[][]> Exceptions,
    UkNation? BankHolidays)
{
    public const int MaxDaysOff = 2000;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    // Microsoft Project's Standard week with the bank holidays of England and Wales: the calendar at
    // the top of the tree until someone sets another.
    public static PlanCalendar Default { get; } = Of(WorkCalendar.Standard(), UkNation.EnglandAndWales);

    public static PlanCalendar Of(WorkCalendar calendar, UkNation? bankHolidays) => new(
        calendar.Name,
        Enum.GetValues<DayOfWeek>().ToDictionary(d => d, d => calendar.WorkingWeek(d).Select(p => new[] { p.From, p.To }).ToArray()),
        calendar.Exceptions.ToDictionary(e => e.Key.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), e => e.Value.Select(p => new[] { p.From, p.To }).ToArray()),
        bankHolidays);

    // A calendar set on the plan's settings: the nation's bank holidays; the working days and hours given,
    // or else the current calendar's week as it is (hours varying by day, as Microsoft Project files have
    // them, included), or else the Standard week; the plan's own days off; and days worked although the
    // week does not work them, or worked for other hours (the usual hours unless given).
    public static PlanCalendar Of(
        UkNation? bankHolidays, IReadOnlyList<DayOfWeek>? workingDays, IReadOnlyList<WorkingPeriod>? hours, IReadOnlyList<DateOnly>? daysOff,
        IReadOnlyList<(DateOnly Day, IReadOnlyList<WorkingPeriod>? Hours)>? workedDays = null, PlanCalendar? current = null)
    {
        var standard = WorkCalendar.Standard();
        var ownWeek = workingDays is not null || hours is not null;
        var week = !ownWeek && current is not null
            ? current.Week.ToDictionary(d => d.Key, d => (IReadOnlyList<WorkingPeriod>)Periods(d.Value))
            : Enum.GetValues<DayOfWeek>().ToDictionary(
                d => d, d => (IReadOnlyList<WorkingPeriod>)((workingDays ?? [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday]).Contains(d)
                    ? hours ?? standard.WorkingWeek(DayOfWeek.Monday)
                    : []));
        var usualHours = hours ?? week.Where(d => d.Value.Count > 0).OrderBy(d => ((int)d.Key + 6) % 7).Select(d => d.Value).FirstOrDefault() ?? standard.WorkingWeek(DayOfWeek.Monday);
        var exceptions = (daysOff ?? []).Distinct().ToDictionary(d => d, _ => (IReadOnlyList<WorkingPeriod>)[]);
        foreach (var (day, worked) in workedDays ?? [])
        {
            exceptions[day] = worked ?? usualHours;
        }

        var name = ownWeek ? "Own working week" : current?.Name ?? standard.Name;
        return Of(new WorkCalendar(name, week, exceptions), bankHolidays);
    }

    // What the settings page shows and fills in: the working days, the hours of the first of them, and
    // the days off set on the calendar itself (not its bank holidays).
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<DayOfWeek> WorkingDays => Enum.GetValues<DayOfWeek>().Where(d => Week.TryGetValue(d, out var p) && p.Length > 0).ToList();

    [System.Text.Json.Serialization.JsonIgnore]
    public string WorkingHours => WorkingDays.Count == 0 ? "" : WorkingHoursText.Format(Periods(Week[WorkingDays[0]]));

    [System.Text.Json.Serialization.JsonIgnore]
    public bool SameHoursEveryWorkingDay => WorkingDays.Select(d => WorkingHoursText.Format(Periods(Week[d]))).Distinct().Count() <= 1;

    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<DateOnly> DaysOff => Exceptions.Where(e => e.Value.Length == 0)
        .Select(e => DateOnly.ParseExact(e.Key, "yyyy-MM-dd", CultureInfo.InvariantCulture)).Order().ToList();

    // Dated exceptions that work: a Saturday before a go-live, a half day on Christmas Eve.
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<(DateOnly Day, string Hours)> WorkedDays => Exceptions.Where(e => e.Value.Length > 0)
        .Select(e => (DateOnly.ParseExact(e.Key, "yyyy-MM-dd", CultureInfo.InvariantCulture), WorkingHoursText.Format(Periods(e.Value)))).OrderBy(d => d.Item1).ToList();

    public static PlanCalendar Parse(string json) => JsonSerializer.Deserialize<PlanCalendar>(json, Json)!;

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    // The calendar the scheduler works on, with bank holidays from a year before the plan to ten after.
    public WorkCalendar ToWorkCalendar(int firstYear, int lastYear)
    {
        var exceptions = new Dictionary<DateOnly, IReadOnlyList<WorkingPeriod>>();
        if (BankHolidays is { } nation)
        {
            foreach (var holiday in UkBankHolidays.Between(nation, firstYear, lastYear))
            {
                exceptions[holiday.Key] = [];
            }
        }

        foreach (var (date, periods) in Exceptions)
        {
            exceptions[DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture)] = Periods(periods);
        }

        return new WorkCalendar(Name, Week.ToDictionary(d => d.Key, d => (IReadOnlyList<WorkingPeriod>)Periods(d.Value)), exceptions);
    }

    private static WorkingPeriod[] Periods(int[][] periods) => periods.Select(p => new WorkingPeriod(p[0], p[1])).ToArray();
}

// Working hours as typed: "08:00-12:00, 13:00-17:00".
public static class WorkingHoursText
{
    public const string Hint = "Periods of the working day separated by commas, such as 08:00-12:00, 13:00-17:00";

    public static bool TryParse(string text, out IReadOnlyList<WorkingPeriod> periods, out string error)
    {
        periods = [];
        error = "";
        var found = new List<WorkingPeriod>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var ends = part.Split('-', StringSplitOptions.TrimEntries);
            if (ends.Length != 2 || !TimeOnly.TryParseExact(ends[0], ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var from)
                || !TryParseEnd(ends[1], out var to))
            {
                error = $"‘{part}’ is not a period of the day. {Hint}";
                return false;
            }

            var minutes = from.Hour * 60 + from.Minute;
            if (to <= minutes)
            {
                error = $"‘{part}’ ends before it starts. {Hint}";
                return false;
            }

            found.Add(new WorkingPeriod(minutes, to));
        }

        found.Sort((a, b) => a.From.CompareTo(b.From));
        if (found.Count == 0)
        {
            error = $"Enter the working hours. {Hint}";
            return false;
        }

        for (var i = 1; i < found.Count; i++)
        {
            if (found[i].From < found[i - 1].To)
            {
                error = $"The working periods {Format([found[i - 1]])} and {Format([found[i]])} overlap";
                return false;
            }
        }

        periods = found;
        return true;
    }

    public static string Format(IEnumerable<WorkingPeriod> periods) =>
        string.Join(", ", periods.Select(p => $"{Time(p.From)}-{Time(p.To)}"));

    // 24:00 ends a day that works to midnight.
    private static bool TryParseEnd(string text, out int minutes)
    {
        minutes = 0;
        if (text == "24:00")
        {
            minutes = 24 * 60;
            return true;
        }

        if (!TimeOnly.TryParseExact(text, ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var to))
        {
            return false;
        }

        minutes = to.Hour * 60 + to.Minute;
        return true;
    }

    private static string Time(int minutes) => $"{minutes / 60:00}:{minutes % 60:00}";
}
