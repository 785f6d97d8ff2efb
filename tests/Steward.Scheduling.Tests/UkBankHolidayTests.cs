namespace Steward.Scheduling.Tests;

// The bank holidays built in for each UK nation, and a plan scheduled around them.
public sealed class UkBankHolidayTests
{
    [Fact]
    public void EachNation_HasItsOwnHolidays()
    {
        var england = UkBankHolidays.Between(UkNation.EnglandAndWales, 2027, 2027);
        var scotland = UkBankHolidays.Between(UkNation.Scotland, 2027, 2027);
        var northernIreland = UkBankHolidays.Between(UkNation.NorthernIreland, 2027, 2027);

        Assert.Equal(8, england.Count);
        Assert.Contains(new DateOnly(2027, 3, 29), england.Keys);          // Easter Monday
        Assert.DoesNotContain(new DateOnly(2027, 3, 29), scotland.Keys);   // not a Scottish bank holiday
        Assert.Contains(new DateOnly(2027, 1, 4), scotland.Keys);          // 2 January, moved to Monday
        Assert.Contains(new DateOnly(2027, 11, 30), scotland.Keys);        // St Andrew's Day
        Assert.Contains(new DateOnly(2027, 3, 17), northernIreland.Keys);  // St Patrick's Day
        Assert.Contains(new DateOnly(2027, 7, 12), northernIreland.Keys);  // the Battle of the Boyne
    }

    [Fact]
    public void OneOffBankHolidays_AreIncluded()
    {
        var holidays = UkBankHolidays.Between(UkNation.EnglandAndWales, 2022, 2023);
        Assert.Contains(new DateOnly(2022, 9, 19), holidays.Keys); // the state funeral of Queen Elizabeth II
        Assert.Contains(new DateOnly(2023, 5, 8), holidays.Keys);  // the coronation of King Charles III
    }

    [Fact]
    public void APlanOverEaster_SkipsGoodFridayAndEasterMonday_InEnglandOnlyGoodFridayInScotland()
    {
        var start = new DateTime(2027, 3, 25, 8, 0, 0); // the Thursday before Easter
        var task = new PlanTask("A", "Survey", Span.WorkingDays(2));
        var england = Scheduler.Run(new Plan(start, UkBankHolidays.StandardCalendar(UkNation.EnglandAndWales, 2027, 2027), [task], []));
        var scotland = Scheduler.Run(new Plan(start, UkBankHolidays.StandardCalendar(UkNation.Scotland, 2027, 2027), [task], []));

        Assert.Equal(new DateTime(2027, 3, 30, 17, 0, 0), england["A"].EarlyFinish);
        Assert.Equal(new DateTime(2027, 3, 29, 17, 0, 0), scotland["A"].EarlyFinish);
    }
}
