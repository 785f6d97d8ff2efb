using Steward.Scheduling.Mspdi;
using Steward.Tests.Infrastructure;

namespace Steward.Scheduling.Tests;

// Files saved by Microsoft Project carry the dates it computed. Steward must schedule the same plan to
// the same early and late dates, total slack and critical flags. Dates are compared as places on the
// working timeline: Microsoft Project 2016 writes a late finish as 08:00 of the next working day where
// 2010 writes 17:00 of the day before, and both are the same moment of work.
public sealed class MspdiOracleTests
{
    [Theory]
    [InlineData("mspdi/task-links-project2010-mspdi.xml")]
    [InlineData("mspdi/task-links-project2016-mspdi.xml")]
    public void TheTaskLinksNetwork_SchedulesAsMicrosoftProjectDid(string file)
    {
        var project = Read(file);
        Assert.Equal(17, project.Tasks.Count);
        Assert.Equal(4, project.Links.Select(l => l.Type).Distinct().Count());

        var schedule = Scheduler.Run(project.ToPlan());
        var timeline = new WorkingTimeline(project.Calendar, DateOnly.FromDateTime(project.Start));
        foreach (var task in project.Tasks)
        {
            var expected = task.Computed!;
            var actual = schedule[task.Id];
            Assert.True(
                (timeline.OffsetOf(expected.EarlyStart), timeline.OffsetOf(expected.EarlyFinish), timeline.OffsetOf(expected.LateStart), timeline.OffsetOf(expected.LateFinish))
                == (timeline.OffsetOf(actual.EarlyStart), timeline.OffsetOf(actual.EarlyFinish), timeline.OffsetOf(actual.LateStart), timeline.OffsetOf(actual.LateFinish)),
                $"{task.Uid} {task.Name}: Microsoft Project {expected}, Steward {actual}");
            Assert.True((expected.TotalSlackMinutes, expected.Critical) == (actual.TotalFloat, actual.Critical), $"{task.Uid} {task.Name}: Microsoft Project {expected}, Steward {actual}");
        }

        Assert.Equal(project.Tasks.Single(t => t.Uid == 0).Computed!.EarlyFinish, schedule.Finish);
    }

    [Fact]
    public void TheTaskLinksNetwork_HasOneCriticalPath_ThroughTheTenDayLag()
    {
        var project = Read("mspdi/task-links-project2010-mspdi.xml");
        var path = Assert.Single(Scheduler.Run(project.ToPlan()).CriticalPaths);
        Assert.Equal(["9", "10"], path);
    }

    // One task per duration unit, minutes to elapsed months: each finishes where Microsoft Project put it.
    [Fact]
    public void EveryDurationUnit_FinishesWhereMicrosoftProjectPutIt()
    {
        var project = Read("mspdi/mspdiduration.xml");
        var schedule = Scheduler.Run(project.ToPlan());
        var timeline = new WorkingTimeline(project.Calendar, DateOnly.FromDateTime(project.Start));
        Assert.Contains(project.Tasks, t => t.Duration.Elapsed);
        foreach (var task in project.Tasks.Where(t => !t.Summary))
        {
            var expected = task.Computed!;
            var actual = schedule[task.Id];
            Assert.True(
                (timeline.OffsetOf(expected.EarlyStart), timeline.OffsetOf(expected.EarlyFinish)) == (timeline.OffsetOf(actual.EarlyStart), timeline.OffsetOf(actual.EarlyFinish)),
                $"{task.Uid} {task.Name} ({task.Duration}): Microsoft Project {expected.EarlyStart:s}-{expected.EarlyFinish:s}, Steward {actual.EarlyStart:s}-{actual.EarlyFinish:s}");
        }
    }

    // Steward's own file, read back, is the plan it wrote: outline, durations and their units, links and
    // lags, constraints, the calendar, and the schedule it computed.
    [Theory]
    [InlineData("mspdi/task-links-project2010-mspdi.xml")]
    [InlineData("mspdi/task-links-project2016-mspdi.xml")]
    [InlineData("mspdi/mspdiduration.xml")]
    public void AnExport_ReadsBackAsTheSamePlan(string file)
    {
        var original = Read(file);
        var schedule = Scheduler.Run(original.ToPlan());
        using var written = new MemoryStream();
        MspdiWriter.Write(written, original, schedule);
        written.Position = 0;
        var copy = MspdiReader.Read(written);

        Assert.Equal((original.Name, original.Start, original.MinutesPerDay), (copy.Name, copy.Start, copy.MinutesPerDay));
        Assert.Equal(original.Links, copy.Links);
        // Baselines are a list (compared by reference in the record), so they are compared on their own.
        Assert.Equal(original.Tasks.Select(t => t with { Computed = null, Baselines = [] }), copy.Tasks.Select(t => t with { Computed = null, Baselines = [] }));
        Assert.Equal(original.Tasks.Select(t => t.Baselines), copy.Tasks.Select(t => t.Baselines));
        foreach (var day in Enum.GetValues<DayOfWeek>())
        {
            Assert.Equal(original.Calendar.WorkingWeek(day), copy.Calendar.WorkingWeek(day));
        }

        Assert.Equal(original.Calendar.Exceptions.Keys.Order(), copy.Calendar.Exceptions.Keys.Order());
        var again = Scheduler.Run(copy.ToPlan());
        Assert.Equal(schedule.Tasks, again.Tasks);
        Assert.All(copy.Tasks, t => Assert.Equal(schedule[t.Id].TotalFloat, t.Computed!.TotalSlackMinutes));
    }

