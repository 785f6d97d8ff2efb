using System.Globalization;
using System.Text.RegularExpressions;
using Steward.Features.Reporting;

namespace Steward.Features.Gmpp;

// Reads one value of a published GMPP file the way a department wrote it: money as 450.37, £1.90m or
// £6.20 (all £ millions), ranges, UK and ISO dates, DCA with stray spaces and case, and the sentences that
// stand for a value (an exemption under the Freedom of Information Act, "Data not provided"). A value is
// never guessed: what cannot be read is kept as published and reported, and what looks like a value but
// is malformed (£1.2.3m, 31/02/2015) refuses the file.
public static partial class GmppValues
{
    public const decimal MostMillions = 1_000_000m;

    [GeneratedRegex(@"\bexempt(ion|ed)?\b|\bsection\s+\d+", RegexOptions.IgnoreCase)]
    private static partial Regex Exemption();

    [GeneratedRegex(@"^(n/?a|not applicable|tbc|tbd|#n/a|-|–|none|nil|reset|no end date|not set|unknown)\.?$|not (been )?provided|did not provide|not in a position to provide|planning stage|no departmental narrative|not yet (known|available|agreed)|to be confirmed", RegexOptions.IgnoreCase)]
    private static partial Regex NotGiven();

    [GeneratedRegex(@"^[-–+£$\d.,\s]*m?(illion)?$", RegexOptions.IgnoreCase)]
    private static partial Regex MoneyLike();

    [GeneratedRegex(@"^(?<neg>[-–])?\s*£?\s*(?<neg2>[-–])?\s*(?<n>\d{1,3}(,\d{3})+(\.\d+)?|\d+(\.\d+)?|\.\d+)\s*(m|million)?$", RegexOptions.IgnoreCase)]
    private static partial Regex Money();

