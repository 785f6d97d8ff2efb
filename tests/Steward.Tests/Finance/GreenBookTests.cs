using Steward.Features.Finance.Appraisal;

namespace Steward.Tests.Finance;

// Figures worked by hand from the Green Book's rates: D(t) = 1/1.035^t to year 30, then each band carries on
// from the factor the last reached (D(31) = D(30)/1.03, D(76) = D(75)/1.025, ...).
public sealed class GreenBookTests
{
    [Theory]
    [InlineData(0, 1.0)]
    [InlineData(1, 0.9661835749)]
    [InlineData(30, 0.3562784106)]
    [InlineData(31, 0.3459013695)]
    [InlineData(75, 0.0942137726)]
    [InlineData(76, 0.0919158757)]
    [InlineData(100, 0.0508180223)]
    public void DiscountFactorsDeclineByBand(int year, double factor) =>
        Assert.Equal((decimal)factor, decimal.Round(GreenBookDiscounting.Factor(year), 10));

    [Fact]
    public void YearZeroIsNotDiscounted_AndEachBandUsesItsRate()
    {
        Assert.Equal(1m, GreenBookDiscounting.Factor(0));
        Assert.Equal((0.035m, 0.035m, 0.030m, 0.030m, 0.025m, 0.020m, 0.015m, 0.010m),
            (GreenBookDiscounting.RateIn(1), GreenBookDiscounting.RateIn(30), GreenBookDiscounting.RateIn(31), GreenBookDiscounting.RateIn(75),
             GreenBookDiscounting.RateIn(76), GreenBookDiscounting.RateIn(126), GreenBookDiscounting.RateIn(201), GreenBookDiscounting.RateIn(301)));
        Assert.Equal(GreenBookDiscounting.Factor(200) / 1.015m, GreenBookDiscounting.Factor(201));
        Assert.Throws<ArgumentOutOfRangeException>(() => GreenBookDiscounting.Factor(-1));
    }

    [Fact]
    public void PresentValues_NpsvAndBcr_WithOptimismBiasOnCosts()
    {
        // Costs 100 in years 0 and 1 uplifted by 10%: 110 + 110/1.035 = 216.28. Benefits 300 in year 1: 289.86.
        var result = OptionsAppraisal.Appraise(new OptionCashFlows("Do minimum", [100m, 100m], [0m, 300m], 10m));
        Assert.Equal((200m, 20m, 216.28m, 289.86m, 73.58m, 1.34m), (result.Costs, result.OptimismBias, result.PresentCosts, result.PresentBenefits, result.Npsv, result.Bcr!.Value));
    }

    [Fact]
    public void BenefitsBeyondThirtyYears_AreDiscountedAtTheLowerRates()
    {
        // A benefit of £1m in year 31 is worth 1,000,000 × 0.3459013695 = £345,901.37 today; in year 76, £91,915.88.
        var benefits = new decimal[77];
        benefits[31] = 1_000_000m;
        benefits[76] = 1_000_000m;
        var result = OptionsAppraisal.Appraise(new OptionCashFlows("Long life", [1_000_000m], benefits, 0m));
        Assert.Equal(345_901.37m + 91_915.88m, result.PresentBenefits);
        Assert.Equal(0.44m, result.Bcr);
    }

    [Fact]
    public void NoCostsMeansNoRatio() => Assert.Null(OptionsAppraisal.Appraise(new OptionCashFlows("Nothing", [], [5m], 0m)).Bcr);

    [Fact]
    public void OptimismBiasBoundsAreTheGuidances()
    {
        var equipment = OptimismBiasBounds.For(ProjectType.EquipmentAndDevelopment);
        Assert.Equal((200m, 10m, 54m, 10m), (equipment.CostUpper, equipment.CostLower, equipment.DurationUpper!.Value, equipment.DurationLower!.Value));
        Assert.Equal((41m, 0m, (decimal?)null), (OptimismBiasBounds.For(ProjectType.Outsourcing).CostUpper, OptimismBiasBounds.For(ProjectType.Outsourcing).CostLower, OptimismBiasBounds.For(ProjectType.Outsourcing).DurationUpper));
        Assert.All(Enum.GetValues<ProjectType>(), t => Assert.Equal(t, OptimismBiasBounds.For(t).Type));
    }
}
