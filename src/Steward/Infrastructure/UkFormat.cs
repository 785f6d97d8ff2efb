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

    // Meetings are held in UK time, whatever the server's clock is set to.
    private static readonly TimeZoneInfo London = FindLondon();

    public static System.DateTime ToLondon(System.DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(System.DateTime.SpecifyKind(utc, DateTimeKind.Utc), London);

    public static DateTimeOffset FromLondon(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, London.GetUtcOffset(local));
    }

    // 3 March 2027, 10:00am to 11:30am
    public static string Meeting(System.DateTime startsUtc, System.DateTime endsUtc)
    {
        var start = ToLondon(startsUtc);
        var end = ToLondon(endsUtc);
        return $"{start.ToString("d MMMM yyyy", EnGb)}, {Clock(start)} to {Clock(end)}";
    }

    public static string Clock(System.DateTime local) => local.ToString("h:mmtt", EnGb).Replace("AM", "am", StringComparison.Ordinal).Replace("PM", "pm", StringComparison.Ordinal);

    private static TimeZoneInfo FindLondon()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.Utc; // a machine without time-zone data: UTC is the nearest honest answer
        }
    }
}
