namespace Steward.Scheduling.Mspdi;

// How much of a Microsoft Project XML file Steward reads before refusing it. Real plans are far inside
// these (the largest programme schedules run to a few thousand tasks); a hostile file that asks for more
// is refused while it is read, before it costs the server time or memory.
public sealed record MspdiLimits
{
    public static readonly MspdiLimits Default = new();

    // Microsoft Project XML nests at most eight elements deep (Project, Calendars, Calendar, WeekDays,
    // WeekDay, WorkingTimes, WorkingTime, FromTime); a little room is left for extended attributes.
    public const int MaxDepth = 32;

    public int MaxTasks { get; init; } = 20_000;

    // Every calendar exception is a run of days; over all of them together.
    public int MaxCalendarExceptionDays { get; init; } = 100_000;
}
