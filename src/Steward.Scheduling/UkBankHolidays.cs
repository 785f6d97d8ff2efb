using PublicHoliday;

namespace Steward.Scheduling;

// The three sets of UK bank holidays: England and Wales share one; Scotland and Northern Ireland each
// have their own (St Andrew's Day, 2 January; St Patrick's Day, the Battle of the Boyne).
public enum UkNation
{
    EnglandAndWales,
    Scotland,
    NorthernIreland,
}

public static class UkBankHolidays
{
    // Each bank holiday from the start of one year to the end of another, with its name.
    public static IReadOnlyDictionary<DateOnly, string> Between(UkNation nation, int firstYear, int lastYear)
    {
        if (lastYear < firstYear || lastYear - firstYear > 200)
        {
            throw new PlanException($"Bank holidays are given for up to 200 years at a time, not {firstYear} to {lastYear}");
        }

        var source = new UKBankHoliday(nation switch
        {
            UkNation.Scotland => UKBankHoliday.UkCountries.Scotland,
            UkNation.NorthernIreland => UKBankHoliday.UkCountries.NorthernIreland,
            _ => UKBankHoliday.UkCountries.England,
        });
        var holidays = new SortedDictionary<DateOnly, string>();
        for (var year = firstYear; year <= lastYear; year++)
        {
            foreach (var (date, name) in source.PublicHolidayNames(year))
            {
                holidays[DateOnly.FromDateTime(date)] = name;
            }
        }

        return holidays;
    }

    // Microsoft Project's Standard working week with the nation's bank holidays as days off.
    public static WorkCalendar StandardCalendar(UkNation nation, int firstYear, int lastYear) =>
        WorkCalendar.Standard(Between(nation, firstYear, lastYear).ToDictionary(h => h.Key, _ => (IReadOnlyList<WorkingPeriod>)[]));
}
