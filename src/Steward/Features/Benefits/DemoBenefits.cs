using Steward.Features.Finance;
using Steward.Infrastructure.Modules;

namespace Steward.Features.Benefits;

// The demo department's benefits: what the Digital Borders and Casework Transformation programmes are
// for, owned in the business (Border Force, casework operations), with one dis-benefit.
internal static class DemoBenefits
{
    public static async Task SeedAsync(DemoSeedContext demo, CancellationToken ct)
    {
        var service = demo.Services.GetRequiredService<BenefitService>();
        var today = demo.Today;
        var benefits = new (string Unit, BenefitInput Input)[]
        {
            ("DPP-PRG-001", Quantitative("Shorter queues at the border", "Median wait at the UK border for visa-exempt arrivals", "minutes", "lower-is-better",
                "non-cash-releasing", "direct-public-sector", 24, 12, "DPP-PFL-001", "dir-digital", demo, today, "£4.2m", "in-realisation")),
            ("DPP-PRG-001", Quantitative("Fewer inadmissible passengers carried", "Inadmissible passengers refused entry at the border per 100,000 arrivals", "per 100,000", "lower-is-better",
                "cash-releasing", "direct-public-sector", 38, 15, "DPP-PFL-001", "dir-digital", demo, today, "£6.8m", "validated")),
            ("DPP-PRJ-001", Quantitative("Visitors know before they travel", "Share of visa-exempt visitors with a travel authorisation before boarding", "%", "higher-is-better",
                "wider-societal", "wider-social", 0, 95, "DPP-PRG-001", "pgm-borders", demo, today, null, "identified")),
            ("DPP-PRJ-001", Quantitative("Cost of applying for visitors (dis-benefit)", "Average time a visitor spends applying", "minutes", "lower-is-better",
                "wider-societal", "wider-social", 0, 10, "DPP-PRG-001", "pgm-borders", demo, today, null, "validated") with { IsDisbenefit = true }),
            ("DPP-PRG-002", Quantitative("Faster asylum decisions", "Median days from claim to initial decision", "days", "lower-is-better",
                "non-cash-releasing", "direct-public-sector", 480, 180, "DPP-PFL-001", "dir-casework", demo, today, "£12.5m", "in-realisation")),
            ("DPP-PRG-002", Quantitative("Lower hotel accommodation cost", "Spend on contingency hotel accommodation a year", "£m", "lower-is-better",
                "cash-releasing", "direct-public-sector", 230, 90, "DPP-PFL-001", "coo", demo, today, "£140m", "validated")),
        };
        foreach (var (unit, input) in benefits)
        {
            var profile = Quarters(input.BaselineDate!.Value, input.TargetDate!.Value)
                .Select(on => new ProfilePointInput(on, Planned(input, on), null)).ToList();
            var benefit = await service.RecordAsync(unit, input with { Profile = profile }, ct);
            // Quarterly measurements so far, on plan but for the asylum backlog, which runs behind it.
            var behind = input.Title!.StartsWith("Faster asylum", StringComparison.Ordinal);
            foreach (var on in Quarters(input.BaselineDate.Value, today).Where(d => d <= today))
            {
                var planned = Planned(input, on);
                var measured = behind ? planned + ((input.BaselineValue!.Value - planned) * 0.6m) : planned;
                await service.RecordMeasurementAsync(benefit.Id, new MeasurementInput(on, decimal.Round(measured, 1), "Quarterly performance report"), ct);
            }
        }
    }

    // The end of each quarter after the baseline date, up to the last date.
    private static IEnumerable<DateOnly> Quarters(DateOnly from, DateOnly to)
    {
        for (var on = from.AddMonths(3); on <= to; on = on.AddMonths(3))
        {
            yield return on;
        }
    }

    // A straight line from the baseline to the target.
    private static decimal Planned(BenefitInput input, DateOnly on)
    {
        var (from, to) = (input.BaselineDate!.Value, input.TargetDate!.Value);
        var share = (decimal)(on.DayNumber - from.DayNumber) / (to.DayNumber - from.DayNumber);
        return decimal.Round(input.BaselineValue!.Value + ((input.TargetValue!.Value - input.BaselineValue.Value) * share), 1);
    }

    private static BenefitInput Quantitative(
        string title, string kpi, string unitOfMeasure, string direction, string category, string kind, decimal baseline, decimal target,
        string owningUnit, string owner, DemoSeedContext demo, DateOnly today, string? monetised, string status) =>
        new(title, $"{kpi}, from {baseline:0.##} {unitOfMeasure} to {target:0.##} {unitOfMeasure}.", owningUnit, demo.People[owner], category, "quantitative", kind, false,
            kpi, unitOfMeasure, direction, "Measured by the performance and analysis team from operational data", "quarterly",
            baseline, today.AddMonths(-18), target, today.AddMonths(24), monetised is null ? null : new AmountText(monetised), "medium", status);
}
