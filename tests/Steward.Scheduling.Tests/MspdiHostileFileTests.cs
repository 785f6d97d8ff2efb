using System.Diagnostics;
using System.Text;
using Steward.Scheduling.Mspdi;

namespace Steward.Scheduling.Tests;

// Small files built to cost the server a core or its memory: each is refused while it is read, saying why.
public sealed class MspdiHostileFileTests
{
    private const string Head = """<Project xmlns="http://schemas.microsoft.com/project"><StartDate>2027-01-04T08:00:00</StartDate>""";

    [Fact]
    public void BaseCalendarsInALoop_AreRefused_NamingTheLoop()
    {
        // A uses B, B uses C, C uses B again: the walk through base calendars never ended.
        var xml = Head + """
            <CalendarUID>1</CalendarUID><Calendars>
            <Calendar><UID>1</UID><Name>A</Name><BaseCalendarUID>2</BaseCalendarUID></Calendar>
            <Calendar><UID>2</UID><Name>B</Name><BaseCalendarUID>3</BaseCalendarUID></Calendar>
            <Calendar><UID>3</UID><Name>C</Name><BaseCalendarUID>2</BaseCalendarUID></Calendar>
            </Calendars></Project>
            """;

        var refused = RefusedWithin(xml);

        Assert.Contains("loop: B → C → B", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ACalendarThatIsItsOwnBase_StillReads()
    {
        var xml = Head + """<CalendarUID>1</CalendarUID><Calendars><Calendar><UID>1</UID><Name>Own</Name><BaseCalendarUID>1</BaseCalendarUID><WeekDays><WeekDay><DayType>2</DayType><DayWorking>1</DayWorking><WorkingTimes><WorkingTime><FromTime>08:00:00</FromTime><ToTime>17:00:00</ToTime></WorkingTime></WorkingTimes></WeekDay></WeekDays></Calendar></Calendars></Project>""";

        Assert.Equal("Own", MspdiReader.Read(Stream(xml)).Calendar.Name);
    }

    [Fact]
    public void DeepNesting_IsRefused_BeforeATreeIsBuilt()
    {
        const int depth = 300_000;
        var xml = new StringBuilder(Head).Append("<Name>").Insert(Head.Length + 6, "<a>", depth).Append(new StringBuilder().Insert(0, "</a>", depth)).Append("</Name></Project>").ToString();

        var refused = RefusedWithin(xml);

        Assert.Contains($"more than {MspdiLimits.MaxDepth} deep", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MoreTasksThanTheLimit_AreRefused_SayingHowMany()
    {
        var tasks = string.Concat(Enumerable.Range(1, 51).Select(i => $"<Task><UID>{i}</UID><Name>T{i}</Name></Task>"));
        var xml = Head + "<Tasks>" + tasks + "</Tasks></Project>";

        var refused = Assert.Throws<MspdiException>(() => MspdiReader.Read(Stream(xml), new MspdiLimits { MaxTasks = 50 }));

        Assert.Equal("The file has 51 tasks; Steward imports plans of at most 50.", refused.Message);
        Assert.Equal(50, MspdiReader.Read(Stream(xml.Replace("<Task><UID>51</UID><Name>T51</Name></Task>", "", StringComparison.Ordinal)), new MspdiLimits { MaxTasks = 50 }).Tasks.Count);
    }

    [Fact]
    public void CalendarExceptionsCoveringTooManyDays_AreRefused()
    {
        // Each exception runs twenty years; ten thousand of them took seconds to walk.
        var exception = """<Exception><TimePeriod><FromDate>2027-01-01T00:00:00</FromDate><ToDate>2046-12-31T23:59:00</ToDate></TimePeriod><DayWorking>0</DayWorking></Exception>""";
        var xml = Head + "<CalendarUID>1</CalendarUID><Calendars><Calendar><UID>1</UID><Name>Long</Name><Exceptions>"
            + string.Concat(Enumerable.Repeat(exception, 10_000)) + "</Exceptions></Calendar></Calendars></Project>";

        var refused = RefusedWithin(xml);

        Assert.Contains($"more than {MspdiLimits.Default.MaxCalendarExceptionDays:N0} days", refused.Message, StringComparison.Ordinal);
    }

    private static MspdiException RefusedWithin(string xml)
    {
        var clock = Stopwatch.StartNew();
        var refused = Assert.Throws<MspdiException>(() => MspdiReader.Read(Stream(xml)));
        // Not a timing test: a refusal that took this long means the file was walked, not refused.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"refused only after {clock.Elapsed}");
        return refused;
    }

    private static MemoryStream Stream(string xml) => new(Encoding.UTF8.GetBytes(xml));
}
