namespace Steward.Scheduling.Tests;

// Every link type, lag sign, constraint and calendar case on Microsoft Project's Standard calendar
// (Monday to Friday, 08:00-12:00 and 13:00-17:00), from Monday 4 January 2027.
public sealed class SchedulerTests
{
    private static readonly DateTime Monday = new(2027, 1, 4, 8, 0, 0);

    [Theory]
    [InlineData(LinkType.FinishToStart, 0, "2027-01-06T08:00", "2027-01-06T17:00")]
    [InlineData(LinkType.FinishToStart, 2, "2027-01-08T08:00", "2027-01-08T17:00")]
    [InlineData(LinkType.FinishToStart, -1, "2027-01-05T08:00", "2027-01-05T17:00")]
    [InlineData(LinkType.StartToStart, 1, "2027-01-05T08:00", "2027-01-05T17:00")]
    [InlineData(LinkType.StartToStart, -1, "2027-01-04T08:00", "2027-01-04T17:00")]
    [InlineData(LinkType.FinishToFinish, 1, "2027-01-06T08:00", "2027-01-06T17:00")]
    [InlineData(LinkType.FinishToFinish, -1, "2027-01-04T08:00", "2027-01-04T17:00")]
    [InlineData(LinkType.StartToFinish, 3, "2027-01-06T08:00", "2027-01-06T17:00")]
    [InlineData(LinkType.StartToFinish, 0, "2027-01-04T08:00", "2027-01-04T17:00")]
    public void EachLinkType_AndLagSign_PlacesTheSuccessor(LinkType type, double lagDays, string start, string finish)
    {
        var schedule = Run([Task("A", 2), Task("B", 1)], [new PlanLink("A", "B", type, Span.WorkingDays(lagDays))]);
        Assert.Equal((At(start), At(finish)), (schedule["B"].EarlyStart, schedule["B"].EarlyFinish));
    }

    [Fact]
    public void AnElapsedLag_RunsThroughTheWeekend_AWorkingLagDoesNot()
    {
        var friday = new PlanTask("A", "A", Span.WorkingDays(1)) { Constraint = ConstraintType.StartNoEarlierThan, ConstraintDate = At("2027-01-08T08:00") };
        var elapsed = Run([friday, Task("B", 1)], [new PlanLink("A", "B", LinkType.FinishToStart, Span.ElapsedMinutes(2 * 24 * 60))]);
        var working = Run([friday, Task("B", 1)], [new PlanLink("A", "B", LinkType.FinishToStart, Span.WorkingDays(2))]);

        Assert.Equal(At("2027-01-11T08:00"), elapsed["B"].EarlyStart);
        Assert.Equal(At("2027-01-13T08:00"), working["B"].EarlyStart);
    }

    [Fact]
    public void AnElapsedDuration_CountsClockTime()
    {
        var schedule = Run([new PlanTask("A", "A", Span.ElapsedMinutes(3 * 24 * 60)) { Constraint = ConstraintType.StartNoEarlierThan, ConstraintDate = At("2027-01-08T08:00") }], []);
        Assert.Equal(At("2027-01-08T17:00"), schedule["A"].EarlyFinish); // Monday 08:00 is the same moment of work as Friday 17:00
    }

    [Fact]
    public void AHolidayInTheCalendar_IsNotWorked()
    {
        var calendar = WorkCalendar.Standard(new Dictionary<DateOnly, IReadOnlyList<WorkingPeriod>> { [new DateOnly(2027, 1, 5)] = [] });
        var schedule = Scheduler.Run(new Plan(Monday, calendar, [Task("A", 2)], []));
        Assert.Equal(At("2027-01-06T17:00"), schedule["A"].EarlyFinish);
    }

    [Fact]
    public void AWorkedSaturday_IsWorked()
    {
        var calendar = WorkCalendar.Standard(new Dictionary<DateOnly, IReadOnlyList<WorkingPeriod>> { [new DateOnly(2027, 1, 9)] = [new WorkingPeriod(9 * 60, 13 * 60)] });
        var schedule = Scheduler.Run(new Plan(Monday, calendar, [Task("A", 5.5)], []));
        Assert.Equal(At("2027-01-09T13:00"), schedule["A"].EarlyFinish);
    }

