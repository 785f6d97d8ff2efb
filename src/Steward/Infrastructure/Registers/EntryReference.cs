using System.Globalization;

namespace Steward.Infrastructure.Registers;

// R-0042, DEC-0007: the short references people quote in meetings and e-mails, for every register.
public static class EntryReference
{
    public static string Format(string prefix, int number) => prefix + number.ToString("0000", CultureInfo.InvariantCulture);

    // Accepts "R-0042", "r-42" and "42"; null when the text is not a reference of that kind.
    public static int? Parse(string prefix, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var trimmed = text.Trim();
        if (trimmed.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            trimmed = trimmed[prefix.Length..];
        }

        return int.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0 ? number : null;
    }
}
