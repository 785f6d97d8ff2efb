using System.Globalization;
using System.Text;
using System.Xml;

namespace Steward.Scheduling.Mspdi;

// Writes Microsoft Project XML that Microsoft Project (and MspdiReader) reads back: the calendar with
// its exceptions, the outline, durations, links with their lags, constraints, deadlines and progress,
// and, when a schedule is given, Steward's early and late dates, slack and critical flags. Tasks of other
// projects the plan waits on are external tasks, their links cross-project links. Elements follow the
// order of Microsoft Project's schema, which it insists on.
public static class MspdiWriter
{
    private const string Ns = "http://schemas.microsoft.com/project";
    private const int CalendarUid = 1;

    public static void Write(Stream output, MspdiProject project, Schedule? schedule = null)
    {
        using var xml = XmlWriter.Create(output, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true });
        xml.WriteStartDocument(standalone: true);
        xml.WriteStartElement("Project", Ns);
        Element(xml, "SaveVersion", "14");
        Element(xml, "Name", project.Name);
        Element(xml, "ScheduleFromStart", "1");
        Element(xml, "StartDate", Date(project.Start));
        Element(xml, "FinishDate", schedule is null ? null : Date(schedule.Finish));
        Element(xml, "CalendarUID", Number(CalendarUid));
        Element(xml, "MinutesPerDay", Number(project.MinutesPerDay));
        Element(xml, "MinutesPerWeek", Number(project.MinutesPerDay * 5));
        // After MinutesPerWeek and before the calendars, where the schema's sequence has it.
        Element(xml, "StatusDate", project.StatusDate is { } status ? Date(status.ToDateTime(new TimeOnly(17, 0))) : null);
        WriteCalendar(xml, project.Calendar);

        xml.WriteStartElement("Tasks", Ns);
        var id = 0;
        var predecessors = project.Links.ToLookup(l => l.SuccessorId, StringComparer.Ordinal);
        var externals = project.Tasks.Where(t => t.External is not null).ToDictionary(t => t.Id, t => t.External!, StringComparer.Ordinal);
        foreach (var task in project.Tasks)
        {
            WriteTask(xml, task, id++, task.External is null ? schedule?[task.Id] : null, predecessors[task.Id], externals);
        }

