using System.ComponentModel;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Infrastructure;

namespace Steward.Features.Finance;

// Moving forecast money from one month to another, in the same year or another: the commonest re-phasing
// ("slip £400k of fit-out into next year"), said as the PMO says it rather than as two lines retyped.
// It becomes an ordinary forecast change of the one or two lines it touches, so the total is kept, the
// change is logged with its reason, and the unit's version guards it like any other.
public sealed record ForecastMoveInput(
    [property: Description("rdel-administration, rdel-programme, cdel, non-government or ame.")] string? Category,
    [property: Description("The cost type of the line, where the unit splits by it; default none.")] string? CostType,
    [property: Description("The financial year the money leaves, 2026-27.")] string? FromYear,
    [property: Description("The month it leaves, P1 (April) to P12 (March).")] string? FromPeriod,
    [property: Description("The financial year it goes to.")] string? ToYear,
    [property: Description("The month it goes to.")] string? ToPeriod,
    [property: Description("How much, in pounds: at most what the month holds.")] AmountText? Amount,
    [property: Description("Why it moves. Required; kept in the history.")] string? Reason);

internal static class ForecastMove
{
    // The lines to set: the month left with the amount taken off, the month reached with it added.
    public static async Task<List<FinanceLineInput>> LinesAsync(StewardDbContext db, Guid unitId, ForecastMoveInput input, DateOnly today, CancellationToken ct)
    {
        var failures = new List<ValidationFailure>();
        var category = FinanceLineParser.Choice<SpendingCategory>("category", input.Category, true, failures);
        var costType = FinanceLineParser.Choice<CostType>("costType", input.CostType, false, failures) ?? Finance.CostType.Unspecified;
        var from = Month("from", input.FromYear, input.FromPeriod, failures);
        var to = Month("to", input.ToYear, input.ToPeriod, failures);
        long amount = 0;
        if (input.Amount is not { } given || string.IsNullOrWhiteSpace(given.Text))
        {
            failures.Add(new ValidationFailure("amount", "Say how much moves"));
        }
        else if (!Money.TryParse(given.Text, out var money, out var problem))
        {
            failures.Add(new ValidationFailure("amount", problem!));
        }
        else if (money.Pence <= 0)
        {
            failures.Add(new ValidationFailure("amount", "Move an amount above £0: to move money the other way, swap the months"));
        }
        else
        {
            amount = money.Pence;
        }

        if (from is { } f && to is { } t && f == t)
        {
            failures.Add(new ValidationFailure("toPeriod", "The money would move to the month it is in: choose another month or year"));
        }
        else if (to is { } ended && ended.Year.FirstDayOf(ended.Period) < new DateOnly(today.Year, today.Month, 1))
        {
            // A month that has ended counts its actuals, not its forecast: money moved there would vanish from the outturn.
            failures.Add(new ValidationFailure("toPeriod", $"{ended.Year.PeriodLabel(ended.Period)} has ended, so its outturn is its actuals: move forecast money into this month or a later one"));
        }

        if (string.IsNullOrWhiteSpace(input.Reason))
        {
            failures.Add(new ValidationFailure("reason", "Say why the money moves: it is kept in the history"));
        }

        Throw(failures);
        var (fromYear, fromPeriod) = from!.Value;
        var (toYear, toPeriod) = to!.Value;
        var lines = await db.FinanceLines.AsNoTracking()
            .Where(l => l.UnitId == unitId && l.Layer == FinanceLayer.Forecast && l.Baseline == 0 && l.Category == category!.Value && l.CostType == costType
                && (l.Year == fromYear.Start || l.Year == toYear.Start))
            .ToListAsync(ct);
        var leaving = lines.FirstOrDefault(l => l.Year == fromYear.Start)?[fromPeriod] ?? 0;
        if (amount > leaving)
        {
            Throw([new ValidationFailure("amount",
                $"{fromYear.PeriodLabel(fromPeriod)} holds {new Money(leaving).Exact()} of {FinanceLabels.Of(category!.Value)} forecast: move at most that")]);
        }

        var arriving = lines.FirstOrDefault(l => l.Year == toYear.Start)?[toPeriod] ?? 0;
        var months = new Dictionary<FinancialYear, Dictionary<string, AmountText>>();
        void Set(FinancialYear year, int period, long pence) =>
            (months.TryGetValue(year, out var m) ? m : months[year] = [])[$"P{period}"] = new AmountText(new Money(pence).Pounds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Set(fromYear, fromPeriod, leaving - amount);
        Set(toYear, toPeriod, arriving + amount);
        var type = costType == Finance.CostType.Unspecified ? null : EnumText.Of(costType);
        return months.Select(m => new FinanceLineInput(EnumText.Of(category!.Value), type, m.Key.ToString(), m.Value)).ToList();
    }

    private static (FinancialYear Year, int Period)? Month(string side, string? yearText, string? periodText, List<ValidationFailure> failures)
    {
        FinancialYear? year = null;
        if (FinancialYear.TryParse(yearText, out var y))
        {
            year = y;
        }
        else
        {
            failures.Add(new ValidationFailure($"{side}Year", string.IsNullOrWhiteSpace(yearText) ? "Give the financial year, such as 2026-27" : $"'{yearText}' is not a financial year: write it as 2026-27"));
        }

        var period = FinanceLineParser.Period(periodText ?? string.Empty);
        if (period is null)
        {
            failures.Add(new ValidationFailure($"{side}Period", string.IsNullOrWhiteSpace(periodText)
                ? "Choose the month, P1 (April) to P12 (March)" : $"'{periodText}' is not a month: periods run P1 (April) to P12 (March)"));
        }

        return year is { } fy && period is { } p ? (fy, p) : null;
    }

    private static void Throw(List<ValidationFailure> failures)
    {
        if (failures.Count > 0)
        {
            throw new ValidationException(failures);
        }
    }
}
