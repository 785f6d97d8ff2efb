using System.Globalization;

namespace Steward.Features.Finance;

// The UK government financial year, 1 April to 31 March, written "2026-27". Its months are periods:
// P1 = April ... P12 = March.
public readonly record struct FinancialYear(int Start) : IComparable<FinancialYear>
{
    public const int Periods = 12;
    public const int Earliest = 1990;
    public const int Latest = 2200;

    public static FinancialYear Of(DateOnly day) => new(day.Month >= 4 ? day.Year : day.Year - 1);

    // 1 for April ... 12 for March.
    public static int PeriodOf(DateOnly day) => ((day.Month + 8) % 12) + 1;

    public DateOnly FirstDayOf(int period)
    {
        CheckPeriod(period);
        return new DateOnly(period >= 10 ? Start + 1 : Start, ((period + 2) % 12) + 1, 1);
    }

    public DateOnly FirstDay => new(Start, 4, 1);

    public DateOnly LastDay => new(Start + 1, 3, 31);

    public FinancialYear Next => new(Start + 1);

    public int CompareTo(FinancialYear other) => Start.CompareTo(other.Start);

    public static bool operator <(FinancialYear a, FinancialYear b) => a.Start < b.Start;

    public static bool operator >(FinancialYear a, FinancialYear b) => a.Start > b.Start;

    public static bool operator <=(FinancialYear a, FinancialYear b) => a.Start <= b.Start;

    public static bool operator >=(FinancialYear a, FinancialYear b) => a.Start >= b.Start;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Start}-{(Start + 1) % 100:00}");

    // "P1 April 2026".
    public string PeriodLabel(int period) => $"P{period} {FirstDayOf(period).ToString("MMMM yyyy", CultureInfo.InvariantCulture)}";

    // "Apr 26", for a chart's axis.
    public string ShortMonth(int period) => FirstDayOf(period).ToString("MMM yy", CultureInfo.InvariantCulture);

    // "2026-27", "2026/27" or "2026" (the year it starts).
    public static bool TryParse(string? text, out FinancialYear year)
    {
        year = default;
        var s = (text ?? string.Empty).Trim();
        var parts = s.Split('-', '/');
        if (parts.Length is < 1 or > 2 || parts[0].Length != 4 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var start))
        {
            return false;
        }

        if (parts.Length == 2 && (parts[1].Length != 2 || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var end) || end != (start + 1) % 100))
        {
            return false;
        }

        if (start is < Earliest or > Latest)
        {
            return false;
        }

        year = new FinancialYear(start);
        return true;
    }

    public static void CheckPeriod(int period)
    {
        if (period is < 1 or > Periods)
        {
            throw new ArgumentOutOfRangeException(nameof(period), period, "Periods run P1 (April) to P12 (March)");
        }
    }
}
