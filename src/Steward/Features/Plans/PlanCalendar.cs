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
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    // Microsoft Project's Standard week with the bank holidays of England and Wales: the calendar at
    // the top of the tree until someone sets another.
    public static PlanCalendar Default { get; } = Of(WorkCalendar.Standard(), UkNation.EnglandAndWales);

    public static PlanCalendar Of(WorkCalendar calendar, UkNation? bankHolidays) => new(
        calendar.Name,
        Enum.GetValues<DayOfWeek>().ToDictionary(d => d, d => calendar.WorkingWeek(d).Select(p => new[] { p.From, p.To }).ToArray()),
        calendar.Exceptions.ToDictionary(e => e.Key.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), e => e.Value.Select(p => new[] { p.From, p.To }).ToArray()),
        bankHolidays);

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