    [Fact]
    public void ACalendarsExceptions_SurviveTheRoundTrip()
    {
        var calendar = WorkCalendar.Standard(new Dictionary<DateOnly, IReadOnlyList<WorkingPeriod>>
        {
            [new DateOnly(2027, 4, 2)] = [],
            [new DateOnly(2027, 4, 10)] = [new WorkingPeriod(9 * 60, 13 * 60)],
        });
        var project = new MspdiProject("Bank holidays", new DateTime(2027, 3, 29, 8, 0, 0), 480, calendar,
            [new MspdiTask(1, "Build", 1, false, false, Span.WorkingDays(10), 7, ConstraintType.AsSoonAsPossible, null, null, null, 0, null, null, null)], []);
        using var written = new MemoryStream();
        MspdiWriter.Write(written, project);
        written.Position = 0;
        var copy = MspdiReader.Read(written);

        Assert.Equal([], copy.Calendar.PeriodsOn(new DateOnly(2027, 4, 2)));
        Assert.Equal([new WorkingPeriod(9 * 60, 13 * 60)], copy.Calendar.PeriodsOn(new DateOnly(2027, 4, 10)));
        Assert.Equal(new DateTime(2027, 4, 12, 12, 0, 0), Scheduler.Run(copy.ToPlan())["1"].EarlyFinish); // Good Friday off, half of Saturday worked
    }

