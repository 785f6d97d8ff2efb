namespace Steward.Scheduling.Mspdi;

// One way Steward's schedule of a task differs from what Microsoft Project saved in the file.
public sealed record ScheduleDifference(int Uid, string TaskName, string Field, long MicrosoftProject, long Steward)
{
    public override string ToString() =>
        $"Task {Uid} ({TaskName}): {Field} differs: Microsoft Project {MicrosoftProject}, Steward {Steward} (working minutes from the project's start)";
}

public sealed record ScheduleComparison(int Compared, IReadOnlyList<ScheduleDifference> Differences);

public static class MicrosoftProjectComparison
{
    // Dates are compared as moments of work: Microsoft Project writes the same late finish as 17:00 or
    // as 08:00 of the next working day depending on its version.
    public static ScheduleComparison Compare(MspdiProject project, Schedule result)
    {
        var timeline = new WorkingTimeline(project.Calendar, DateOnly.FromDateTime(project.Start));
        var differences = new List<ScheduleDifference>();
        var compared = 0;
        foreach (var task in project.Tasks.Where(t => t.Computed is not null))
        {
            compared++;
            var ms = task.Computed!;
            var ours = result[task.Id];
            var fields = new (string Name, long Theirs, long Ours)[]
            {
                ("early start", timeline.OffsetOf(ms.EarlyStart), timeline.OffsetOf(ours.EarlyStart)),
                ("early finish", timeline.OffsetOf(ms.EarlyFinish), timeline.OffsetOf(ours.EarlyFinish)),
                ("late start", timeline.OffsetOf(ms.LateStart), timeline.OffsetOf(ours.LateStart)),
                ("late finish", timeline.OffsetOf(ms.LateFinish), timeline.OffsetOf(ours.LateFinish)),
                ("total slack (minutes)", ms.TotalSlackMinutes, ours.TotalFloat),
                ("critical", ms.Critical ? 1 : 0, ours.Critical ? 1 : 0),
            };
            differences.AddRange(fields.Where(f => f.Theirs != f.Ours).Select(f => new ScheduleDifference(task.Uid, task.Name, f.Name, f.Theirs, f.Ours)));
        }

        return new ScheduleComparison(compared, differences);
    }
}
