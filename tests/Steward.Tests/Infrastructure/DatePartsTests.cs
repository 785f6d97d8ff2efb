using Steward.Infrastructure.GovUk;

namespace Steward.Tests.Infrastructure;

public sealed class DatePartsTests
{
    [Theory]
    [InlineData("31", "2", "2027", "Start date must be a real date")]
    [InlineData("29", "2", "2027", "Start date must be a real date")]
    [InlineData("1", "13", "2027", "Start date must be a real date")]
    [InlineData("a", "1", "2027", "Start date must be a real date")]
    [InlineData("1", "", "2027", "Start date must include a month")]
    [InlineData("", "", "2027", "Start date must include a day and month")]
    public void WrongDates_AreExplained(string day, string month, string year, string expected)
    {
        var date = new DateParts { Day = day, Month = month, Year = year }.Read("Start date", out var error);
        Assert.Null(date);
        Assert.Equal(expected, error);
    }

    [Fact]
    public void LeapDayAndBlank_AreFine()
    {
        Assert.Equal(new DateOnly(2028, 2, 29), new DateParts { Day = "29", Month = "02", Year = "2028" }.Read("Start date", out var error));
        Assert.Null(error);
        Assert.Null(new DateParts().Read("Start date", out error));
        Assert.Null(error);
    }
}
