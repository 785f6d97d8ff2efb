using Steward.Features.Benefits.Map;
using Steward.Features.Finance;
using Steward.Features.Units;
using Steward.Infrastructure.Modules;

namespace Steward.Features.Benefits;

// The demo department's benefits: what the Digital Borders and Casework Transformation programmes are
// for, owned in the business, with a benefits map each (two objectives of their portfolio, business
// changes, enablers), two years of quarterly measurements, the asylum backlog behind its profile, one
// dis-benefit, and a closed project whose benefit is still tracked by its business owner.
internal static class DemoBenefits
{
    private sealed record DemoBenefit(string Unit, BenefitInput Input, string Change, string Objective, bool Behind = false);

    public static async Task SeedAsync(DemoSeedContext demo, CancellationToken ct)
    {
        var service = demo.Services.GetRequiredService<BenefitService>();
        var map = demo.Services.GetRequiredService<BenefitMapService>();
        var today = demo.Today;

        var secure = await map.AddObjectiveAsync("DPP-PFL-001", new("A border that is secure and quick to cross", "Know who is coming before they travel; cut average passport-control time by a third."), ct);
        var decisions = await map.AddObjectiveAsync("DPP-PFL-001", new("Immigration decisions right first time and on time", "Decide 90% of straightforward applications within service standard."), ct);
        var changes = new Dictionary<string, (string Unit, string Title, string[] Enablers)>
        {
            ["permission"] = ("DPP-PRG-001", "Visitors get permission to travel before they set off", ["DPP-PRJ-001"]),
            ["record"] = ("DPP-PRG-001", "Officers see one joined-up record of every traveller", ["DPP-PRJ-002", "DPP-PRJ-004"]),
            ["gates"] = ("DPP-PRG-001", "More travellers use automatic gates", ["DPP-PRJ-003"]),
            ["platform"] = ("DPP-PRG-002", "Caseworkers work in one case-management system", ["DPP-PRJ-005"]),
            ["teams"] = ("DPP-PRG-002", "Focused decision-making teams clear legacy claims", ["DPP-PRJ-006"]),
            ["status"] = ("DPP-PRG-002", "People prove their status online", ["DPP-PRJ-007"]),
        };
        var changeRefs = new Dictionary<string, string>();
        foreach (var (key, (unit, title, enablers)) in changes)
        {
            var change = await map.AddChangeAsync(unit, new(title, null), ct);
            changeRefs[key] = change.Reference;
            foreach (var enabler in enablers)
            {
                await map.LinkAsync(unit, new(enabler, change.Reference), ct);
            }
        }

        var benefits = new DemoBenefit[]
        {
            new("DPP-PRG-001", Quantitative("Shorter queues at the border", "Median wait at the UK border for visa-exempt arrivals", "minutes", "lower-is-better",
                "non-cash-releasing", "direct-public-sector", 24, 12, "dir-digital", demo, "£4.2m", "in-realisation"), "gates", "secure"),
            new("DPP-PRG-001", Quantitative("Fewer inadmissible passengers carried", "Inadmissible passengers refused entry at the border per 100,000 arrivals", "per 100,000", "lower-is-better",
                "cash-releasing", "direct-public-sector", 38, 15, "dir-digital", demo, "£6.8m", "in-realisation"), "permission", "secure"),
            new("DPP-PRJ-001", Quantitative("Visitors know before they travel", "Share of visa-exempt visitors with a travel authorisation before boarding", "%", "higher-is-better",
                "wider-societal", "wider-social", 0, 95, "pgm-borders", demo, null, "in-realisation"), "permission", "secure"),
            new("DPP-PRJ-001", Quantitative("Time visitors spend applying", "Average time a visitor spends applying", "minutes", "lower-is-better",
                "wider-societal", "wider-social", 0, 10, "pgm-borders", demo, null, "validated") with { IsDisbenefit = true }, "permission", "secure"),
            new("DPP-PRJ-002", Quantitative("Fewer secondary checks", "Travellers sent to a secondary check per 1,000 arrivals", "per 1,000", "lower-is-better",
                "non-cash-releasing", "direct-public-sector", 42, 20, "dir-digital", demo, "£2.9m", "in-realisation"), "record", "secure"),
            // Enabled by the closed Advance Passenger Information Upgrade: tracked by Border Force after close.
            new("DPP-PRJ-004", Quantitative("Complete advance passenger data", "Share of scheduled arrivals with complete advance passenger data", "%", "higher-is-better",
                "non-cash-releasing", "direct-public-sector", 78, 99, "dir-digital", demo, "£1.6m", "in-realisation"), "record", "secure"),
            new("DPP-PRG-002", Quantitative("Faster asylum decisions", "Median days from claim to initial decision", "days", "lower-is-better",
                "non-cash-releasing", "direct-public-sector", 480, 180, "dir-casework", demo, "£12.5m", "in-realisation"), "teams", "decisions", Behind: true),
            new("DPP-PRG-002", Quantitative("Lower hotel accommodation cost", "Spend on contingency hotel accommodation a year", "£m", "lower-is-better",
                "cash-releasing", "direct-public-sector", 230, 90, "coo", demo, "£140m", "in-realisation"), "teams", "decisions"),
            new("DPP-PRJ-005", Quantitative("Legacy casework systems switched off", "Legacy casework systems still running", "systems", "lower-is-better",
                "cash-releasing", "direct-public-sector", 3, 0, "dir-casework", demo, "£5.4m", "validated"), "platform", "decisions"),
            new("DPP-PRJ-006", Quantitative("Longer waits for complex claims while teams focus on legacy cases", "Median days to decide claims outside the legacy backlog", "days", "lower-is-better",
                "wider-societal", "wider-social", 120, 150, "dir-casework", demo, null, "in-realisation") with { IsDisbenefit = true }, "teams", "decisions"),
            new("DPP-PRJ-007", Quantitative("Status checked online", "Share of right-to-work and right-to-rent checks done online", "%", "higher-is-better",
                "wider-societal", "wider-social", 35, 90, "dir-casework", demo, null, "in-realisation"), "status", "decisions"),
        };
        foreach (var (unit, input, change, objective, behind) in benefits)
        {
            var profile = Quarters(input.BaselineDate!.Value, input.TargetDate!.Value)
                .Select(on => new ProfilePointInput(on, Planned(input, on), input.MonetisedValue is { } full && Money.TryParse(full.Text, out var m, out _)
                    ? new AmountText((m.Pence / 100m * Share(input, on)).ToString("0", System.Globalization.CultureInfo.InvariantCulture)) : null)).ToList();
            var benefit = await service.RecordAsync(unit, input with { Profile = profile }, ct);
            // Two years of quarterly measurements, on plan but for the asylum backlog, which runs well behind it.
            foreach (var on in Quarters(input.BaselineDate.Value, today).Where(d => d <= today))
            {
                var planned = Planned(input, on);
                var measured = behind ? planned + ((input.BaselineValue!.Value - planned) * 0.6m) : planned;
                await service.RecordMeasurementAsync(benefit.Id, new MeasurementInput(on, decimal.Round(measured, 1), "Quarterly performance report"), ct);
            }

            var programme = unit.StartsWith("DPP-PRG", StringComparison.Ordinal) ? unit : changes[change].Unit;
            await map.LinkAsync(programme, new(changeRefs[change], benefit.Reference), ct);
            await map.LinkAsync(programme, new(benefit.Reference, objective == "secure" ? secure.Reference : decisions.Reference), ct);
        }

        // The upgrade closes; its benefit is handed to Border Force's director, who goes on measuring it.
        var units = demo.Services.GetRequiredService<UnitService>();
        var queries = demo.Services.GetRequiredService<UnitQueries>();
        var upgrade = await queries.RequireAsync("DPP-PRJ-004", ct);
        await units.CloseAsync(upgrade.Id, upgrade.Version, ct);
        var handover = demo.Services.GetRequiredService<BenefitHandover>();
        var open = await handover.CandidatesAsync(upgrade, ct);
        await handover.HandOverAsync("DPP-PRJ-004", open.Select(b => new HandoverInput(b.Reference, demo.People["dir-digital"])).ToList(), ct);
    }

