using FluentValidation;
using FluentValidation.Results;

namespace Steward.Features.Finance.Cli;

// A line of money on the command line: "cdel 2026-27 P4=1,200 P5=£1.2m", with an optional cost type after
// the category ("cdel/staff"). Only its shape is checked here; the service checks the category, year and
// amounts as it does for the API, and names the line and month that is wrong.
internal static class FinanceLineOption
{
    public const string Help = "CATEGORY[/COST-TYPE] YEAR P1=AMOUNT ...: for example \"cdel 2026-27 P4=1,200 P5=£1.2m\". Repeatable.";

    public static List<FinanceLineInput> Parse(string[]? lines, string option = "--line")
    {
        var result = new List<FinanceLineInput>();
        var failures = new List<ValidationFailure>();
        foreach (var text in lines ?? [])
        {
            var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (words.Length < 3)
            {
                failures.Add(new ValidationFailure(option, $"'{text}' needs a category, a financial year and at least one month: \"cdel 2026-27 P4=1200\""));
                continue;
            }

            var category = words[0].Split('/', 2);
            var months = new Dictionary<string, AmountText>(StringComparer.OrdinalIgnoreCase);
            foreach (var month in words[2..])
            {
                var at = month.IndexOf('=', StringComparison.Ordinal);
                if (at <= 0)
                {
                    failures.Add(new ValidationFailure(option, $"'{month}' in '{text}' is not a month and amount: write P4=1200"));
                    continue;
                }

                months[month[..at]] = new AmountText(month[(at + 1)..]);
            }

            result.Add(new FinanceLineInput(category[0], category.Length > 1 ? category[1] : null, words[1], months));
        }

        if (result.Count == 0 && failures.Count == 0)
        {
            failures.Add(new ValidationFailure(option, "Give at least one line of money"));
        }

        return failures.Count > 0 ? throw new ValidationException(failures) : result;
    }
}
