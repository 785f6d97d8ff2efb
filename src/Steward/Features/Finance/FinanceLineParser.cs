using System.Globalization;
using FluentValidation.Results;
using Steward.Infrastructure;

namespace Steward.Features.Finance;

// A line of a change as read and checked: where it was in the change, what it names, and the months it sets (period → pence).
public sealed record ParsedLine(int Index, SpendingCategory Category, CostType CostType, FinancialYear Year, IReadOnlyDictionary<int, long> Months);

// Reads the lines of a change, naming each field that is wrong (lines[2].months.P13) and why.
public static class FinanceLineParser
{
    public const int MaxLines = 600;

    public static List<ParsedLine> Parse(IReadOnlyList<FinanceLineInput>? lines, List<ValidationFailure> failures)
    {
        var parsed = new List<ParsedLine>();
        if (lines is null || lines.Count == 0)
        {
            failures.Add(new ValidationFailure("lines", "Give at least one line: a category, a financial year and the months to set"));
            return parsed;
        }

        if (lines.Count > MaxLines)
        {
            failures.Add(new ValidationFailure("lines", $"A change can name at most {MaxLines} lines, not {lines.Count}"));
            return parsed;
        }

        var seen = new HashSet<(SpendingCategory, CostType, int)>();
        for (var i = 0; i < lines.Count; i++)
        {
            var field = $"lines[{i}]";
            var line = lines[i];
            var category = Choice<SpendingCategory>($"{field}.category", line.Category, required: true, failures);
            var costType = Choice<CostType>($"{field}.costType", line.CostType, required: false, failures) ?? CostType.Unspecified;
            FinancialYear? year = null;
            if (string.IsNullOrWhiteSpace(line.Year))
            {
                failures.Add(new ValidationFailure($"{field}.year", "Give the financial year, such as 2026-27"));
            }
            else if (FinancialYear.TryParse(line.Year, out var y))
            {
                year = y;
            }
            else
            {
                failures.Add(new ValidationFailure($"{field}.year", $"'{line.Year}' is not a financial year: write it as 2026-27 (from {FinancialYear.Earliest} to {FinancialYear.Latest})"));
            }

            var months = new Dictionary<int, long>();
            foreach (var (key, amount) in line.Months ?? [])
            {
                var monthField = $"{field}.months.{key}";
                if (Period(key) is not { } period)
                {
                    failures.Add(new ValidationFailure(monthField, $"There is no period '{key}': periods run P1 (April) to P12 (March)"));
                    continue;
                }

                if (!months.TryAdd(period, 0))
                {
                    failures.Add(new ValidationFailure(monthField, $"P{period} is given twice"));
                    continue;
                }

                if (Money.TryParse(amount.Text, out var money, out var problem))
                {
                    months[period] = money.Pence;
                }
                else
                {
                    failures.Add(new ValidationFailure(monthField, $"P{period}: {problem}"));
                }
            }

            if (line.Months is null || line.Months.Count == 0)
            {
                failures.Add(new ValidationFailure($"{field}.months", "Give the months to set, P1 (April) to P12 (March)"));
            }

            if (category is { } c && year is { } fy)
            {
                if (!seen.Add((c, costType, fy.Start)))
                {
                    failures.Add(new ValidationFailure(field, $"{FinanceLabels.Of(c)} ({FinanceLabels.Of(costType).ToLowerInvariant()}) in {fy} is named twice"));
                }

                parsed.Add(new ParsedLine(i, c, costType, fy, months));
            }
        }

        return parsed;
    }

    // "P4", "p4" or "4".
    public static int? Period(string key)
    {
        var text = key.Trim();
        if (text.StartsWith('P') || text.StartsWith('p'))
        {
            text = text[1..];
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var period) && period is >= 1 and <= FinancialYear.Periods ? period : null;
    }

    // A kebab-case choice (cdel, capital-works), reported against its field when it is not one.
    internal static T? Choice<T>(string field, string? text, bool required, List<ValidationFailure> failures) where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
            {
                failures.Add(new ValidationFailure(field, $"Choose one of: {string.Join(", ", EnumText.All<T>())}"));
            }

            return null;
        }

        foreach (var value in Enum.GetValues<T>())
        {
            if (string.Equals(EnumText.Of(value), text.Trim(), StringComparison.OrdinalIgnoreCase) || string.Equals(value.ToString(), text.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        failures.Add(new ValidationFailure(field, $"'{text}' is not one of: {string.Join(", ", EnumText.All<T>())}"));
        return null;
    }
}