    [GeneratedRegex(@"low\s*:?\s*(?<low>[^,]+(,\d{3})*(\.\d+)?)\s*,\s*mid\s*:?\s*(?<mid>[^,]+(,\d{3})*(\.\d+)?)\s*,\s*high\s*:?\s*(?<high>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex Range();

    [GeneratedRegex(@"^(?<neg>[-–])?\s*(?<n>\d{1,3}(,\d{3})+(\.\d+)?|\d+(\.\d+)?|\.\d+)\s*%?$")]
    private static partial Regex Percent();

    [GeneratedRegex(@"^[\d\s/.\-:T]+$")]
    private static partial Regex DateLike();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    public static string Tidy(string text) => Spaces().Replace(text.Replace('\u00A0', ' '), " ").Trim();

    public static bool IsExemption(string text) => Exemption().IsMatch(text);

    // A sentence standing for a value, or null if the text is not one.
    public static GmppNoteKind? Statement(string text) =>
        Exemption().IsMatch(text) ? GmppNoteKind.Withheld : NotGiven().IsMatch(text.Trim()) ? GmppNoteKind.NotGiven : null;

    public static Reading<decimal> Millions(string text)
    {
        var tidy = Tidy(text);
        if (Money().Match(tidy) is { Success: true } money)
        {
            var value = decimal.Parse(money.Groups["n"].Value, NumberStyles.AllowDecimalPoint | NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
            if (money.Groups["neg"].Success ^ money.Groups["neg2"].Success)
            {
                value = -value;
            }

            return Math.Abs(value) >= MostMillions
                ? Readings.Unread<decimal>($"'{tidy}' is over £1 trillion read as £ millions, so it is probably in pounds; kept as published")
                : Readings.Of<decimal>(value);
        }

        if (Statement(tidy) is { } kind)
        {
            return Readings.Note<decimal>(kind);
        }

        return MoneyLike().IsMatch(tidy)
            ? Readings.Refused<decimal>($"'{tidy}' is not a sum of money in £ millions (such as 450.37 or £1.90m)")
            : Readings.Unread<decimal>($"'{Short(tidy)}' is not a sum of money; kept as published");
    }

    // "Low: 2,750.00, Mid: 2,820.00, High: 3,100.00": all three read, or the value is not read.
    public static (Reading<decimal> Mid, decimal? Low, decimal? High)? MillionsRange(string text)
    {
        if (Range().Match(Tidy(text)) is not { Success: true } range)
        {
            return null;
        }

        var (low, mid, high) = (Millions(range.Groups["low"].Value), Millions(range.Groups["mid"].Value), Millions(range.Groups["high"].Value));
        if (low.Value is not { } l || mid.Value is not { } m || high.Value is not { } h)
        {
            return (Readings.Refused<decimal>($"'{Tidy(text)}' is a range whose low, mid and high are not all sums of money"), null, null);
        }

        return l <= m && m <= h
            ? (Readings.Of<decimal>(m), l, h)
            : (Readings.Refused<decimal>($"'{Tidy(text)}' is a range whose low, mid and high are not in order"), null, null);
    }

    public static Reading<decimal> PercentOf(string text)
    {
        var tidy = Tidy(text);
        if (Percent().Match(tidy) is { Success: true } percent)
        {
            var value = decimal.Parse(percent.Groups["n"].Value, NumberStyles.AllowDecimalPoint | NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
            return Readings.Of<decimal>(percent.Groups["neg"].Success ? -value : value);
        }

        if (Statement(tidy) is { } kind)
        {
            return Readings.Note<decimal>(kind);
        }

        return Readings.Unread<decimal>($"'{Short(tidy)}' is not a percentage; kept as published");
    }

    private static readonly string[] DateFormats = ["dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd", "dd-MM-yyyy", "dd.MM.yyyy", "yyyy-MM-ddTHH:mm:ss", "dd/MM/yyyy HH:mm:ss", "d/M/yyyy H:mm"];

    public static Reading<DateOnly> Date(string text)
    {
        var tidy = Tidy(text);
        if (DateTime.TryParseExact(tidy, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date.Year is >= 1900 and <= 2200
                ? Readings.Of<DateOnly>(DateOnly.FromDateTime(date))
                : Readings.Refused<DateOnly>($"'{tidy}' is not a date between 1900 and 2200");
        }

        if (Statement(tidy) is { } kind)
        {
            return Readings.Note<DateOnly>(kind);
        }

        return DateLike().IsMatch(tidy)
            ? Readings.Refused<DateOnly>($"'{tidy}' is not a date (day/month/year, such as 31/03/2024)")
            : Readings.Unread<DateOnly>($"'{Short(tidy)}' is not a date; kept as published");
    }

    // Either scale's words, however spaced or cased: "Amber ", "Amber/ Red", "amber-red", "AMBER/GREEN".
    public static Reading<DcaRating> Dca(string text)
    {
        var tidy = Tidy(text);
        var key = tidy.ToLowerInvariant().Replace(" ", string.Empty, StringComparison.Ordinal).Replace('-', '/').Replace('\\', '/').Replace("amber&", "amber/", StringComparison.Ordinal);
        DcaRating? rating = key switch
        {
            "green" or "g" => DcaRating.Green,
            "amber/green" or "a/g" or "ag" or "green/amber" => DcaRating.AmberGreen,
            "amber" or "a" => DcaRating.Amber,
            "amber/red" or "a/r" or "ar" or "red/amber" => DcaRating.AmberRed,
            "red" or "r" => DcaRating.Red,
            _ => null,
        };
        if (rating is { } known)
        {
            return Readings.Of<DcaRating>(known);
        }

        if (key is "nodca" or "reset" or "notrated" or "notset" || Statement(tidy) is not null)
        {
            return Readings.Note<DcaRating>(Statement(tidy) ?? GmppNoteKind.NotGiven);
        }

        // A word or two that is no rating is a mistake; a sentence is the department explaining why there is none.
        return tidy.Split(' ').Length <= 3
            ? Readings.Refused<DcaRating>($"'{tidy}' is not a delivery confidence rating on either scale (Green, Amber/Green, Amber, Amber/Red, Red)")
            : Readings.Unread<DcaRating>($"'{Short(tidy)}' is not a delivery confidence rating; kept as published");
    }

    public static GmppCategory? Category(string text) => Tidy(text).ToLowerInvariant() switch
    {
        "government transformation and service delivery" or "transformation and service delivery" or "transformation" => GmppCategory.TransformationAndServiceDelivery,
        "infrastructure and construction" or "infrastructure" => GmppCategory.InfrastructureAndConstruction,
        "military capability" or "military" => GmppCategory.MilitaryCapability,
        "ict" or "information and communications technology" => GmppCategory.Ict,
        _ => null,
    };

    public static string CategoryLabel(GmppCategory category) => category switch
    {
        GmppCategory.TransformationAndServiceDelivery => "Government Transformation and Service Delivery",
        GmppCategory.InfrastructureAndConstruction => "Infrastructure and Construction",
        GmppCategory.MilitaryCapability => "Military Capability",
        _ => "ICT",
    };

    private static string Short(string text) => text.Length <= 80 ? text : text[..77] + "...";
}

// What one cell gave: a value, words standing for one (Kind), or nothing; Problem says what could not be
// read, and Refuses whether that stops the file (a malformed value) or only needs confirming (text kept).
public readonly record struct Reading<T>(T? Value, GmppNoteKind? Kind, string? Problem, bool Refuses)
    where T : struct;

public static class Readings
{
    public static Reading<T> Of<T>(T value) where T : struct => new(value, null, null, false);

    public static Reading<T> Note<T>(GmppNoteKind kind) where T : struct => new(null, kind, null, false);

    public static Reading<T> Unread<T>(string problem) where T : struct => new(null, GmppNoteKind.AsPublished, problem, false);

    public static Reading<T> Refused<T>(string problem) where T : struct => new(null, null, problem, true);
}
