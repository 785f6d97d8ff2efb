using Steward.Features.Finance;

namespace Steward.Tests.Finance;

public sealed class MoneyAndYearsTests
{
    [Theory]
    [InlineData("1200", 120_000)]
    [InlineData("1,200.50", 120_050)]
    [InlineData("£1.2m", 120_000_000)]
    [InlineData("£ 450k", 45_000_000)]
    [InlineData("£2bn", 200_000_000_000)]
    [InlineData("(1,200.00)", -120_000)]
    [InlineData("-£3.07", -307)]
    [InlineData("£1.234567m", 123_456_700)]
    [InlineData(".5", 50)]
    public void ReadsAmountsAsAccountsWriteThem(string text, long pence)
    {
        Assert.True(Money.TryParse(text, out var money, out var problem), problem);
        Assert.Equal(pence, money.Pence);
    }

    [Theory]
    [InlineData("£1.2.3m", "is not an amount")]
    [InlineData("12e99", "is not an amount")]
    [InlineData("1.005", "fraction of a penny")]
    [InlineData("", "is blank")]
    [InlineData("1,,200", "is not an amount")]
    [InlineData("99999999999999999999999999999", "too large")]
    [InlineData("£20000bn", "too large")]
    [InlineData("NaN", "is not an amount")]
    public void RefusesWhatIsNotAnAmount_SayingWhy(string text, string reason)
    {
        Assert.False(Money.TryParse(text, out _, out var problem));
        Assert.Contains(reason, problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(120_000_000, "£1.2m")]
    [InlineData(45_037_000_000, "£450.37m")]
    [InlineData(100_000_000, "£1.0m")]
    [InlineData(45_000_000, "£450,000")]
    [InlineData(45_000_049, "£450,000")]
    [InlineData(-120_000_000, "-£1.2m")]
    [InlineData(0, "£0")]
    public void ShowsMoneyTheUkWay(long pence, string shown) => Assert.Equal(shown, new Money(pence).ToString());

    [Fact]
    public void ExactKeepsThePence() => Assert.Equal("-£1,234,567.89", new Money(-123_456_789).Exact());

    [Fact]
    public void FinancialYearsRunAprilToMarch_WithPeriodsFromApril()
    {
        Assert.Equal(new FinancialYear(2026), FinancialYear.Of(new DateOnly(2027, 3, 31)));
        Assert.Equal(new FinancialYear(2027), FinancialYear.Of(new DateOnly(2027, 4, 1)));
        Assert.Equal(1, FinancialYear.PeriodOf(new DateOnly(2026, 4, 30)));
        Assert.Equal(9, FinancialYear.PeriodOf(new DateOnly(2026, 12, 3)));
        Assert.Equal(12, FinancialYear.PeriodOf(new DateOnly(2027, 3, 1)));
        Assert.Equal(new DateOnly(2027, 1, 1), new FinancialYear(2026).FirstDayOf(10));
        Assert.Equal("2026-27", new FinancialYear(2026).ToString());
        Assert.Equal("2099-00", new FinancialYear(2099).ToString());
        Assert.Equal("P1 April 2026", new FinancialYear(2026).PeriodLabel(1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new FinancialYear(2026).FirstDayOf(13));
    }

    [Theory]
    [InlineData("2026-27", 2026)]
    [InlineData("2026/27", 2026)]
    [InlineData(" 2026 ", 2026)]
    [InlineData("2099-00", 2099)]
    public void ReadsFinancialYears(string text, int start)
    {
        Assert.True(FinancialYear.TryParse(text, out var year));
        Assert.Equal(start, year.Start);
    }

    [Theory]
    [InlineData("2026-28")]
    [InlineData("26-27")]
    [InlineData("1850-51")]
    [InlineData("next year")]
    [InlineData("")]
    public void RefusesWhatIsNotAFinancialYear(string text) => Assert.False(FinancialYear.TryParse(text, out _));
}
