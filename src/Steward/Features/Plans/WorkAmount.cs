using System.Globalization;
using System.Text.RegularExpressions;
using Steward.Scheduling;

namespace Steward.Features.Plans;

// Durations and lags as planners type them in Microsoft Project: "5d", "3.5h", "2w", "1mo", "30m",
// with an "e" for elapsed time that runs through nights and weekends ("2ed"). A bare number is days.
public static partial class WorkAmount
{
    public const string Hint = "For example 5d, 3h, 2w, 1mo or 2ed (elapsed days)";

    public static bool TryParse(string? text, int minutesPerDay, out Span span)
    {
        span = default;
        var match = Pattern().Match(text?.Trim() ?? string.Empty);
        if (!match.Success || !double.TryParse(match.Groups["n"].Value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
        {
            return false;
        }

        var elapsed = match.Groups["e"].Success;
        var unit = match.Groups["u"].Success ? match.Groups["u"].Value.ToLowerInvariant() : "d";
        // An elapsed day is 24 hours; a working day is the plan's working day.
        var day = elapsed ? 24 * 60 : minutesPerDay;
        double minutes = unit switch
        {
            "m" or "min" or "mins" => amount,
            "h" or "hr" or "hrs" => amount * 60,
            "d" or "day" or "days" => amount * day,
            "w" or "wk" or "wks" => amount * (elapsed ? 7 * day : 5 * day),
            _ => amount * (elapsed ? 30 * day : 20 * day),
        };
        span = new Span((long)Math.Round(minutes), elapsed);
        return true;
    }

    // Shown back as days where it is whole days, else hours.
    public static string Format(long minutes, bool elapsed, int minutesPerDay)
    {
        var e = elapsed ? "e" : string.Empty;
        var day = elapsed ? 24 * 60 : minutesPerDay;
        if (minutes % day == 0 || Math.Abs(minutes) >= day)
        {
            var days = Math.Round((double)minutes / day, 2);
            return days.ToString("0.##", CultureInfo.InvariantCulture) + e + "d";
        }

        return Math.Round(minutes / 60.0, 2).ToString("0.##", CultureInfo.InvariantCulture) + e + "h";
    }

    [GeneratedRegex(@"^(?<n>[+-]?\d+(\.\d+)?)\s*(?<e>e)?(?<u>mins?|min|m|hrs?|h|days?|d|wks?|w|mons?|mo)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}

// One predecessor as Microsoft Project's Predecessors column writes it: "12", "12FS+2d", "7SS-1d", "3FF+2ed".
// Unit is the code of another unit whose plan holds the predecessor; null for a task of this plan.
public sealed record Predecessor(int Uid, LinkType Type, Span Lag, string? Unit = null);

public static partial class PredecessorText
{
    public const string Hint = "Task numbers separated by commas, each with its link type and lag if not finish-to-start with none: 3, 5SS+2d, 7FF-1d. A task in another unit's plan is its unit code, a slash and its number: HO-PRJ-002/12";

    // The predecessors, or the first part that cannot be read.
    public static IReadOnlyList<Predecessor> Parse(string? text, int minutesPerDay, out string? error)
    {
        error = null;
        var result = new List<Predecessor>();
        foreach (var part in (text ?? string.Empty).Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var match = Pattern().Match(part);
            if (!match.Success || !int.TryParse(match.Groups["uid"].Value, CultureInfo.InvariantCulture, out var uid))
            {
                error = $"‘{part}’ is not a predecessor. {Hint}";
                return [];
            }

            var type = match.Groups["type"].Value.ToUpperInvariant() switch
            {
                "SS" => LinkType.StartToStart,
                "FF" => LinkType.FinishToFinish,
                "SF" => LinkType.StartToFinish,
                _ => LinkType.FinishToStart,
            };
            var lag = default(Span);
            if (match.Groups["lag"].Success && !WorkAmount.TryParse(match.Groups["lag"].Value.Replace(" ", string.Empty, StringComparison.Ordinal), minutesPerDay, out lag))
            {
                error = $"The lag in ‘{part}’ is not an amount of time. {WorkAmount.Hint}";
                return [];
            }

            result.Add(new Predecessor(uid, type, lag, match.Groups["unit"].Success ? match.Groups["unit"].Value.ToUpperInvariant() : null));
        }

        return result;
    }

    public static string Format(IEnumerable<TaskLink> links, int minutesPerDay) =>
        string.Join(", ", links.OrderBy(l => l.PredecessorUid).Select(l => Format(null, l.PredecessorUid, l.Type, l.LagMinutes, l.LagElapsed, minutesPerDay)));

    // This plan's predecessors first, then those in other units' plans by unit code.
    public static string Format(IEnumerable<TaskLink> links, IEnumerable<(string Unit, CrossUnitLink Link)> crossUnit, int minutesPerDay)
    {
        var own = Format(links, minutesPerDay);
        var other = string.Join(", ", crossUnit.OrderBy(c => c.Unit, StringComparer.Ordinal).ThenBy(c => c.Link.PredecessorUid)
            .Select(c => Format(c.Unit, c.Link.PredecessorUid, c.Link.Type, c.Link.LagMinutes, c.Link.LagElapsed, minutesPerDay)));
        return own.Length == 0 ? other : other.Length == 0 ? own : $"{own}, {other}";
    }

    private static string Format(string? unit, int uid, LinkType linkType, long lagMinutes, bool lagElapsed, int minutesPerDay)
    {
        var type = linkType switch { LinkType.StartToStart => "SS", LinkType.FinishToFinish => "FF", LinkType.StartToFinish => "SF", _ => "FS" };
        var lag = lagMinutes == 0 ? string.Empty : (lagMinutes > 0 ? "+" : string.Empty) + WorkAmount.Format(lagMinutes, lagElapsed, minutesPerDay);
        var task = unit is null ? uid.ToString(CultureInfo.InvariantCulture) : $"{unit}/{uid}";
        return linkType == LinkType.FinishToStart && lag.Length == 0 ? task : $"{task}{type}{lag}";
    }

    [GeneratedRegex(@"^(?:(?<unit>[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*)\s*/\s*)?(?<uid>\d+)\s*(?<type>FS|SS|FF|SF)?\s*(?<lag>[+-]\s*\d+(\.\d+)?\s*[a-z]*)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
