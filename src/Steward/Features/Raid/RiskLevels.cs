namespace Steward.Features.Raid;

// A likelihood or impact as people write it in spreadsheets: 1-5, "4.0", "Very High 5", or a level's
// name on the common scales ("Very low" … "Very high", "Rare" … "Almost certain", "Negligible" … "Severe").
public static class RiskLevels
{
    private static readonly Dictionary<string, int> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        ["very low"] = 1, ["rare"] = 1, ["negligible"] = 1, ["insignificant"] = 1,
        ["low"] = 2, ["unlikely"] = 2, ["minor"] = 2,
        ["medium"] = 3, ["possible"] = 3, ["moderate"] = 3,
        ["high"] = 4, ["likely"] = 4, ["major"] = 4,
        ["very high"] = 5, ["almost certain"] = 5, ["severe"] = 5, ["catastrophic"] = 5, ["critical"] = 5,
    };

    public static int? Parse(string text)
    {
        var trimmed = text.Trim();
        if (double.TryParse(trimmed, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var number))
        {
            return number is >= 1 and <= 5 && number == Math.Floor(number) ? (int)number : null;
        }

        // "Very High 5": the number wins, as long as it agrees with a scale.
        var last = trimmed.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1];
        if (int.TryParse(last, out var trailing))
        {
            return trailing is >= 1 and <= 5 ? trailing : null;
        }

        return Names.TryGetValue(string.Join(' ', trimmed.Split(' ', StringSplitOptions.RemoveEmptyEntries)), out var level) ? level : null;
    }
}
