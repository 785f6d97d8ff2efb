using System.Globalization;

namespace Steward.Infrastructure;

// Dates as GOV.UK writes them: 26 November 2026.
public static class UkFormat
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    public static string Date(DateOnly? date) => date?.ToString("d MMMM yyyy", EnGb) ?? "Not set";

    public static string Date(DateTime? instant) => instant?.ToString("d MMMM yyyy", EnGb) ?? "Not set";

    // 14:02 on 26 November 2026 (UTC): for "changed at" messages.
    public static string Time(DateTime instant) => instant.ToString("HH:mm 'on' d MMMM yyyy", EnGb) + " (UTC)";

    public static string DateTime(DateTime instant) => instant.ToString("d MMMM yyyy 'at' h:mmtt", EnGb).Replace("AM", "am", StringComparison.Ordinal).Replace("PM", "pm", StringComparison.Ordinal) + " UTC";
}
