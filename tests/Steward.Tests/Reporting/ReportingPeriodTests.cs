using Steward.Features.Reporting;

namespace Steward.Tests.Reporting;

// Periods of each cadence, as people write them, and the DCA scales: pure, no database.
public sealed class ReportingPeriodTests
{
    [Theory]
    [InlineData(ReportingCadence.Monthly, "2026-11", "2026-11-01", "2026-11-30")]
    [InlineData(ReportingCadence.Quarterly, "2026-q4", "2026-10-01", "2026-12-31")]
    [InlineData(ReportingCadence.Weekly, "2026-W49", "2026-11-30", "2026-12-06")]
    [InlineData(ReportingCadence.Fortnightly, "2026-W49", "2026-11-30", "2026-12-13")]
    [InlineData(ReportingCadence.Fortnightly, "2026-W53", "2026-12-28", "2027-01-03")]
    public void AKey_NamesItsPeriod(ReportingCadence cadence, string key, string start, string end)
    {
        Assert.True(ReportingPeriod.TryParse(cadence, key, out var period, out var problem), problem);
        Assert.Equal((DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture)), (period.Start, period.End));
        Assert.Equal(period, ReportingPeriod.Containing(cadence, period.End));
    }

    [Theory]
    [InlineData(ReportingCadence.Fortnightly, "2026-W48", "does not start a fortnight")]
    [InlineData(ReportingCadence.Monthly, "2026-13", "is not a monthly period")]
    [InlineData(ReportingCadence.Weekly, "2025-W53", "is not a weekly period")]
    [InlineData(ReportingCadence.Quarterly, "2026-Q5", "is not a quarterly period")]
    [InlineData(ReportingCadence.Monthly, " ", "Give the period")]
    public void AKeyThatNamesNoPeriod_SaysWhy(ReportingCadence cadence, string key, string why)
    {
        Assert.False(ReportingPeriod.TryParse(cadence, key, out _, out var problem));
        Assert.Contains(why, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void PeriodsFollowOneAnother()
    {
        var december = ReportingPeriod.Containing(ReportingCadence.Monthly, new DateOnly(2026, 12, 5));
        Assert.Equal(("2026-11", "2027-01"), (december.Previous().Key, december.Next().Key));
        Assert.Equal("2026-Q3", ReportingPeriod.Containing(ReportingCadence.Quarterly, new DateOnly(2026, 12, 5)).Previous().Key);
    }

    [Fact]
    public void FivePointRatings_ReadOnThreePoints_WithoutChanging()
    {
        Assert.False(DeliveryConfidence.OnScale(DcaRating.AmberGreen, DcaScale.ThreePoint));
        Assert.True(DeliveryConfidence.OnScale(DcaRating.AmberGreen, DcaScale.FivePoint));
        Assert.Equal(
            [DcaRating.Green, DcaRating.Amber, DcaRating.Amber, DcaRating.Red, DcaRating.Red],
            Enum.GetValues<DcaRating>().Select(r => DeliveryConfidence.Display(r, DcaScale.ThreePoint)));
        Assert.Equal(Enum.GetValues<DcaRating>(), Enum.GetValues<DcaRating>().Select(r => DeliveryConfidence.Display(r, DcaScale.FivePoint)));
    }
}
