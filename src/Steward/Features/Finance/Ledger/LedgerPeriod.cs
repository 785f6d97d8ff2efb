using System.Globalization;
using System.Text.RegularExpressions;

namespace Steward.Features.Finance.Ledger;

// The month a ledger row belongs to, as finance systems write it: a posting date (2026-07-15, 15/07/2026),
// a month (2026-07, Jul-26, July 2026), a period with its year (2026-27 P4) or a period alone (P4, 4)
// when the import says which year.
public static partial class LedgerPeriod
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm:ss", "dd/MM/yyyy", "d/M/yyyy", "dd-MM-yyyy", "dd.MM.yyyy"];
    private static readonly string[] MonthFormats = ["yyyy-MM", "MMM-yy", "MMM yy", "MMM yyyy", "MMMM yyyy", "MMM-yyyy", "MM/yyyy"];

    public static bool TryParse(string? text, FinancialYear? year, out FinancialYear financialYear, out int period, out string? problem)
    {
        (financialYear, period, problem) = (default, 0, null);
        var s = (text ?? string.Empty).Trim();
        if (s.Length == 0)
        {
            problem = "is blank: give the posting date or the period";
            return false;
        }

        if (DateOnly.TryParseExact(s, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            || DateOnly.TryParseExact(s, MonthFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out day))
        {
            (financialYear, period) = (FinancialYear.Of(day), FinancialYear.PeriodOf(day));
            return true;
        }

        var withYear = PeriodWithYear().Match(s);
        if (withYear.Success && FinancialYear.TryParse(withYear.Groups["year"].Value, out var fy))
        {
            return Period(withYear.Groups["period"].Value, fy, out financialYear, out period, out problem, s);
        }

        var alone = PeriodAlone().Match(s);
        if (alone.Success)
        {
            if (year is not { } given)
            {
                problem = $"'{s}' is a period without its year: say which financial year the file is for";
                return false;
            }

            return Period(alone.Groups["period"].Value, given, out financialYear, out period, out problem, s);
        }

        problem = $"'{s}' is not a date or a period: write 2026-07-15, 15/07/2026, 2026-07, 2026-27 P4 or P4";
        return false;
    }

    private static bool Period(string digits, FinancialYear fy, out FinancialYear financialYear, out int period, out string? problem, string text)
    {
        (financialYear, period, problem) = (fy, int.Parse(digits, CultureInfo.InvariantCulture), null);
        if (period is >= 1 and <= FinancialYear.Periods)
        {
            return true;
        }

        problem = $"'{text}' names period {period}: periods run P1 (April) to P12 (March)";
        return false;
    }

    [GeneratedRegex(@"^(?<year>\d{4}(?:[-/]\d{2})?)\s*[ /-]?\s*[Pp]?(?<period>\d{1,2})$|^[Pp](?<period>\d{1,2})\s*[ /-]?\s*(?<year>\d{4}(?:[-/]\d{2})?)$")]
    private static partial Regex PeriodWithYear();

    [GeneratedRegex(@"^[Pp]?(?<period>\d{1,2})$")]
    private static partial Regex PeriodAlone();
}
