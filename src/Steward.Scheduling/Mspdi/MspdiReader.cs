using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace Steward.Scheduling.Mspdi;

// What Microsoft Project itself computed for a task when it saved the file: kept so an import can show
// (and the tests can prove) that Steward schedules the plan the same way.
public sealed record MicrosoftProjectDates(DateTime EarlyStart, DateTime EarlyFinish, DateTime LateStart, DateTime LateFinish, long TotalSlackMinutes, bool Critical);

public sealed record MspdiTask(
    int Uid, string Name, int OutlineLevel, bool Summary, bool Milestone, Span Duration, int DurationFormat, ConstraintType Constraint, DateTime? ConstraintDate,
    DateTime? Deadline, DateTime? ManualStart, int PercentComplete, DateTime? ActualStart, DateTime? ActualFinish, MicrosoftProjectDates? Computed)
{
    public string Id => Uid.ToString(CultureInfo.InvariantCulture);

    // The names of the resources assigned to it, comma separated (Steward keeps them as text for now).
    public string? Resources { get; init; }

    public IReadOnlyList<MspdiBaseline> Baselines { get; init; } = [];

    // Set on a task of another project that stands in this one for a link across projects (Microsoft
    // Project's external task): it is not this project's own, and it stays where that project put it.
    public MspdiExternal? External { get; init; }
}

// Where an external task comes from: the other project (a file path in Microsoft Project, a unit's code in
// Steward), its task number there, and the dates that project last gave it.
public sealed record MspdiExternal(string Project, int TaskNumber, DateTime Start, DateTime Finish);

// One of Microsoft Project's saved baselines of a task (Number 0 is "Baseline", 1 to 10 "Baseline1" to "Baseline10").
public sealed record MspdiBaseline(int Number, DateTime Start, DateTime Finish, long DurationMinutes);

public sealed record MspdiProject(string? Name, DateTime Start, int MinutesPerDay, WorkCalendar Calendar, IReadOnlyList<MspdiTask> Tasks, IReadOnlyList<PlanLink> Links)
{
    // The last day progress was reported to (<StatusDate>): work not done by its end is scheduled after it.
    public DateOnly? StatusDate { get; init; }

    // The plan to schedule: the outline from the tasks' levels (the project summary task, level 0, holds the rest).
    public Plan ToPlan()
    {
        var parents = new Stack<MspdiTask>();
        var tasks = new List<PlanTask>(Tasks.Count);
        foreach (var task in Tasks)
        {
            if (task.External is { } external)
            {
                // Pinned at the dates its own project gives it, whatever this project's calendar. One waiting
                // on this project may carry the latest start its project allows ("start no later than", as
                // Steward writes it), which this project's late dates then answer to; nothing else moves it.
                var latest = task.Constraint == ConstraintType.StartNoLaterThan ? task.ConstraintDate : null;
                tasks.Add(new PlanTask(task.Id, task.Name, Span.ElapsedMinutes((long)(external.Finish - external.Start).TotalMinutes))
                {
                    External = true, ManualStart = external.Start,
                    Constraint = latest is null ? ConstraintType.AsSoonAsPossible : ConstraintType.StartNoLaterThan, ConstraintDate = latest,
                });
                continue;
            }

            while (parents.Count > 0 && parents.Peek().OutlineLevel >= task.OutlineLevel)
            {
                parents.Pop();
            }

            tasks.Add(new PlanTask(task.Id, task.Name, task.Duration)
            {
                ParentId = parents.Count > 0 ? parents.Peek().Id : null,
                Constraint = task.Constraint,
                ConstraintDate = task.ConstraintDate,
                Deadline = task.Deadline,
                ManualStart = task.Summary ? null : task.ManualStart,
                ActualStart = task.Summary ? null : task.ActualStart,
                ActualFinish = task.Summary ? null : task.ActualFinish,
                PercentComplete = task.PercentComplete,
            });
            parents.Push(task);
        }

        return new Plan(Start, Calendar, tasks, Links) { StatusDate = StatusDate is { } day ? Plan.EndOf(day) : null };
    }
}

