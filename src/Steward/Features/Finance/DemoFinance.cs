using System.Globalization;
using Steward.Data;
using Steward.Features.Governance;
using Steward.Features.Units;
using Steward.Infrastructure.Modules;

namespace Steward.Features.Finance;

// The demo department's money: every project and programme has a budget approved by its portfolio's
// investment decision, spread over its months; a forecast that differs from it here and there; and
// actuals to last month. The Digital Borders Programme's projects run hot, so the programme is beyond
// its 5% cost tolerance this year and escalates to the portfolio.
internal static class DemoFinance
{
    // Whole-life budget in £m and the forecast's variance from it, by unit.
    private static readonly Dictionary<string, (decimal Millions, decimal Variance)> Money = new()
    {
        ["DPP-PRG-001"] = (3.2m, 0.02m), ["DPP-PRG-002"] = (2.4m, 0m), ["DPP-PRG-003"] = (1.8m, -0.01m), ["DPP-PRG-004"] = (0.9m, 0m),
        ["DPP-PRJ-001"] = (24.5m, 0.14m), ["DPP-PRJ-002"] = (12.8m, 0.11m), ["DPP-PRJ-003"] = (8.6m, 0.09m), ["DPP-PRJ-004"] = (6.2m, 0.04m),
        ["DPP-PRJ-005"] = (18.4m, 0.02m), ["DPP-PRJ-006"] = (9.7m, -0.03m), ["DPP-PRJ-007"] = (31.0m, 0.01m), ["DPP-PRJ-008"] = (4.3m, 0m),
        ["DPP-PRJ-009"] = (42.0m, 0.03m), ["DPP-PRJ-010"] = (27.5m, -0.06m), ["DPP-PRJ-011"] = (15.2m, 0.02m),
        ["DPP-PRJ-012"] = (22.0m, 0m), ["DPP-PRJ-013"] = (7.5m, 0.01m), ["DPP-PRJ-014"] = (3.1m, -0.02m), ["DPP-PRJ-015"] = (5.6m, 0.03m),
    };

    public static async Task SeedAsync(DemoSeedContext demo, CancellationToken ct)
    {
        var (sp, today) = (demo.Services, demo.Today);
        var finance = sp.GetRequiredService<FinanceService>();
        var governance = sp.GetRequiredService<GovernanceService>();
        var approvals = new Dictionary<string, string>();
        foreach (var portfolio in DemoUnits.All.Where(u => u.Kind == UnitKind.Portfolio))
        {
            var decision = await governance.RecordDecisionAsync(portfolio.Code, new DecisionInput(
                $"Approve the budgets of the {portfolio.Name}'s programmes and projects", today.AddMonths(-2),
                "The spending review settlement, allocated to the portfolio's programmes and projects as their business cases set out.",
                "Allocate by business case; hold a portfolio contingency of 5%; defer the shared-services programme's build.",
                DecidedById: demo.People[portfolio.Sro]), ct);
            approvals[portfolio.Code] = decision.Reference;
        }

        foreach (var unit in DemoUnits.All.Where(u => Money.ContainsKey(u.Code)))
        {
            var (millions, variance) = Money[unit.Code];
            var start = Month(today.AddMonths(unit.StartMonths));
            var end = Month(today.AddMonths(unit.EndMonths));
            var forecastEnd = Month(today.AddMonths(unit.EndMonths + unit.SlipMonths));
            var thisMonth = Month(today);
            var budget = Spread(millions * 1_000_000m, start, end);
            var forecast = Spread(millions * 1_000_000m * (1 + variance), start, forecastEnd);
            // Actuals track the forecast's rate, a little under it in odd months, to last month.
            var actuals = forecast.Where(m => m.Key < thisMonth).ToDictionary(m => m.Key, m => m.Key.Month % 2 == 1 ? decimal.Round(m.Value * 0.97m, 2) : m.Value);
            foreach (var (month, spent) in actuals)
            {
                forecast[month] = spent;
            }

            var portfolio = Portfolio(unit);
            await finance.RebaselineAsync(unit.Code, null, new BaselineInput("Budget set by the portfolio's investment decision", approvals[portfolio], Lines(budget, unit.Kind)), ct);
            var version = await finance.ChangeAsync(unit.Code, FinanceLayer.Forecast, null, new FinanceChangeInput("Forecast at month end", true, Lines(forecast, unit.Kind)), ct);
            if (actuals.Count > 0)
            {
                await finance.ChangeAsync(unit.Code, FinanceLayer.Actual, version, new FinanceChangeInput("Actuals from the ledger to last month", false, Lines(actuals, unit.Kind)), ct);
            }
        }

        await SeedBusinessCaseAsync(demo, governance, ct);
    }

