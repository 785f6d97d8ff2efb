using Steward.Features.Reporting;

namespace Steward.Features.Gmpp;

// GMPP data is taken at 30 September (until 2019) and 31 March (from 2021); the DCA was on five points up
// to March 2021 and three from March 2022 (uk-delivery-facts.md).
public static class GmppSnapshotDates
{
    private static readonly DateOnly ThreePointFrom = new(2022, 1, 1);

    // The latest snapshot date on or before a day: the return a PMO is working on.
    public static DateOnly LatestOnOrBefore(DateOnly day) =>
        day >= new DateOnly(day.Year, 9, 30) ? new DateOnly(day.Year, 9, 30) : day >= new DateOnly(day.Year, 3, 31) ? new DateOnly(day.Year, 3, 31) : new DateOnly(day.Year - 1, 9, 30);

    public static bool IsSnapshotDate(DateOnly date) => (date.Month, date.Day) is (3, 31) or (9, 30);

    public static DcaScale ScaleAt(DateOnly asAt) => asAt < ThreePointFrom ? DcaScale.FivePoint : DcaScale.ThreePoint;

    // The date a file's data stands at, from what the file says: a year column (row layout, 31 March of
    // it), or the financial year its headings name (30 September of its first year up to 2019/20, else 31
    // March of its second year).
    public static DateOnly? Infer(GmppFile file)
    {
        if (file.Year is { } year and >= 2000 and <= 2200)
        {
            return new DateOnly(year, 3, 31);
        }

        if (file.FinancialYear is { Length: >= 4 } financialYear && int.TryParse(financialYear[..4], out var first))
        {
            return file.Layout == GmppLayout.Transposed && first <= 2019 ? new DateOnly(first, 9, 30) : new DateOnly(first + 1, 3, 31);
        }

        return null;
    }

    // When a project joined, from its id's suffix: DFT_0048_2021-Q3 is the third quarter of 2020/21 (October 2020).
    public static DateOnly? JoinedFrom(string? gmppId)
    {
        if (gmppId is null || gmppId.Length < 7 || gmppId[^2] != 'Q' || gmppId[^3] != '-')
        {
            return null;
        }

        var years = gmppId[^7..^3];
        if (!int.TryParse(years[..2], out var a) || !int.TryParse(years[2..], out var b) || b != (a + 1) % 100 || gmppId[^1] is < '1' or > '4')
        {
            return null;
        }

        var quarter = gmppId[^1] - '0';
        return quarter == 4 ? new DateOnly(2000 + a + 1, 1, 1) : new DateOnly(2000 + a, 1 + (3 * quarter), 1);
    }
}