// A file that is not Microsoft Project XML Steward can read; the message says what is wrong.
public sealed class MspdiException(string message) : PlanException(message);

// Reads Microsoft Project XML (MSPDI). Refuses a DTD outright, so no entity is ever expanded and nothing
// outside the file is fetched.
public static class MspdiReader
{
    public const long MaxBytes = 50L * 1024 * 1024;
    private static readonly XNamespace Ns = "http://schemas.microsoft.com/project";

    public static MspdiProject Read(Stream input, MspdiLimits? limits = null)
    {
        limits ??= MspdiLimits.Default;
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = MaxBytes,
            IgnoreComments = true,
        };
        XDocument document;
        try
        {
            using var reader = new DepthLimitedXmlReader(XmlReader.Create(input, settings), MspdiLimits.MaxDepth);
            document = XDocument.Load(reader);
        }
        catch (XmlException e) when (e.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase))
        {
            throw new MspdiException("The file declares a DTD, which Steward does not read (it could expand entities or fetch other files); save it again from Microsoft Project.");
        }
        catch (XmlException e) when (e.Message.Contains("MaxCharactersInDocument", StringComparison.Ordinal) || e.Message.Contains("exceeds", StringComparison.Ordinal))
        {
            throw new MspdiException($"The file is larger than {MaxBytes / 1024 / 1024} MB.");
        }
        catch (XmlException e)
        {
            throw new MspdiException($"The file is not XML: {e.Message}");
        }

        var project = document.Root;
        if (project is null || project.Name != Ns + "Project")
        {
            throw new MspdiException("The file is XML but not a Microsoft Project XML file (its root is not <Project> in the Microsoft Project namespace).");
        }

        var start = Date(project, "StartDate") ?? throw new MspdiException("The project has no <StartDate>.");
        var minutesPerDay = Int(project, "MinutesPerDay") ?? 480;
        var calendar = ReadCalendar(project, Int(project, "CalendarUID"), limits);
        var taskElements = project.Element(Ns + "Tasks")?.Elements(Ns + "Task").ToList() ?? [];
        if (taskElements.Count > limits.MaxTasks)
        {
            throw new MspdiException($"The file has {taskElements.Count:N0} tasks; Steward imports plans of at most {limits.MaxTasks:N0}.");
        }

        var tasks = new List<MspdiTask>();
        var links = new List<PlanLink>();
        var crossProjectNames = new Dictionary<int, string>();
        foreach (var task in taskElements)
        {
            if (Int(task, "IsNull") == 1)
            {
                continue; // a blank row in the task sheet
            }

            var read = ReadTask(task, Text(project, "Title") ?? Text(project, "Name"));
            tasks.Add(read);
            foreach (var link in task.Elements(Ns + "PredecessorLink"))
            {
                var predecessor = Int(link, "PredecessorUID") ?? throw new MspdiException($"Task {read.Uid} ({read.Name}): a predecessor link names no task.");
                if (Int(link, "CrossProject") == 1 && Text(link, "CrossProjectName") is { } crossProject)
                {
                    crossProjectNames.TryAdd(predecessor, crossProject);
                }

                links.Add(new PlanLink(
                    predecessor.ToString(CultureInfo.InvariantCulture), read.Id,
                    (Int(link, "Type") ?? 1) switch
                    {
                        0 => LinkType.FinishToFinish,
                        1 => LinkType.FinishToStart,
                        2 => LinkType.StartToFinish,
                        3 => LinkType.StartToStart,
                        var other => throw new MspdiException($"Task {read.Uid} ({read.Name}): link type {other} is not one Microsoft Project writes."),
                    },
                    new Span((Long(link, "LinkLag") ?? 0) / 10, IsElapsed(Int(link, "LagFormat")))));
            }
        }

        // Microsoft Project writes the status date at the day's finish (17:00); one at midnight is the end of the day before.
        return new MspdiProject(Text(project, "Name") ?? Text(project, "Title"), start, minutesPerDay, calendar, WithResources(project, WithExternals(tasks, crossProjectNames)), links)
        {
            StatusDate = Date(project, "StatusDate") is { } status ? DateOnly.FromDateTime(status.AddTicks(-1)) : null,
        };
    }

    // External tasks get their task number in the other project from the links that use them: Microsoft
    // Project names the predecessor as "project\number" there (the project alone on the task).
    private static List<MspdiTask> WithExternals(List<MspdiTask> tasks, Dictionary<int, string> crossProjectNames)
    {
        for (var i = 0; i < tasks.Count; i++)
        {
            if (tasks[i].External is not { } external)
            {
                continue;
            }

            var number = 0;
            if (crossProjectNames.TryGetValue(tasks[i].Uid, out var name) && name.LastIndexOf('\\') is var split and >= 0
                && int.TryParse(name.AsSpan(split + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                number = parsed;
                external = external with { Project = external.Project.Length > 0 ? external.Project : name[..split] };
            }

            tasks[i] = tasks[i] with { External = external with { TaskNumber = number } };
        }

        return tasks;
    }

    // Resource names joined onto their tasks through the assignments.
    private static List<MspdiTask> WithResources(XElement project, List<MspdiTask> tasks)
    {
        var names = new Dictionary<int, string>();
        foreach (var resource in project.Element(Ns + "Resources")?.Elements(Ns + "Resource") ?? [])
        {
            if (Int(resource, "UID") is { } uid && Text(resource, "Name") is { } name)
            {
                names[uid] = name;
            }
        }

        var assigned = (project.Element(Ns + "Assignments")?.Elements(Ns + "Assignment") ?? [])
            .Select(a => (Task: Int(a, "TaskUID"), Resource: Int(a, "ResourceUID")))
            .Where(a => a.Task is not null && a.Resource is { } r && names.ContainsKey(r))
            .GroupBy(a => a.Task!.Value, a => names[a.Resource!.Value])
            .ToDictionary(g => g.Key, g => string.Join(", ", g.Distinct()));
        return assigned.Count == 0 ? tasks : tasks.Select(t => assigned.TryGetValue(t.Uid, out var who) ? t with { Resources = who } : t).ToList();
    }

    // The project summary task (UID 0) usually has no name of its own: it is the project.
    private static MspdiTask ReadTask(XElement task, string? projectName)
    {
        var uid = Int(task, "UID") ?? throw new MspdiException("A task has no <UID>.");
        var name = Text(task, "Name") ?? (uid == 0 ? projectName : null) ?? $"Task {uid}";
        try
        {
            return ReadTaskFields(task, uid, name);
        }
        catch (MspdiException bad) when (!bad.Message.StartsWith("Task ", StringComparison.Ordinal))
        {
            throw new MspdiException($"Task {uid} ({name}): {bad.Message}");
        }
    }

    private static MspdiTask ReadTaskFields(XElement task, int uid, string name)
    {
        var duration = Text(task, "Duration") is { } text ? Minutes(text, $"Task {uid} ({name}): <Duration>") : 0;
        MicrosoftProjectDates? computed = null;
        if (Int(task, "ExternalTask") != 1 && Date(task, "EarlyStart") is { } earlyStart && Date(task, "EarlyFinish") is { } earlyFinish
            && Date(task, "LateStart") is { } lateStart && Date(task, "LateFinish") is { } lateFinish)
        {
            computed = new MicrosoftProjectDates(earlyStart, earlyFinish, lateStart, lateFinish, (Long(task, "TotalSlack") ?? 0) / 10, Int(task, "Critical") == 1);
        }

        return new MspdiTask(
            uid, name, Int(task, "OutlineLevel") ?? 1, Int(task, "Summary") == 1, Int(task, "Milestone") == 1,
            new Span(duration, IsElapsed(Int(task, "DurationFormat"))), Int(task, "DurationFormat") ?? 7,
            (Int(task, "ConstraintType") ?? 0) switch
            {
                0 => ConstraintType.AsSoonAsPossible,
                1 => ConstraintType.AsLateAsPossible,
                2 => ConstraintType.MustStartOn,
                3 => ConstraintType.MustFinishOn,
                4 => ConstraintType.StartNoEarlierThan,
                5 => ConstraintType.StartNoLaterThan,
                6 => ConstraintType.FinishNoEarlierThan,
                7 => ConstraintType.FinishNoLaterThan,
                var other => throw new MspdiException($"Task {uid} ({name}): constraint type {other} is not one Microsoft Project writes."),
            },
            Date(task, "ConstraintDate"), Date(task, "Deadline"), Int(task, "Manual") == 1 ? Date(task, "ManualStart") ?? Date(task, "Start") : null,
            Int(task, "PercentComplete") ?? 0, Date(task, "ActualStart"), Date(task, "ActualFinish"), computed)
        {
            External = Int(task, "ExternalTask") != 1 ? null
                : new MspdiExternal(Text(task, "ExternalTaskProject") ?? string.Empty, 0,
                    Date(task, "Start") ?? throw new MspdiException($"Task {uid} ({name}): an external task needs the <Start> its project gives it."),
                    Date(task, "Finish") ?? Date(task, "Start")!.Value),
            Baselines = task.Elements(Ns + "Baseline")
                .Select(b => (Number: Int(b, "Number"), Start: Date(b, "Start"), Finish: Date(b, "Finish"), Duration: Text(b, "Duration")))
                .Where(b => b.Number is >= 0 and <= 10 && b.Start is not null && b.Finish is not null)
                .Select(b => new MspdiBaseline(b.Number!.Value, b.Start!.Value, b.Finish!.Value, b.Duration is null ? 0 : Minutes(b.Duration, $"Task {uid} ({name}): baseline <Duration>")))
                .ToList(),
        };
    }

    // The project's calendar: its week, any base calendar's week for the days it leaves out, and its
    // exceptions (old files write them as day type 0, newer ones as <Exceptions>).
    private static WorkCalendar ReadCalendar(XElement project, int? uid, MspdiLimits limits)
    {
        var calendars = project.Element(Ns + "Calendars")?.Elements(Ns + "Calendar").ToList() ?? [];
        var chosen = calendars.FirstOrDefault(c => Int(c, "UID") == uid) ?? calendars.FirstOrDefault();
        if (chosen is null)
        {
            return WorkCalendar.Standard();
        }

        var week = new Dictionary<DayOfWeek, IReadOnlyList<WorkingPeriod>>();
        var exceptions = new Dictionary<DateOnly, IReadOnlyList<WorkingPeriod>>();
        var exceptionDays = new ExceptionDays(limits.MaxCalendarExceptionDays);
        var visited = new List<XElement>();
        for (var calendar = chosen; calendar is not null;)
        {
            visited.Add(calendar);
            foreach (var day in calendar.Element(Ns + "WeekDays")?.Elements(Ns + "WeekDay") ?? [])
            {
                var type = Int(day, "DayType") ?? 0;
                var periods = Periods(day);
                if (type is >= 1 and <= 7)
                {
                    week.TryAdd((DayOfWeek)(type - 1), periods);
                }
                else if (day.Element(Ns + "TimePeriod") is { } span)
                {
                    AddDays(exceptions, span, periods, exceptionDays);
                }
            }

            foreach (var exception in calendar.Element(Ns + "Exceptions")?.Elements(Ns + "Exception") ?? [])
            {
                if (exception.Element(Ns + "TimePeriod") is { } span)
                {
                    AddDays(exceptions, span, Periods(exception), exceptionDays);
                }
            }

            var baseUid = Int(calendar, "BaseCalendarUID");
            calendar = baseUid is null || baseUid == Int(calendar, "UID") ? null : calendars.FirstOrDefault(c => Int(c, "UID") == baseUid);
            if (calendar is not null && visited.Contains(calendar))
            {
                // Microsoft Project never saves such a file; following it would never end.
                var loop = visited.Skip(visited.IndexOf(calendar)).Append(calendar).Select(c => Text(c, "Name") ?? $"calendar {Int(c, "UID")}");
                throw new MspdiException($"The calendars are each other's base calendars in a loop: {string.Join(" → ", loop)}.");
            }
        }

        return new WorkCalendar(Text(chosen, "Name") ?? "Standard", week, exceptions);
    }

    private static void AddDays(Dictionary<DateOnly, IReadOnlyList<WorkingPeriod>> exceptions, XElement span, IReadOnlyList<WorkingPeriod> periods, ExceptionDays counted)
    {
        if (Date(span, "FromDate") is not { } from || Date(span, "ToDate") is not { } to)
        {
            return;
        }

        for (var date = DateOnly.FromDateTime(from); date <= DateOnly.FromDateTime(to) && date.DayNumber - DateOnly.FromDateTime(from).DayNumber < 366 * 20; date = date.AddDays(1))
        {
            counted.Add();
            exceptions.TryAdd(date, periods);
        }
    }

    // Days covered by calendar exceptions, counted as they are read: a few hundred exceptions of twenty
    // years each would otherwise take seconds to walk.
    private sealed class ExceptionDays(int max)
    {
        private int _days;

        public void Add()
        {
            if (++_days > max)
            {
                throw new MspdiException($"The calendar's exceptions cover more than {max:N0} days in all; Steward reads at most that many.");
            }
        }
    }

    private static List<WorkingPeriod> Periods(XElement day)
    {
        if (Int(day, "DayWorking") != 1)
        {
            return [];
        }

        return [.. (day.Element(Ns + "WorkingTimes")?.Elements(Ns + "WorkingTime") ?? [])
            .Where(w => Text(w, "FromTime") is not null && Text(w, "ToTime") is not null)
            .Select(w => WorkingPeriod.Of(Time(w, "FromTime"), Time(w, "ToTime")))];
    }

    // Microsoft Project's duration formats: the even codes from 4 to 12, and 20, are elapsed (clock)
    // time; 32 is added to mark an estimate.
    public static bool IsElapsed(int? format)
    {
        var plain = format >= 32 ? format - 32 : format;
        return plain is 4 or 6 or 8 or 10 or 12 or 20;
    }

    private static long Minutes(string iso, string what)
    {
        try
        {
            return (long)XmlConvert.ToTimeSpan(iso).TotalMinutes;
        }
        catch (Exception e) when (e is FormatException or OverflowException)
        {
            throw new MspdiException($"{what} '{iso}' is not a duration such as PT8H0M0S.");
        }
    }

    private static TimeOnly Time(XElement parent, string name) =>
        TimeOnly.TryParse(Text(parent, name), CultureInfo.InvariantCulture, out var time) ? time
            : throw new MspdiException($"<{name}> '{Text(parent, name)}' in the calendar is not a time of day such as 08:00:00.");

    private static string? Text(XElement parent, string name) => parent.Element(Ns + name)?.Value is { Length: > 0 } value ? value.Trim() : null;

    private static int? Int(XElement parent, string name) =>
        Text(parent, name) is { } text ? int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value
            : throw new MspdiException($"<{name}> '{text}' is not a whole number.") : null;

    private static long? Long(XElement parent, string name) =>
        Text(parent, name) is { } text ? double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? (long)value
            : throw new MspdiException($"<{name}> '{text}' is not a number.") : null;

    private static DateTime? Date(XElement parent, string name) =>
        Text(parent, name) is { } text ? DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value) ? value
            : throw new MspdiException($"<{name}> '{text}' is not a date and time such as 2027-03-31T17:00:00.") : null;
}