    // Electronic Travel Authorisation's outline business case, approved by the programme's SRO: business as
    // usual, a do-minimum that extends the existing carrier checks, and the preferred full service.
    private static async Task SeedBusinessCaseAsync(DemoSeedContext demo, GovernanceService governance, CancellationToken ct)
    {
        var cases = demo.Services.GetRequiredService<BusinessCases.BusinessCaseService>();
        var baseYear = FinancialYear.Of(demo.Today.AddMonths(-20));
        List<BusinessCases.CashFlowInput> Years(params (decimal Costs, decimal Benefits)[] years) =>
            years.Select((y, i) => new BusinessCases.CashFlowInput(new FinancialYear(baseYear.Start + i).ToString(),
                new AmountText(y.Costs.ToString(CultureInfo.InvariantCulture)), new AmountText(y.Benefits.ToString(CultureInfo.InvariantCulture)))).ToList();
        var running = Enumerable.Repeat((1_800_000m, 0m), 10).ToArray();
        var minimum = new[] { (2_500_000m, 0m), (2_200_000m, 600_000m) }.Concat(Enumerable.Repeat((1_900_000m, 900_000m), 8)).ToArray();
        var full = new[] { (6_500_000m, 0m), (8_000_000m, 1_500_000m), (5_500_000m, 6_000_000m) }.Concat(Enumerable.Repeat((1_200_000m, 9_500_000m), 7)).ToArray();
        var version = await cases.SaveAsync("DPP-PRJ-001", null, new BusinessCases.BusinessCaseInput(
            "obc",
            "Visitors who do not need a visa arrive unchecked until they reach the border. An electronic travel authorisation lets the department refuse those who pose a risk before they travel, and speeds the rest through.",
            "Three options were appraised over ten years in real prices of the base year: business as usual, a do-minimum extending carriers' existing checks, and a full authorisation service. The full service has the highest net present social value.",
            "Build in house on the department's digital platform; identity checking bought through the existing framework; carriers' integration through the published API.",
            "Affordable within the programme's settlement: capital for the build, resource for running costs from year three.",
            "Run by the Digital Borders Programme under its board; benefits owned by Border Force; a post-implementation review a year after launch.",
            "https://www.gov.uk/guidance/the-green-book-2020\nhttps://www.gov.uk/government/publications/business-case-guidance",
            "equipment-and-development", baseYear.ToString(),
            [
                new("Business as usual", "business-as-usual", "Carriers' advance passenger information only.", 10, "Existing service: costs are known from the ledger.", Years(running)),
                new("Do minimum", "do-minimum", "Extend carriers' checks against the watch list.", 60, "Proven technology already in use by carriers.", Years(minimum)),
                new("Full authorisation service", "option", "Every visa-exempt visitor applies online before travelling.", 120, "Discovery and alpha retired the largest delivery risks.", Years(full)),
            ],
            "Full authorisation service"), ct);
        var decision = await governance.RecordDecisionAsync("DPP-PRG-001", new DecisionInput(
            "Approve the Electronic Travel Authorisation outline business case", demo.Today.AddMonths(-8),
            "The full service gives the best value for money; proceed to procurement and the full business case.",
            DecidedById: demo.People["dir-digital"]), ct);
        await cases.ApproveAsync("DPP-PRJ-001", version, new BusinessCases.ApprovalInput("obc", decision.Reference), ct);
    }

    private static DateOnly Month(DateOnly day) => new(day.Year, day.Month, 1);

    private static string Portfolio(DemoUnit unit)
    {
        var current = unit;
        while (current.Parent is { } parent)
        {
            current = DemoUnits.All.First(u => u.Code == parent);
        }

        return current.Code;
    }

    // An even spread of a sum over the months from start to end, the last month taking the pennies left.
    private static Dictionary<DateOnly, decimal> Spread(decimal total, DateOnly start, DateOnly end)
    {
        var months = new List<DateOnly>();
        for (var m = start; m <= end; m = m.AddMonths(1))
        {
            months.Add(m);
        }

        var each = decimal.Round(total / months.Count, 2);
        var spread = months.ToDictionary(m => m, _ => each);
        spread[months[^1]] = total - (each * (months.Count - 1));
        return spread;
    }

    // Programmes' own money is their team (administration); projects split capital, programme and administration.
    private static List<FinanceLineInput> Lines(Dictionary<DateOnly, decimal> months, UnitKind kind)
    {
        (SpendingCategory Category, decimal Share)[] split = kind == UnitKind.Programme
            ? [(SpendingCategory.RdelAdministration, 1m)]
            : [(SpendingCategory.Cdel, 0.6m), (SpendingCategory.RdelProgramme, 0.3m), (SpendingCategory.RdelAdministration, 0.1m)];
        var lines = new List<FinanceLineInput>();
        foreach (var year in months.Keys.Select(FinancialYear.Of).Distinct())
        {
            foreach (var (category, share) in split)
            {
                var amounts = months.Where(m => FinancialYear.Of(m.Key) == year)
                    .ToDictionary(m => $"P{FinancialYear.PeriodOf(m.Key)}", m => new AmountText(decimal.Round(m.Value * share, 2).ToString(CultureInfo.InvariantCulture)));
                lines.Add(new FinanceLineInput(Infrastructure.EnumText.Of(category), null, year.ToString(), amounts));
            }
        }

        return lines;
    }
}