    [Theory]
    [InlineData(ConstraintType.StartNoEarlierThan, "2027-01-11T08:00", "2027-01-11T08:00")]
    [InlineData(ConstraintType.FinishNoEarlierThan, "2027-01-12T17:00", "2027-01-12T08:00")]
    [InlineData(ConstraintType.MustStartOn, "2027-01-05T08:00", "2027-01-05T08:00")] // before its predecessor finishes: the constraint wins
    [InlineData(ConstraintType.MustFinishOn, "2027-01-13T17:00", "2027-01-13T08:00")]
    [InlineData(ConstraintType.StartNoLaterThan, "2027-01-20T08:00", "2027-01-06T08:00")]
    [InlineData(ConstraintType.FinishNoLaterThan, "2027-01-20T17:00", "2027-01-06T08:00")]
    public void Constraints_HoldTheTask(ConstraintType constraint, string date, string start)
    {
        var schedule = Run([Task("A", 2), Task("B", 1) with { Constraint = constraint, ConstraintDate = At(date) }], [new PlanLink("A", "B")]);
        Assert.Equal(At(start), schedule["B"].EarlyStart);
    }

    [Fact]
    public void ALaterConstraintThanTheLinksAllow_ShowsAsNegativeFloat()
    {
        var schedule = Run([Task("A", 4), Task("B", 1) with { Constraint = ConstraintType.StartNoLaterThan, ConstraintDate = At("2027-01-06T08:00") }], [new PlanLink("A", "B")]);
        Assert.Equal((At("2027-01-08T08:00"), At("2027-01-06T08:00")), (schedule["B"].EarlyStart, schedule["B"].LateStart));
        Assert.Equal(-2 * 480, schedule["B"].TotalFloat);
        Assert.Equal(-2 * 480, schedule["A"].TotalFloat);
        Assert.True(schedule["A"].Critical && schedule["B"].Critical);
    }

    [Fact]
    public void AMissedDeadline_ShowsAsNegativeFloat_WithoutMovingTheTask()
    {
        var schedule = Run([Task("A", 5) with { Deadline = At("2027-01-06T17:00") }], []);
        Assert.Equal((At("2027-01-08T17:00"), -2 * 480L), (schedule["A"].EarlyFinish, schedule["A"].TotalFloat));
    }

    [Fact]
    public void FloatAndTheCriticalPath_FollowTheLongestChain()
    {
        var schedule = Run([Task("A", 1), Task("B", 3), Task("C", 1), Task("D", 1)],
            [new PlanLink("A", "C"), new PlanLink("B", "C"), new PlanLink("A", "D")]);
        Assert.Equal((2 * 480L, 0L), (schedule["A"].TotalFloat, schedule["A"].FreeFloat));
        Assert.Equal((2 * 480L, 2 * 480L), (schedule["D"].TotalFloat, schedule["D"].FreeFloat));
        Assert.Equal(["B", "C"], Assert.Single(schedule.CriticalPaths));
        Assert.Equal(At("2027-01-07T17:00"), schedule.Finish);
    }

    [Fact]
    public void ASummaryTask_RollsUpItsChildren_AndItsLinksHoldThemAll()
    {
        var schedule = Run(
            [Task("A", 1), new PlanTask("S", "Summary", default), Task("B", 2) with { ParentId = "S" }, Task("C", 3) with { ParentId = "S" }, Task("D", 1)],
            [new PlanLink("A", "S"), new PlanLink("S", "D")]);
        Assert.Equal(At("2027-01-05T08:00"), schedule["B"].EarlyStart);
        Assert.Equal(At("2027-01-05T08:00"), schedule["C"].EarlyStart);
        Assert.Equal((At("2027-01-05T08:00"), At("2027-01-07T17:00"), true), (schedule["S"].EarlyStart, schedule["S"].EarlyFinish, schedule["S"].Summary));
        Assert.Equal(At("2027-01-08T08:00"), schedule["D"].EarlyStart);
        Assert.Equal(480, schedule["B"].TotalFloat);
        Assert.Equal(["A", "C", "D"], Assert.Single(schedule.CriticalPaths));
    }

