using System.Globalization;

namespace Steward.Features.Reporting;

public enum ReportingCadence
{
    Weekly,
    Fortnightly,
    Monthly,
    Quarterly,
}

// One period of a reporting cycle, named as people write it: 2026-11 (a month), 2026-Q4 (October to
// December), 2026-W49 (an ISO week, Monday to Sunday) and, for fortnights, the odd-numbered ISO week
// that starts one (2026-W49 is weeks 49 and 50; a year's week 53 is a fortnight of one week).
public readonly record struct ReportingPeriod(ReportingCadence Cadence, string Key, DateOnly Start, DateOnly End)
{
    public string Describe() => Cadence switch
    {
        ReportingCadence.Monthly => Start.ToString("MMMM yyyy", CultureInfo.InvariantCulture),
        ReportingCadence.Quarterly => $"{Start.ToString("MMMM", CultureInfo.InvariantCulture)} to {End.ToString("MMMM yyyy", CultureInfo.InvariantCulture)}",
        _ => $"{Start.ToString("d MMMM", CultureInfo.InvariantCulture)} to {End.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}",
    };

    public ReportingPeriod Previous() => Containing(Cadence, Start.AddDays(-1));

    public ReportingPeriod Next() => Containing(Cadence, End.AddDays(1));

    public static ReportingPeriod Containing(ReportingCadence cadence, DateOnly day)
    {
        switch (cadence)
        {
            case ReportingCadence.Monthly:
                var month = new DateOnly(day.Year, day.Month, 1);
                return new(cadence, month.ToString("yyyy-MM", CultureInfo.InvariantCulture), month, month.AddMonths(1).AddDays(-1));
            case ReportingCadence.Quarterly:
                var quarter = (day.Month - 1) / 3;
                var first = new DateOnly(day.Year, quarter * 3 + 1, 1);
                return new(cadence, $"{day.Year}-Q{quarter + 1}", first, first.AddMonths(3).AddDays(-1));
            default:
                var dt = day.ToDateTime(TimeOnly.MinValue);
                var (year, week) = (ISOWeek.GetYear(dt), ISOWeek.GetWeekOfYear(dt));
                if (cadence == ReportingCadence.Fortnightly && week % 2 == 0)
                {
                    week--;
                }

                var monday = DateOnly.FromDateTime(ISOWeek.ToDateTime(year, week, DayOfWeek.Monday));
                var weeks = cadence == ReportingCadence.Fortnightly && week < ISOWeek.GetWeeksInYear(year) ? 2 : 1;
                return new(cadence, $"{year}-W{week:00}", monday, monday.AddDays(7 * weeks - 1));
        }
    }

    // The period a key names for this cadence, or why there is none.
    public static bool TryParse(ReportingCadence cadence, string? key, out ReportingPeriod period, out string problem)
    {
        period = default;
        problem = string.Empty;
        var text = (key ?? string.Empty).Trim().ToUpperInvariant();
        var example = Containing(cadence, new DateOnly(2026, 11, 15)).Key;
        if (text.Length == 0)
        {
            problem = $"Give the period the report covers, such as {example}";
            return false;
        }

        DateOnly? day = null;
        switch (cadence)
        {
            case ReportingCadence.Monthly when DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var m):
                day = m;
                break;
            case ReportingCadence.Quarterly when text.Length == 7 && text[4..6] == "-Q" && int.TryParse(text[..4], CultureInfo.InvariantCulture, out var y) && text[6] is >= '1' and <= '4' && y is > 1900 and < 9999:
                day = new DateOnly(y, (text[6] - '1') * 3 + 1, 1);
                break;
            case ReportingCadence.Weekly or ReportingCadence.Fortnightly when text.Length == 8 && text[4..6] == "-W"
                && int.TryParse(text[..4], CultureInfo.InvariantCulture, out var wy) && int.TryParse(text[6..], CultureInfo.InvariantCulture, out var w)
                && wy is > 1900 and < 9999 && w >= 1 && w <= ISOWeek.GetWeeksInYear(wy):
                if (cadence == ReportingCadence.Fortnightly && w % 2 == 0)
                {
                    problem = $"'{key}' does not start a fortnight: fortnights start on odd-numbered weeks ({wy}-W{w - 1:00} covers weeks {w - 1} and {w})";
                    return false;
                }

                day = DateOnly.FromDateTime(ISOWeek.ToDateTime(wy, w, DayOfWeek.Monday));
                break;
        }

        if (day is null)
        {
            problem = $"'{key}' is not a {Word(cadence)} period: write it as {example}";
            return false;
        }

        period = Containing(cadence, day.Value);
        return true;
    }

    public static string Word(ReportingCadence cadence) => cadence switch
    {
        ReportingCadence.Weekly => "weekly",
        ReportingCadence.Fortnightly => "fortnightly",
        ReportingCadence.Monthly => "monthly",
        _ => "quarterly",
    };
}
