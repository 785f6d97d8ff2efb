using Steward.Features.Benefits;

namespace Steward.Tests.Benefits;

// The plan on a date from the baseline and profile, checked by hand.
public sealed class RealisationTrackTests
{
    private static readonly RealisationTrack.Point Baseline = new(new DateOnly(2026, 4, 1), 100);
    private static readonly RealisationTrack.Point[] Profile = [new(new DateOnly(2026, 4, 11), 50), new(new DateOnly(2026, 4, 21), 40)];

    [Theory]
    [InlineData("2026-03-31", null)]      // before the plan starts
    [InlineData("2026-04-01", "100")]     // the baseline
    [InlineData("2026-04-06", "75")]      // half way from 100 to 50
    [InlineData("2026-04-11", "50")]
    [InlineData("2026-04-16", "45")]      // half way from 50 to 40
    [InlineData("2027-01-01", "40")]      // after the last point: held
    public void ThePlanRunsStraightBetweenPoints_FromTheBaseline(string on, string? planned) =>
        Assert.Equal(planned is null ? null : decimal.Parse(planned, System.Globalization.CultureInfo.InvariantCulture),
            RealisationTrack.PlannedOn(DateOnly.Parse(on, System.Globalization.CultureInfo.InvariantCulture), Profile, Baseline));

    [Fact]
    public void WithoutABaseline_ThePlanStartsAtItsFirstPoint() =>
        Assert.Null(RealisationTrack.PlannedOn(new DateOnly(2026, 4, 5), Profile, null));

    [Theory]
    [InlineData(45, 50, MeasureDirection.HigherIsBetter, true)]
    [InlineData(55, 50, MeasureDirection.HigherIsBetter, false)]
    [InlineData(55, 50, MeasureDirection.LowerIsBetter, true)]
    [InlineData(45, 50, MeasureDirection.LowerIsBetter, false)]
    [InlineData(50, 50, MeasureDirection.LowerIsBetter, false)]
    public void BehindPlan_DependsOnWhichWayIsBetter(int measured, int planned, MeasureDirection direction, bool behind) =>
        Assert.Equal(behind, RealisationTrack.Behind(measured, planned, direction));

    [Theory]
    [InlineData(BenefitStatus.InRealisation, MeasurementFrequency.Quarterly, "2026-05-15", "2026-08-15")]
    [InlineData(BenefitStatus.Validated, MeasurementFrequency.Annually, null, "2027-04-01")]
    [InlineData(BenefitStatus.Validated, MeasurementFrequency.SixMonthly, null, "2026-10-01")]
    [InlineData(BenefitStatus.Identified, MeasurementFrequency.Monthly, null, null)]
    [InlineData(BenefitStatus.Realised, MeasurementFrequency.Monthly, "2026-05-15", null)]
    public void TheNextMeasurement_IsOnePeriodAfterTheLast_OrAfterTheBaseline(BenefitStatus status, MeasurementFrequency frequency, string? last, string? due) =>
        Assert.Equal(due is null ? null : DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture),
            MeasurementDue.Next(status, frequency, last is null ? null : DateOnly.Parse(last, System.Globalization.CultureInfo.InvariantCulture), new DateOnly(2026, 4, 1)));
}
