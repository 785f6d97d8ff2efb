using System.Globalization;

namespace Steward.Features.Finance.BusinessCases;

// One year of an option: costs and benefits in pence.
public sealed record CashFlowYear(FinancialYear Year, long Costs, long Benefits);

// An option's years as the text it is stored in, one year a line ("2026-27 costs=12000000 benefits=0"),
// so a change to one year reads as that line in the history.
public static class CashFlowText
{
    public static string Format(IEnumerable<CashFlowYear> years) =>
        string.Join('\n', years.OrderBy(y => y.Year.Start).Select(y => string.Create(CultureInfo.InvariantCulture, $"{y.Year} costs={y.Costs} benefits={y.Benefits}")));

    public static List<CashFlowYear> Parse(string text)
    {
        var years = new List<CashFlowYear>();
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = line.Split(' ');
            if (!FinancialYear.TryParse(parts[0], out var year))
            {
                throw new FormatException($"A stored cash flow line names no financial year: {line}");
            }

            years.Add(new CashFlowYear(year, long.Parse(parts[1]["costs=".Length..], CultureInfo.InvariantCulture), long.Parse(parts[2]["benefits=".Length..], CultureInfo.InvariantCulture)));
        }

        return years;
    }
}