    [Fact]
    public void AMilestone_SitsAtTheEndOfTheWorkBeforeIt_OrAtTheProjectsStart()
    {
        var schedule = Run([Task("Kick-off", 0), Task("A", 5), Task("Done", 0)], [new PlanLink("Kick-off", "A"), new PlanLink("A", "Done")]);
        Assert.Equal((Monday, Monday), (schedule["Kick-off"].EarlyStart, schedule["Kick-off"].EarlyFinish));
        Assert.Equal((At("2027-01-08T17:00"), At("2027-01-08T17:00")), (schedule["Done"].EarlyStart, schedule["Done"].EarlyFinish));
        Assert.Equal(["Kick-off", "A", "Done"], Assert.Single(schedule.CriticalPaths));
    }

    [Fact]
    public void ACycle_IsRefused_NamingItsTasksInOrder()
    {
        var refused = Assert.Throws<DependencyCycleException>(() => Run(
            [Task("A", 1), Task("B", 1), Task("C", 1), Task("D", 1)],
            [new PlanLink("A", "B"), new PlanLink("B", "C"), new PlanLink("C", "D"), new PlanLink("D", "B", LinkType.StartToStart)]));
        Assert.Contains(string.Join(" → ", refused.TaskNames), new[] { "B → C → D → B", "C → D → B → C", "D → B → C → D" });
        Assert.Contains("These tasks depend on each other in a loop", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ATaskLinkedToItself_IsACycle()
    {
        var refused = Assert.Throws<DependencyCycleException>(() => Run([Task("A", 1)], [new PlanLink("A", "A")]));
        Assert.Equal(["A", "A"], refused.TaskNames);
    }

    [Fact]
    public void BadPlans_AreRefused_NamingTheTaskOrLink()
    {
        Assert.Contains("A: a duration cannot be negative", Refused([Task("A", -1)], []), StringComparison.Ordinal);
        Assert.Contains("more than ten years", Refused([Task("A", 1), Task("B", 1)], [new PlanLink("A", "B", LinkType.FinishToStart, Span.WorkingDays(11 * 261))]), StringComparison.Ordinal);
        Assert.Contains("more than ten years", Refused([Task("A", 1), Task("B", 1)], [new PlanLink("A", "B", LinkType.FinishToStart, Span.ElapsedMinutes(-11L * 366 * 1440))]), StringComparison.Ordinal);
        Assert.Contains("no task has the id Z", Refused([Task("A", 1)], [new PlanLink("A", "Z")]), StringComparison.Ordinal);
        Assert.Contains("needs a date", Refused([Task("A", 1) with { Constraint = ConstraintType.MustStartOn }], []), StringComparison.Ordinal);
        Assert.Contains("Two tasks have the id A", Refused([Task("A", 1), Task("A", 2)], []), StringComparison.Ordinal);
        Assert.Contains("summary task", Refused([new PlanTask("S", "S", default), Task("B", 1) with { ParentId = "S" }, Task("C", 1)], [new PlanLink("C", "S", LinkType.FinishToFinish)]), StringComparison.Ordinal);
        Assert.Contains("inside itself", Refused([Task("A", 1) with { ParentId = "B" }, Task("B", 1) with { ParentId = "A" }], []), StringComparison.Ordinal);
    }

    [Fact]
    public void ACalendarWithNoWorkingTime_IsRefused()
    {
        var refused = Assert.Throws<PlanException>(() => new WorkCalendar("Never", new Dictionary<DayOfWeek, IReadOnlyList<WorkingPeriod>>()));
        Assert.Contains("no working time", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AsLateAsPossible_PutsATaskAtItsLateDates_WithoutMovingItsSuccessor()
    {
        var late = new PlanTask("B", "B", Span.WorkingDays(1)) { Constraint = ConstraintType.AsLateAsPossible };
        var schedule = Run([Task("A", 3), late, Task("C", 1)], [new PlanLink("A", "C"), new PlanLink("B", "C")]);

        Assert.Equal((At("2027-01-06T08:00"), At("2027-01-06T17:00")), (schedule["B"].EarlyStart, schedule["B"].EarlyFinish));
        Assert.Equal(At("2027-01-07T08:00"), schedule["C"].EarlyStart);
        Assert.Equal(0, schedule["B"].TotalFloat);
    }

    [Fact]
    public void ActualDates_OverrideLinks_AndAFinishedTaskIsNeverCritical()
    {
        // A took one day instead of two; B started early, on Monday, before A was done; C waits for both.
        var done = new PlanTask("A", "A", Span.WorkingDays(2)) { ActualStart = At("2027-01-04T08:00"), ActualFinish = At("2027-01-04T17:00") };
        var started = new PlanTask("B", "B", Span.WorkingDays(2)) { ActualStart = At("2027-01-04T08:00") };
        var schedule = Run([done, started, Task("C", 1)], [new PlanLink("A", "B"), new PlanLink("B", "C")]);

        Assert.Equal((At("2027-01-04T08:00"), At("2027-01-04T17:00")), (schedule["A"].EarlyStart, schedule["A"].EarlyFinish));
        Assert.Equal((At("2027-01-04T08:00"), At("2027-01-05T17:00")), (schedule["B"].EarlyStart, schedule["B"].EarlyFinish));
        Assert.Equal(At("2027-01-06T08:00"), schedule["C"].EarlyStart);
        Assert.False(schedule["A"].Critical);
        Assert.True(schedule["B"].Critical);
    }

    // A task of another plan, pinned where that plan has it, moves this plan's tasks (a successor waits
    // for it; a predecessor's late dates answer to it) but neither extends the finish nor joins the path.
    [Fact]
    public void ExternalTasks_MoveThisPlan_ButNeitherExtendItsFinishNorJoinItsCriticalPath()
    {
        var waitedOn = new PlanTask("X1", "Other plan's milestone", default) { External = true, ManualStart = At("2027-01-08T17:00") };
        var waiting = new PlanTask("X2", "Other plan's task", default)
        {
            External = true, ManualStart = At("2027-01-20T08:00"), Constraint = ConstraintType.StartNoLaterThan, ConstraintDate = At("2027-01-12T08:00"),
        };
        var schedule = Run(
            [waitedOn, Task("A", 2), Task("B", 1), waiting],
            [new PlanLink("X1", "A"), new PlanLink("B", "X2")]);

        Assert.Equal(At("2027-01-11T08:00"), schedule["A"].EarlyStart);
        Assert.Equal(At("2027-01-12T17:00"), schedule.Finish);
        // B, done on 4 January, could slip to the plan's finish (6 days), but the other plan needs it by
        // the start of 12 January: 5 days of float. Its free float stays within the plan's finish.
        Assert.Equal((5 * 480L, 6 * 480L), (schedule["B"].TotalFloat, schedule["B"].FreeFloat));
        Assert.DoesNotContain(schedule.CriticalPaths.SelectMany(p => p), id => id.StartsWith('X'));
        Assert.Equal(["A"], schedule.CriticalPaths.Single());
    }

    // A task another plan waits on two days after it is held by that plan's latest start, not by this
    // plan's finish: A ends the plan on Tuesday 5th and the other plan's task, two days later, may start
    // no later than Friday 8th (or later), so A has no float, neither more nor less. Needed to start on
    // Wednesday 6th, it would need A done two working days before, by the start of Monday: two days late.
    [Theory]
    [InlineData("2027-01-08T08:00", 0)]
    [InlineData("2027-01-13T08:00", 0)]
    [InlineData("2027-01-06T08:00", -960)]
    public void AnExternalSuccessor_HoldsItsPredecessorByItsOwnLatestStart_NotByThisPlansFinish(string latest, long expectedFloat)
    {
        var waiting = new PlanTask("X", "Other plan's task", Span.WorkingDays(3))
        {
            External = true, ManualStart = At("2027-01-08T08:00"), Constraint = ConstraintType.StartNoLaterThan, ConstraintDate = At(latest),
        };
        var schedule = Run([Task("A", 2), waiting], [new PlanLink("A", "X", LinkType.FinishToStart, Span.WorkingDays(2))]);

        Assert.Equal(At("2027-01-05T17:00"), schedule.Finish);
        Assert.Equal(expectedFloat, schedule["A"].TotalFloat);
    }

    // Status date at the end of Wednesday 6 January. A, four days from Monday, is a quarter done: the three
    // days left run from Thursday, so A ends on Monday 11th, not Thursday 7th, and B after it moves right.
    // C, not started, cannot have started on Monday: it starts on Thursday.
    [Fact]
    public void AStatusDate_MovesWorkNotDoneByItAfterIt_AndSoTheTasksWaitingOnIt()
    {
        var behind = new PlanTask("A", "A", Span.WorkingDays(4)) { ActualStart = At("2027-01-04T08:00"), PercentComplete = 25 };
        var tasks = new[] { behind, Task("B", 2), Task("C", 1), Task("M", 0) };
        var links = new[] { new PlanLink("A", "B"), new PlanLink("B", "M") };
        var asEntered = Run(tasks, links);
        var reported = Scheduler.Run(new Plan(Monday, WorkCalendar.Standard(), tasks, links) { StatusDate = At("2027-01-07T00:00") });

        Assert.Equal(At("2027-01-07T17:00"), asEntered["A"].EarlyFinish);
        Assert.Equal((At("2027-01-04T08:00"), At("2027-01-11T17:00")), (reported["A"].EarlyStart, reported["A"].EarlyFinish));
        Assert.Equal((At("2027-01-12T08:00"), At("2027-01-13T17:00")), (reported["B"].EarlyStart, reported["B"].EarlyFinish));
        Assert.Equal(At("2027-01-13T17:00"), reported["M"].EarlyFinish);
        Assert.Equal(At("2027-01-13T17:00"), reported.Finish);
        Assert.Equal((At("2027-01-07T08:00"), At("2027-01-07T17:00")), (reported["C"].EarlyStart, reported["C"].EarlyFinish));

        // A keeps its actual start; its float is what its finish can slip, which is none.
        Assert.Equal(0, reported["A"].TotalFloat);
        Assert.True(reported["A"].Critical);
        Assert.Equal(4 * 480, reported["C"].TotalFloat);
    }

    // Work ahead of the status date, a promised date, a task placed by hand and finished work stay where
    // they are; a started task with nothing done has all of its work after the status date.
    [Fact]
    public void AStatusDate_LeavesWorkAhead_PromisedDates_ManualTasks_AndFinishedWork_Where_TheyAre()
    {
        var ahead = new PlanTask("A", "A", Span.WorkingDays(2)) { ActualStart = At("2027-01-06T08:00"), PercentComplete = 60 };
        var promised = new PlanTask("P", "P", Span.WorkingDays(1)) { Constraint = ConstraintType.MustStartOn, ConstraintDate = At("2027-01-05T08:00") };
        var manual = new PlanTask("H", "H", Span.WorkingDays(1)) { ManualStart = At("2027-01-04T08:00") };
        var done = new PlanTask("D", "D", Span.WorkingDays(1)) { ActualStart = At("2027-01-04T08:00"), ActualFinish = At("2027-01-04T17:00"), PercentComplete = 100 };
        var idle = new PlanTask("I", "I", Span.WorkingDays(1)) { ActualStart = At("2027-01-04T08:00") };
        var elapsed = new PlanTask("E", "E", Span.ElapsedMinutes(2 * 24 * 60)) { ActualStart = At("2027-01-04T08:00"), PercentComplete = 50 };
        var schedule = Scheduler.Run(new Plan(Monday, WorkCalendar.Standard(), [ahead, promised, manual, done, idle, elapsed], []) { StatusDate = At("2027-01-07T00:00") });

        Assert.Equal(At("2027-01-07T17:00"), schedule["A"].EarlyFinish);
        Assert.Equal(At("2027-01-05T08:00"), schedule["P"].EarlyStart);
        Assert.Equal(At("2027-01-04T08:00"), schedule["H"].EarlyStart);
        Assert.Equal((At("2027-01-04T08:00"), At("2027-01-04T17:00")), (schedule["D"].EarlyStart, schedule["D"].EarlyFinish));
        Assert.Equal((At("2027-01-04T08:00"), At("2027-01-07T17:00")), (schedule["I"].EarlyStart, schedule["I"].EarlyFinish));

        // Half of two clock days was done by Tuesday 08:00; the other day runs from Thursday 08:00
        // to Friday 08:00, the same moment of work as Thursday 17:00.
        Assert.Equal(At("2027-01-07T17:00"), schedule["E"].EarlyFinish);
    }

    private static string Refused(IReadOnlyList<PlanTask> tasks, IReadOnlyList<PlanLink> links) =>
        Assert.ThrowsAny<PlanException>(() => Run(tasks, links)).Message;

    private static Schedule Run(IReadOnlyList<PlanTask> tasks, IReadOnlyList<PlanLink> links) =>
        Scheduler.Run(new Plan(Monday, WorkCalendar.Standard(), tasks, links));

    private static PlanTask Task(string id, double days) => new(id, id, new Span((long)(days * 480)));

    private static DateTime At(string text) => DateTime.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
