namespace Steward.Features.Finance.Appraisal;

// One option's cash flows in real prices of the appraisal's base year, by discount year (index 0 is the
// base year). Costs are before optimism bias; the uplift (%) is applied to every year's cost.
public sealed record OptionCashFlows(string Name, IReadOnlyList<decimal> Costs, IReadOnlyList<decimal> Benefits, decimal OptimismBiasPercent);

// Present values in real base-year prices, rounded to the penny. NPSV = PV benefits - PV costs and
// BCR = PV benefits / PV costs, the same definitions for every option of a case so they can be compared.
public sealed record OptionAppraisalResult(
    string Name, decimal Costs, decimal OptimismBias, decimal PresentCosts, decimal PresentBenefits, decimal Npsv, decimal? Bcr);

public static class OptionsAppraisal
{
    public static OptionAppraisalResult Appraise(OptionCashFlows option)
    {
        if (option.OptimismBiasPercent < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(option), option.OptimismBiasPercent, "Optimism bias cannot be negative");
        }

        var uplift = 1m + (option.OptimismBiasPercent / 100m);
        decimal costs = 0, bias = 0, presentCosts = 0, presentBenefits = 0;
        for (var year = 0; year < option.Costs.Count; year++)
        {
            costs += option.Costs[year];
            bias += option.Costs[year] * (uplift - 1m);
            presentCosts += option.Costs[year] * uplift * GreenBookDiscounting.Factor(year);
        }

        for (var year = 0; year < option.Benefits.Count; year++)
        {
            presentBenefits += option.Benefits[year] * GreenBookDiscounting.Factor(year);
        }

        presentCosts = Pennies(presentCosts);
        presentBenefits = Pennies(presentBenefits);
        decimal? bcr = presentCosts == 0 ? null : decimal.Round(presentBenefits / presentCosts, 2, MidpointRounding.AwayFromZero);
        return new OptionAppraisalResult(option.Name, Pennies(costs), Pennies(bias), presentCosts, presentBenefits, presentBenefits - presentCosts, bcr);
    }

    private static decimal Pennies(decimal pounds) => decimal.Round(pounds, 2, MidpointRounding.AwayFromZero);
}