        xml.WriteEndElement();
        WriteResources(xml, project.Tasks);
        xml.WriteEndElement();
    }

    // Resources by name, each assigned to the tasks that list it.
    private static void WriteResources(XmlWriter xml, IReadOnlyList<MspdiTask> tasks)
    {
        var assignments = tasks.Where(t => !string.IsNullOrWhiteSpace(t.Resources))
            .SelectMany(t => t.Resources!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().Select(name => (Task: t.Uid, Name: name)))
            .ToList();
        if (assignments.Count == 0)
        {
            return;
        }

        var uids = assignments.Select(a => a.Name).Distinct().Select((name, i) => (name, uid: i + 1)).ToDictionary(r => r.name, r => r.uid);
        xml.WriteStartElement("Resources", Ns);
        foreach (var (name, uid) in uids)
        {
            xml.WriteStartElement("Resource", Ns);
            Element(xml, "UID", Number(uid));
            Element(xml, "ID", Number(uid));
            Element(xml, "Name", name);
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteStartElement("Assignments", Ns);
        var assignment = 1;
        foreach (var (task, name) in assignments)
        {
            xml.WriteStartElement("Assignment", Ns);
            Element(xml, "UID", Number(assignment++));
            Element(xml, "TaskUID", Number(task));
            Element(xml, "ResourceUID", Number(uids[name]));
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private static void WriteCalendar(XmlWriter xml, WorkCalendar calendar)
    {
        xml.WriteStartElement("Calendars", Ns);
        xml.WriteStartElement("Calendar", Ns);
        Element(xml, "UID", Number(CalendarUid));
        Element(xml, "Name", calendar.Name);
        Element(xml, "IsBaseCalendar", "1");
        Element(xml, "BaseCalendarUID", "-1");
        xml.WriteStartElement("WeekDays", Ns);
        foreach (var day in Enum.GetValues<DayOfWeek>())
        {
            xml.WriteStartElement("WeekDay", Ns);
            Element(xml, "DayType", Number((int)day + 1));
            WorkingTimes(xml, calendar.WorkingWeek(day));
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteStartElement("Exceptions", Ns);
        foreach (var (date, periods) in calendar.Exceptions.OrderBy(e => e.Key))
        {
            xml.WriteStartElement("Exception", Ns);
            Element(xml, "EnteredByOccurrence", "0");
            xml.WriteStartElement("TimePeriod", Ns);
            Element(xml, "FromDate", Date(date.ToDateTime(TimeOnly.MinValue)));
            Element(xml, "ToDate", Date(date.ToDateTime(new TimeOnly(23, 59))));
            xml.WriteEndElement();
            Element(xml, "Occurrences", "1");
            Element(xml, "Name", periods.Length == 0 ? "Non-working" : "Working");
            Element(xml, "Type", "1");
            WorkingTimes(xml, periods);
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void WorkingTimes(XmlWriter xml, IReadOnlyList<WorkingPeriod> periods)
    {
        Element(xml, "DayWorking", periods.Count > 0 ? "1" : "0");
        if (periods.Count == 0)
        {
            return;
        }

        xml.WriteStartElement("WorkingTimes", Ns);
        foreach (var period in periods)
        {
            xml.WriteStartElement("WorkingTime", Ns);
            Element(xml, "FromTime", Time(period.From));
            Element(xml, "ToTime", Time(period.To));
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    // An external task is written as Microsoft Project writes one: the other project's dates, flagged as
    // external and naming its project, with no schedule of this project's.
    private static void WriteTask(XmlWriter xml, MspdiTask task, int id, TaskSchedule? scheduled, IEnumerable<PlanLink> predecessors, Dictionary<string, MspdiExternal> externals)
    {
        xml.WriteStartElement("Task", Ns);
        Element(xml, "UID", Number(task.Uid));
        Element(xml, "ID", Number(id));
        Element(xml, "Name", task.Name);
        Element(xml, "Manual", task.ManualStart is null ? "0" : "1");
        Element(xml, "OutlineLevel", Number(task.OutlineLevel));
        if (scheduled is not null)
        {
            Element(xml, "Start", Date(scheduled.EarlyStart));
            Element(xml, "Finish", Date(scheduled.EarlyFinish));
        }
        else if (task.External is { } dates)
        {
            Element(xml, "Start", Date(dates.Start));
            Element(xml, "Finish", Date(dates.Finish));
        }

        Element(xml, "Duration", Duration(task.Duration.Minutes));
        Element(xml, "ManualStart", task.ManualStart is { } manual ? Date(manual) : null);
        Element(xml, "DurationFormat", Number(task.DurationFormat));
        Element(xml, "Milestone", task.Milestone ? "1" : "0");
        Element(xml, "Summary", task.Summary ? "1" : "0");
        if (scheduled is not null)
        {
            Element(xml, "Critical", scheduled.Critical ? "1" : "0");
            Element(xml, "EarlyStart", Date(scheduled.EarlyStart));
            Element(xml, "EarlyFinish", Date(scheduled.EarlyFinish));
            Element(xml, "LateStart", Date(scheduled.LateStart));
            Element(xml, "LateFinish", Date(scheduled.LateFinish));
            Element(xml, "FreeSlack", Number(scheduled.FreeFloat * 10));
            Element(xml, "TotalSlack", Number(scheduled.TotalFloat * 10));
        }
        else if (task.External is { } external)
        {
            Element(xml, "ExternalTask", "1");
            Element(xml, "ExternalTaskProject", external.Project);
        }

        Element(xml, "PercentComplete", Number(task.PercentComplete));
        Element(xml, "ActualStart", task.ActualStart is { } started ? Date(started) : null);
        Element(xml, "ActualFinish", task.ActualFinish is { } finished ? Date(finished) : null);
        Element(xml, "ConstraintType", Number(task.Constraint switch
        {
            ConstraintType.AsLateAsPossible => 1,
            ConstraintType.MustStartOn => 2,
            ConstraintType.MustFinishOn => 3,
            ConstraintType.StartNoEarlierThan => 4,
            ConstraintType.StartNoLaterThan => 5,
            ConstraintType.FinishNoEarlierThan => 6,
            ConstraintType.FinishNoLaterThan => 7,
            _ => 0,
        }));
        Element(xml, "ConstraintDate", task.ConstraintDate is { } constraint ? Date(constraint) : null);
        Element(xml, "Deadline", task.Deadline is { } deadline ? Date(deadline) : null);
        foreach (var link in predecessors)
        {
            xml.WriteStartElement("PredecessorLink", Ns);
            Element(xml, "PredecessorUID", link.PredecessorId);
            Element(xml, "Type", link.Type switch
            {
                LinkType.FinishToFinish => "0",
                LinkType.StartToFinish => "2",
                LinkType.StartToStart => "3",
                _ => "1",
            });
            if (externals.TryGetValue(link.PredecessorId, out var from))
            {
                Element(xml, "CrossProject", "1");
                Element(xml, "CrossProjectName", $"{from.Project}\\{Number(from.TaskNumber)}");
            }

            Element(xml, "LinkLag", Number(link.Lag.Minutes * 10));
            Element(xml, "LagFormat", link.Lag.Elapsed ? "8" : "7");
            xml.WriteEndElement();
        }

        foreach (var baseline in task.Baselines.OrderBy(b => b.Number))
        {
            xml.WriteStartElement("Baseline", Ns);
            Element(xml, "Number", Number(baseline.Number));
            Element(xml, "Start", Date(baseline.Start));
            Element(xml, "Finish", Date(baseline.Finish));
            Element(xml, "Duration", Duration(baseline.DurationMinutes));
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private static void Element(XmlWriter xml, string name, string? value)
    {
        if (value is not null)
        {
            xml.WriteElementString(name, Ns, value);
        }
    }

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Date(DateTime value) => value.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);

    private static string Time(int minutes) => minutes >= 24 * 60 ? "00:00:00" : $"{minutes / 60:00}:{minutes % 60:00}:00";

    private static string Duration(long minutes) => $"PT{minutes / 60}H{minutes % 60}M0S";
}