    // The end of each quarter after the baseline date, up to the last date.
    private static IEnumerable<DateOnly> Quarters(DateOnly from, DateOnly to)
    {
        for (var on = from.AddMonths(3); on <= to; on = on.AddMonths(3))
        {
            yield return on;
        }
    }

    private static decimal Share(BenefitInput input, DateOnly on)
    {
        var (from, to) = (input.BaselineDate!.Value, input.TargetDate!.Value);
        return (decimal)(on.DayNumber - from.DayNumber) / (to.DayNumber - from.DayNumber);
    }

    // A straight line from the baseline to the target.
    private static decimal Planned(BenefitInput input, DateOnly on) =>
        decimal.Round(input.BaselineValue!.Value + ((input.TargetValue!.Value - input.BaselineValue.Value) * Share(input, on)), 1);

    private static BenefitInput Quantitative(
        string title, string kpi, string unitOfMeasure, string direction, string category, string kind, decimal baseline, decimal target,
        string owner, DemoSeedContext demo, string? monetised, string status) =>
        new(title, $"{kpi}, from {baseline:0.##} {unitOfMeasure} to {target:0.##} {unitOfMeasure}.", "DPP-PFL-001", demo.People[owner], category, "quantitative", kind, false,
            kpi, unitOfMeasure, direction, "Measured by the performance and analysis team from operational data", "quarterly",
            baseline, demo.Today.AddMonths(-24), target, demo.Today.AddMonths(24), monetised is null ? null : new AmountText(monetised), "medium", status);
}