    // Microsoft Project writes the status date at the day's finish; either way it is the end of that day,
    // and the remaining work of a task behind runs after it.
    [Theory]
    [InlineData("2027-01-06T17:00:00")]
    [InlineData("2027-01-07T00:00:00")]
    public void AStatusDate_SurvivesTheRoundTrip_AndMovesRemainingWorkAfterIt(string written)
    {
        var project = new MspdiProject("Survey", new DateTime(2027, 1, 4, 8, 0, 0), 480, WorkCalendar.Standard(),
            [new MspdiTask(1, "Survey", 1, false, false, Span.WorkingDays(4), 7, ConstraintType.AsSoonAsPossible, null, null, null, 25, new DateTime(2027, 1, 4, 8, 0, 0), null, null)], [])
        {
            StatusDate = new DateOnly(2027, 1, 6),
        };
        using var file = new MemoryStream();
        MspdiWriter.Write(file, project, Scheduler.Run(project.ToPlan()));
        var xml = System.Text.Encoding.UTF8.GetString(file.ToArray());
        Assert.Contains("<StatusDate>2027-01-06T17:00:00</StatusDate>", xml, StringComparison.Ordinal);

        var copy = MspdiReader.Read(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(xml.Replace("2027-01-06T17:00:00</StatusDate>", written + "</StatusDate>", StringComparison.Ordinal))));
        Assert.Equal(new DateOnly(2027, 1, 6), copy.StatusDate);
        Assert.Equal(new DateTime(2027, 1, 11, 17, 0, 0), Scheduler.Run(copy.ToPlan())["1"].EarlyFinish);
    }

    [Fact]
    public void AnExternalTask_SurvivesTheRoundTrip_AndHoldsItsSuccessorWhereItsProjectHasIt()
    {
        // Build waits two days on a task of another project, which that project has finishing on Friday 25 June.
        var project = new MspdiProject("Service", new DateTime(2027, 6, 7, 8, 0, 0), 480, WorkCalendar.Standard(),
        [
            new MspdiTask(1, "Build", 1, false, false, Span.WorkingDays(5), 7, ConstraintType.AsSoonAsPossible, null, null, null, 0, null, null, null),
            new MspdiTask(2, "Platform live", 1, false, false, Span.WorkingDays(10), 7, ConstraintType.AsSoonAsPossible, null, null, null, 0, null, null, null)
            {
                External = new MspdiExternal("HO-PRJ-002", 12, new DateTime(2027, 6, 14, 8, 0, 0), new DateTime(2027, 6, 25, 17, 0, 0)),
            },
        ],
        [new PlanLink("2", "1", LinkType.FinishToStart, Span.WorkingDays(2))]);
        using var written = new MemoryStream();
        MspdiWriter.Write(written, project, Scheduler.Run(project.ToPlan()));
        written.Position = 0;
        var copy = MspdiReader.Read(written);

        Assert.Equal(project.Tasks[1].External, copy.Tasks[1].External);
        Assert.Null(copy.Tasks[0].External);
        Assert.Equal(project.Links, copy.Links);
        var schedule = Scheduler.Run(copy.ToPlan());
        Assert.Equal(new DateTime(2027, 6, 30, 8, 0, 0), schedule["1"].EarlyStart);
        Assert.Equal(schedule["1"].EarlyFinish, schedule.Finish); // the external task is not this project's work
        Assert.DoesNotContain("2", schedule.CriticalPaths.SelectMany(p => p));
    }

    [Fact]
    public void AFileWithADtd_IsRefused_WithoutExpandingIt()
    {
        var xml = """
            <?xml version="1.0"?>
            <!DOCTYPE Project [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
            <Project xmlns="http://schemas.microsoft.com/project"><Name>&secret;</Name><StartDate>2027-01-04T08:00:00</StartDate></Project>
            """;
        var refused = Assert.Throws<MspdiException>(() => MspdiReader.Read(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(xml))));
        Assert.Contains("DTD", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not xml at all", "not XML")]
    [InlineData("<Plan><Task/></Plan>", "not a Microsoft Project XML file")]
    [InlineData("<Project xmlns=\"http://schemas.microsoft.com/project\"><Name>x</Name></Project>", "no <StartDate>")]
    public void AFileThatIsNotMspdi_IsRefused_SayingWhy(string content, string reason)
    {
        var refused = Assert.Throws<MspdiException>(() => MspdiReader.Read(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(content))));
        Assert.Contains(reason, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AFileOverFiftyMegabytes_IsRefused()
    {
        var head = System.Text.Encoding.UTF8.GetBytes("<Project xmlns=\"http://schemas.microsoft.com/project\"><Name>");
        var body = new byte[MspdiReader.MaxBytes + 1024];
        Array.Fill(body, (byte)'a');
        using var file = new MemoryStream([.. head, .. body, .. System.Text.Encoding.UTF8.GetBytes("</Name></Project>")]);
        var refused = Assert.Throws<MspdiException>(() => MspdiReader.Read(file));
        Assert.Contains("larger than 50 MB", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnreadableConstraintDate_IsRefused_NamingIt()
    {
        var xml = """
            <Project xmlns="http://schemas.microsoft.com/project"><StartDate>2027-01-04T08:00:00</StartDate>
            <Tasks><Task><UID>1</UID><Name>Build</Name><ConstraintType>4</ConstraintType><ConstraintDate>next Tuesday</ConstraintDate></Task></Tasks></Project>
            """;
        var refused = Assert.Throws<MspdiException>(() => MspdiReader.Read(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(xml))));
        Assert.Contains("Task 1 (Build): <ConstraintDate> 'next Tuesday' is not a date", refused.Message, StringComparison.Ordinal);
    }

    // Baselines and resource names survive the trip to Microsoft Project XML and back.
    [Fact]
    public void Baselines_AndResourceNames_ReadBackAsWritten()
    {
        var original = Read("mspdi/task-links-project2010-mspdi.xml");
        var first = original.Tasks[1];
        var tasks = original.Tasks.Select(t => t.Uid == first.Uid
            ? t with { Resources = "Ada Analyst, Bo Builder", Baselines = [new MspdiBaseline(0, new DateTime(2014, 10, 17, 8, 0, 0), new DateTime(2014, 10, 17, 17, 0, 0), 480), new MspdiBaseline(3, new DateTime(2014, 10, 20, 8, 0, 0), new DateTime(2014, 10, 21, 17, 0, 0), 960)] }
            : t with { Resources = t.Uid == 2 ? "Bo Builder" : null }).ToList();
        using var written = new MemoryStream();
        MspdiWriter.Write(written, original with { Tasks = tasks });
        written.Position = 0;
        var copy = MspdiReader.Read(written);

        Assert.Equal(tasks.Select(t => t.Resources), copy.Tasks.Select(t => t.Resources));
        Assert.Equal(tasks.Single(t => t.Uid == first.Uid).Baselines, copy.Tasks.Single(t => t.Uid == first.Uid).Baselines);
        Assert.All(copy.Tasks.Where(t => t.Uid != first.Uid), t => Assert.Empty(t.Baselines));
    }

    private static MspdiProject Read(string file)
    {
        using var stream = File.OpenRead(SharedData.PathTo(file));
        return MspdiReader.Read(stream);
    }
}
