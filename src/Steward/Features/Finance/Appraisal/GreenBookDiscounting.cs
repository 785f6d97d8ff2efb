namespace Steward.Features.Finance.Appraisal;

// The Green Book's declining Social Time Preference Rate: 3.5% for years 0-30, 3.0% for 31-75, 2.5% for
// 76-125, 2.0% for 126-200, 1.5% for 201-300 and 1.0% beyond. Year 0 is not discounted, and each band
// carries on from the factor the last one reached: D(t) = D(30) / 1.03^(t-30) from year 31, and so on.
// (A spreadsheet's NPV discounts its first cash flow by a year; this does not.)
public static class GreenBookDiscounting
{
    public const int LongestAppraisal = 1000;

    private static readonly (int After, decimal Rate)[] Bands =
    [
        (0, 0.035m), (30, 0.030m), (75, 0.025m), (125, 0.020m), (200, 0.015m), (300, 0.010m),
    ];

    // Worked out once, each from the one before, in decimal so the factors are the same everywhere.
    private static readonly decimal[] Factors = Build();

    public static decimal RateIn(int year)
    {
        CheckYear(year);
        var rate = Bands[0].Rate;
        foreach (var band in Bands)
        {
            if (year > band.After)
            {
                rate = band.Rate;
            }
        }

        return rate;
    }

    public static decimal Factor(int year)
    {
        CheckYear(year);
        return Factors[year];
    }

    private static void CheckYear(int year)
    {
        if (year is < 0 or > LongestAppraisal)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, $"A discount year runs from 0 (the base year, not discounted) to {LongestAppraisal}");
        }
    }

    private static decimal[] Build()
    {
        var factors = new decimal[LongestAppraisal + 1];
        factors[0] = 1m;
        for (var year = 1; year <= LongestAppraisal; year++)
        {
            factors[year] = factors[year - 1] / (1m + RateIn(year));
        }

        return factors;
    }
}
