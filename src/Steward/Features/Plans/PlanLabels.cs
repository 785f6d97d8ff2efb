using Steward.Scheduling;

namespace Steward.Features.Plans;

public static class PlanLabels
{
    public static string Of(ConstraintType constraint) => constraint switch
    {
        ConstraintType.AsSoonAsPossible => "As soon as possible",
        ConstraintType.AsLateAsPossible => "As late as possible",
        ConstraintType.StartNoEarlierThan => "Start no earlier than",
        ConstraintType.StartNoLaterThan => "Start no later than",
        ConstraintType.FinishNoEarlierThan => "Finish no earlier than",
        ConstraintType.FinishNoLaterThan => "Finish no later than",
        ConstraintType.MustStartOn => "Must start on",
        _ => "Must finish on",
    };

    public static string Of(MilestoneLevel level) => level switch
    {
        MilestoneLevel.Portfolio => "Portfolio",
        MilestoneLevel.Programme => "Programme",
        _ => "Project",
    };

    // A link's type and lag in words: "finish to start, 2d lag".
    public static string Link(LinkType type, long lagMinutes, bool lagElapsed, int minutesPerDay)
    {
        var kind = type switch
        {
            LinkType.StartToStart => "start to start",
            LinkType.FinishToFinish => "finish to finish",
            LinkType.StartToFinish => "start to finish",
            _ => "finish to start",
        };
        return lagMinutes == 0 ? kind
            : $"{kind}, {WorkAmount.Format(Math.Abs(lagMinutes), lagElapsed, minutesPerDay)} {(lagMinutes > 0 ? "lag" : "lead")}";
    }

    public static string Of(OutlineMove move) => move switch
    {
        OutlineMove.Up => "up",
        OutlineMove.Down => "down",
        OutlineMove.Indent => "in, under the task above it",
        _ => "out, up one level",
    };

    public static string Of(UkNation nation) => nation switch
    {
        UkNation.Scotland => "Scotland",
        UkNation.NorthernIreland => "Northern Ireland",
        _ => "England and Wales",
    };

    // Schedules, float and variance count working days of the plan's calendar; milestone moves count days
    // on the calendar. Every figure says which, so "+10" and "+14" for one slip are not read as a contradiction.
    public static string WorkingDays(double days) => days.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) + (Math.Abs(days) == 1 ? " working day" : " working days");

    public static string CalendarDays(int days) => days.ToString(System.Globalization.CultureInfo.InvariantCulture) + (Math.Abs(days) == 1 ? " calendar day" : " calendar days");

    public static string Date(DateTime? at) => at?.ToString("d MMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB")) ?? "";
}
