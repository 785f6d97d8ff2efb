using System.Globalization;

namespace Steward.Features.Finance;

// An exact sum of money in pence. Finance never uses floating point for money: sums over fourteen
// million monthly values must add up to the penny, as the ledger does.
[System.Text.Json.Serialization.JsonConverter(typeof(MoneyJsonConverter))]
public readonly record struct Money(long Pence) : IComparable<Money>
{
    // Ten trillion pounds: far beyond any department's budget, and small enough that sums of millions of
    // values cannot overflow a long.
    public const long LargestPence = 1_000_000_000_000_000;

    private static readonly CultureInfo UnitedKingdom = CultureInfo.GetCultureInfo("en-GB");

    public static Money Zero => default;

    public static Money FromPounds(decimal pounds) => new(checked((long)decimal.Round(pounds * 100m, 0, MidpointRounding.ToEven)));

    // Always with two places (1234.50), as a ledger writes it.
    public decimal Pounds => (Pence / 100m) + 0.00m;

    public bool IsZero => Pence == 0;

    public static Money operator +(Money a, Money b) => new(a.Pence + b.Pence);

    public static Money operator -(Money a, Money b) => new(a.Pence - b.Pence);

    public static Money operator -(Money a) => new(-a.Pence);

    public static bool operator <(Money a, Money b) => a.Pence < b.Pence;

    public static bool operator >(Money a, Money b) => a.Pence > b.Pence;

    public static bool operator <=(Money a, Money b) => a.Pence <= b.Pence;

    public static bool operator >=(Money a, Money b) => a.Pence >= b.Pence;

    public int CompareTo(Money other) => Pence.CompareTo(other.Pence);

    // How this differs from a plan as a percentage of it, or null where the plan is nothing.
    public decimal? PercentOf(Money plan) => plan.Pence == 0 ? null : decimal.Round(Pence * 100m / plan.Pence, 1, MidpointRounding.AwayFromZero);

    // The UK way in reports: £1.2m and £450.37m from a million up, whole pounds below (£450,000). Exact() keeps the pence.
    public override string ToString()
    {
        var sign = Pence < 0 ? "-" : string.Empty;
        var pounds = Math.Abs(Pence / 100m);
        if (pounds >= 1_000_000m)
        {
            return string.Create(UnitedKingdom, $"{sign}£{pounds / 1_000_000m:#,0.0#}m");
        }

        return string.Create(UnitedKingdom, $"{sign}£{decimal.Round(pounds, 0, MidpointRounding.AwayFromZero):#,0}");
    }

    // Every penny, for tables where figures must add up by eye: £1,234,567.89.
    public string Exact() => string.Create(UnitedKingdom, $"{(Pence < 0 ? "-" : string.Empty)}£{Math.Abs(Pence / 100m):#,0.00}");

    // Reads an amount as people and finance systems write it: 1200, 1,200.50, £1.2m, £450k, £2bn,
    // -1200, (1,200.00) for a negative, with or without the pound sign. Anything else (1.2.3, 12e99,
    // a fraction of a penny) is refused with the reason.
    public static bool TryParse(string? text, out Money money, out string? problem)
    {
        money = default;
        problem = null;
        var s = (text ?? string.Empty).Trim();
        if (s.Length == 0)
        {
            problem = "is blank: give an amount such as 1200, £1,200.50 or £1.2m";
            return false;
        }

        var negative = false;
        if (s.StartsWith('(') && s.EndsWith(')'))
        {
            negative = true;
            s = s[1..^1].Trim();
        }

        if (s.StartsWith('-') || s.StartsWith('\u2212'))
        {
            negative = !negative;
            s = s[1..].TrimStart();
        }

        if (s.StartsWith('£'))
        {
            s = s[1..].TrimStart();
        }

        var multiplier = 1m;
        var lower = s.ToLowerInvariant();
        foreach (var (suffix, scale) in Suffixes)
        {
            if (lower.EndsWith(suffix, StringComparison.Ordinal) && lower.Length > suffix.Length)
            {
                multiplier = scale;
                s = s[..^suffix.Length].TrimEnd();
                break;
            }
        }

        if (!IsPlainNumber(s))
        {
            problem = $"'{text}' is not an amount: give one such as 1200, £1,200.50, (1,200.00) or £1.2m";
            return false;
        }

        decimal value;
        try
        {
            value = decimal.Parse(s.Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture) * multiplier * 100m;
        }
        catch (OverflowException)
        {
            problem = $"'{text}' is too large: amounts go up to £10 trillion";
            return false;
        }

        if (value != decimal.Truncate(value))
        {
            problem = $"'{text}' has a fraction of a penny";
            return false;
        }

        if (value > LargestPence)
        {
            problem = $"'{text}' is too large: amounts go up to £10 trillion";
            return false;
        }

        money = new Money((long)(negative ? -value : value));
        return true;
    }

    private static readonly (string Suffix, decimal Scale)[] Suffixes = [("bn", 1_000_000_000m), ("m", 1_000_000m), ("k", 1_000m)];

    // Digits, commas only between digits, at most one decimal point with digits after it.
    private static bool IsPlainNumber(string s)
    {
        if (s.Length == 0 || !char.IsAsciiDigit(s[0]) && s[0] != '.')
        {
            return false;
        }

        var point = false;
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (char.IsAsciiDigit(c))
            {
                continue;
            }

            if (c == '.' && !point && i + 1 < s.Length)
            {
                point = true;
                continue;
            }

            if (c == ',' && !point && i > 0 && char.IsAsciiDigit(s[i - 1]) && i + 1 < s.Length && char.IsAsciiDigit(s[i + 1]))
            {
                continue;
            }

            return false;
        }

        return true;
    }
}
