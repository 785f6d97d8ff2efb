using System.Net;
using System.Text.Json;
using Steward.Features.Plans;
using Steward.Scheduling.Mspdi;
using Steward.Tests.Cli;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Plans;

// Plans through the API on both databases: a Microsoft Project file imported, scheduled as Microsoft
// Project did, exported and read back; a baseline set, a milestone moved, and the slip seen by the
// programme and the portfolio; bad plans refused with nothing written.
public abstract class PlanApiTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : StewardApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AMicrosoftProjectFile_ImportsWithMicrosoftProjectsDates_AndExportsBackLosslessly()
    {
        var (_, _, project) = await app.CreateTreeAsync();
        var path = SharedData.PathTo("mspdi/task-links-project2010-mspdi.xml");
        var imported = await app.Api().PostFileAsync($"/api/v1/units/{project.Code}/plan/import", await File.ReadAllBytesAsync(path, Ct), "application/xml");
        Assert.True(imported.StatusCode == HttpStatusCode.OK, await imported.Content.ReadAsStringAsync(Ct));
        var result = await imported.ReadAsync<PlanImportResult>();
        Assert.Equal((17, 8, 17, 17), (result.Tasks, result.Links, result.Added, result.ComparedWithMicrosoftProject));
        Assert.Empty(result.Differences);

        // Stored and scheduled again from the database: still Microsoft Project's critical flags and slack.
        await using (var source = File.OpenRead(path))
        {
            var file = MspdiReader.Read(source);
            var plan = await (await app.Api().GetAsync($"/api/v1/units/{project.Code}/plan", Ct)).ReadAsync<PlanView>();
            Assert.Equal(file.Tasks.Select(t => (t.Uid, t.Computed!.Critical, t.Computed.TotalSlackMinutes / 480.0)), plan.Tasks.Select(t => (t.Uid, t.Critical, t.TotalFloatDays)));
        }

        var export = await app.Api().GetAsync($"/api/v1/units/{project.Code}/plan/export", Ct);
        Assert.Equal("application/xml", export.Content.Headers.ContentType?.MediaType);
        var bytes = await export.Content.ReadAsByteArrayAsync(Ct);
        var back = MspdiReader.Read(new MemoryStream(bytes));
        await using (var source = File.OpenRead(path))
        {
            var original = MspdiReader.Read(source);
            Assert.Equal(original.Tasks.Select(t => (t.Uid, t.Name, t.OutlineLevel, t.Duration, t.Constraint, t.ConstraintDate, t.ManualStart)),
                back.Tasks.Select(t => (t.Uid, t.Name, t.OutlineLevel, t.Duration, t.Constraint, t.ConstraintDate, t.ManualStart)));
            Assert.Equal(original.Links.OrderBy(l => l.SuccessorId).ThenBy(l => l.PredecessorId), back.Links.OrderBy(l => l.SuccessorId).ThenBy(l => l.PredecessorId));
            Assert.Empty(MicrosoftProjectComparison.Compare(back, Steward.Scheduling.Scheduler.Run(back.ToPlan())).Differences);
        }

        // The same file again updates the plan in place.
        var again = await (await app.Api().PostFileAsync($"/api/v1/units/{project.Code}/plan/import", bytes, "application/xml")).ReadAsync<PlanImportResult>();
        Assert.Equal((0, 17, 0), (again.Added, again.Updated, again.Removed));

        var csv = await app.Api().GetStringAsync($"/api/v1/units/{project.Code}/plan/export?format=csv", Ct);
        Assert.StartsWith("\"Task\",\"Outline level\",\"Name\",\"Type\"", csv.TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.Equal(18, csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task APlanner_SetsABaseline_MovesAMilestone_AndTheProgrammeAndPortfolioSeeTheSlip()
    {
        var (portfolio, programme, project) = await app.CreateTreeAsync();
        var tasks = $"/api/v1/units/{project.Code}/plan/tasks";
        var build = await app.Api().PostJsonAsync(tasks, new { name = "Build", duration = "10d", constraint = "start-no-earlier-than", constraintDate = "2027-06-07T08:00:00" });
        Assert.Equal(HttpStatusCode.Created, build.StatusCode);
        var test = await (await app.Api().PostJsonAsync(tasks, new { name = "Test", duration = "5d", predecessors = "1" })).ReadAsync<TaskView>();
        var live = await app.Api().PostJsonAsync(tasks, new { name = "Go live", duration = "0d", predecessors = $"{test.Uid}", reportingLevel = "portfolio" });
        var milestone = await live.ReadAsync<TaskView>();
        Assert.True(milestone.Milestone);
        Assert.True(milestone.Critical);
        Assert.Equal(new DateTime(2027, 6, 25, 17, 0, 0), milestone.Finish!.Value, TimeSpan.Zero);
        var local = await (await app.Api().PostJsonAsync(tasks, new { name = "Team trained", duration = "0d", predecessors = "1" })).ReadAsync<TaskView>();
        Assert.False(local.Critical);
        Assert.Equal(5, local.TotalFloatDays);

        var baseline = await app.Api().PostJsonAsync($"/api/v1/units/{project.Code}/plan/baselines", new { name = "Approved at gate 3", reason = "Business case approved" });
        Assert.Equal(HttpStatusCode.Created, baseline.StatusCode);
        Assert.Equal(0, (await baseline.ReadAsync<BaselineSummary>()).Number);

        // Testing takes a week longer: the milestone moves right by five working days, from 25 June to 2 July 2027.
        var moved = await app.Api().SendJsonAsync(HttpMethod.Put, $"{tasks}/{test.Uid}", new { name = "Test", duration = "10d", predecessors = "1" }, $"\"{test.Version}\"");
        Assert.True(moved.StatusCode == HttpStatusCode.OK, await moved.Content.ReadAsStringAsync(Ct));
        var variance = await (await app.Api().GetAsync($"/api/v1/units/{project.Code}/plan/variance", Ct)).ReadAsync<List<TaskVariance>>();
        Assert.Equal(5, variance.Single(v => v.Uid == milestone.Uid).FinishVarianceDays);
        Assert.Equal(0, variance.Single(v => v.Uid == 1).FinishVarianceDays);

        foreach (var level in new[] { project.Code, programme.Code, portfolio.Code })
        {
            var drift = await (await app.Api().GetAsync($"/api/v1/units/{level}/milestones/drift", Ct)).ReadAsync<MilestoneDrift>();
            var slip = Assert.Single(drift.MovedRight);
            Assert.Equal(("Go live", project.Code, 7), (slip.Name, slip.Unit.Code, slip.Days));
        }

        // A project-level milestone is the project's business; the portfolio sees only its own level.
        var portfolioMilestones = await (await app.Api().GetAsync($"/api/v1/units/{portfolio.Code}/milestones", Ct)).ReadAsync<List<MilestoneTrend>>();
        Assert.Equal(["Go live"], portfolioMilestones.Select(m => m.Name));
        Assert.Equal(2, portfolioMilestones[0].Points.Count);
        Assert.Equal((new DateTime(2027, 6, 25, 17, 0, 0), 7), (portfolioMilestones[0].Baseline, portfolioMilestones[0].BaselineVarianceDays));

        // The milestones page shows the baseline beside the forecast, the difference in calendar days (issue 26).
        var milestonesPage = await app.Browser().GetPageAsync($"/units/{portfolio.Code}/milestones");
        var trend = milestonesPage.QuerySelectorAll("table.govuk-table").Single(t => t.QuerySelector("caption")!.TextContent.Contains("forecast at each report", StringComparison.Ordinal));
        var trendHeaders = trend.QuerySelectorAll("thead th").Select(h => h.TextContent.Trim()).ToList();
        var goLive = trend.QuerySelectorAll("tbody tr").Single().QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal(("2 Jul 2027", "25 Jun 2027", "+7 calendar days"),
            (goLive[trendHeaders.IndexOf("Forecast now")], goLive[trendHeaders.IndexOf("Baseline")], goLive[trendHeaders.IndexOf("Against baseline")]));
        var all = await (await app.Api().GetAsync($"/api/v1/units/{portfolio.Code}/milestones?all=true", Ct)).ReadAsync<List<MilestoneTrend>>();
        Assert.Equal(["Go live", "Team trained"], all.Select(m => m.Name).Order());

        var roadmap = await (await app.Api().GetAsync($"/api/v1/units/{portfolio.Code}/roadmap", Ct)).ReadAsync<Roadmap>();
        var line = Assert.Single(roadmap.Lines);
        Assert.Equal(project.Code, line.Unit.Code);
        Assert.Equal(7, Assert.Single(line.Milestones).Slip);

        var history = await (await app.Api().GetAsync($"{tasks}/{test.Uid}/history", Ct)).ReadJsonAsync();
        Assert.Contains(history.GetProperty("items").EnumerateArray(), e => e.GetProperty("action").GetString() == "updated");
    }

    [Fact]
    public async Task AProgrammesCalendar_IsInheritedByItsProjects_WithThatNationsBankHolidays()
    {
        var (_, programme, project) = await app.CreateTreeAsync();
        var scottish = await app.Api().SendJsonAsync(HttpMethod.Put, $"/api/v1/units/{programme.Code}/plan", new { name = "Programme plan", start = "2027-11-01", calendar = "scotland" }, "\"0\"");
        Assert.True(scottish.StatusCode == HttpStatusCode.OK, await scottish.Content.ReadAsStringAsync(Ct));
        var settings = await app.Api().SendJsonAsync(HttpMethod.Put, $"/api/v1/units/{project.Code}/plan", new { name = "Project plan", start = "2027-11-29", calendar = "inherit" }, "\"0\"");
        var plan = await settings.ReadAsync<PlanView>();
        Assert.Equal(programme.Code, plan.CalendarFrom?.Code);

        // St Andrew's Day, Tuesday 30 November 2027, is a bank holiday in Scotland only.
        var task = await (await app.Api().PostJsonAsync($"/api/v1/units/{project.Code}/plan/tasks", new { name = "Survey", duration = "2d" })).ReadAsync<TaskView>();
        Assert.Equal(new DateTime(2027, 12, 1, 17, 0, 0), task.Finish!.Value, TimeSpan.Zero);

        var wrong = await app.Api().SendJsonAsync(HttpMethod.Put, $"/api/v1/units/{project.Code}/plan", new { name = "Project plan", start = "2027-11-29", calendar = "wales" }, $"\"{plan.Version}\"");
        Assert.NotEmpty(await wrong.FieldErrorsAsync("calendar"));
        var stale = await app.Api().SendJsonAsync(HttpMethod.Put, $"/api/v1/units/{project.Code}/plan", new { name = "Project plan", start = "2027-11-29", calendar = "inherit" }, "\"0\"");
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
    }

    [Fact]
    public async Task Progress_AndAsLateAsPossible_DriveTheStoredSchedule()
    {
        var (_, _, project) = await app.CreateTreeAsync();
        var settings = await app.Api().SendJsonAsync(HttpMethod.Put, $"/api/v1/units/{project.Code}/plan", new { name = "Plan", start = "2027-01-04", calendar = "no-bank-holidays" }, "\"0\"");
        Assert.Equal(HttpStatusCode.OK, settings.StatusCode);
        var tasks = $"/api/v1/units/{project.Code}/plan/tasks";
        var design = await (await app.Api().PostJsonAsync(tasks, new { name = "Design", duration = "5d" })).ReadAsync<TaskView>();
        var build = await (await app.Api().PostJsonAsync(tasks, new { name = "Build", duration = "5d", predecessors = $"{design.Uid}" })).ReadAsync<TaskView>();
        var brief = await (await app.Api().PostJsonAsync(tasks, new { name = "Brief the service desk", duration = "1d", constraint = "as-late-as-possible" })).ReadAsync<TaskView>();
        Assert.Equal(new DateTime(2027, 1, 15, 8, 0, 0), brief.Start!.Value, TimeSpan.Zero);

        // Design finished two days early: Build starts on Thursday, and Design is no longer critical.
        var done = await app.Api().SendJsonAsync(HttpMethod.Put, $"{tasks}/{design.Uid}",
            new { name = "Design", duration = "5d", owner = "Ada Lovelace", percentComplete = 100, actualStart = "2027-01-04T08:00:00", actualFinish = "2027-01-06T17:00:00" }, $"\"{design.Version}\"");
        Assert.True(done.StatusCode == HttpStatusCode.OK, await done.Content.ReadAsStringAsync(Ct));
        var plan = await (await app.Api().GetAsync($"/api/v1/units/{project.Code}/plan", Ct)).ReadAsync<PlanView>();
        Assert.Equal(new DateTime(2027, 1, 7, 8, 0, 0), plan.Tasks.Single(t => t.Uid == build.Uid).Start!.Value, TimeSpan.Zero);
        Assert.False(plan.Tasks.Single(t => t.Uid == design.Uid).Critical);
        Assert.Equal(new DateTime(2027, 1, 13, 8, 0, 0), plan.Tasks.Single(t => t.Uid == brief.Uid).Start!.Value, TimeSpan.Zero);

        // The plan table shows who owns a task and how far it has got (issue 26).
        var page = await app.Browser().GetPageAsync($"/units/{project.Code}/plan");
        var headers = page.QuerySelectorAll("table.govuk-table thead th").Select(h => h.TextContent.Trim()).ToList();
        var row = page.QuerySelectorAll("table.govuk-table tbody tr").First(r => r.TextContent.Contains("Design", StringComparison.Ordinal))
            .QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal(
            ("Ada Lovelace", "100%", "4 Jan 2027", "6 Jan 2027"),
            (row[headers.IndexOf("Owner")], row[headers.IndexOf("% complete")], row[headers.IndexOf("Actual start")], row[headers.IndexOf("Actual finish")]));
    }

    [Fact]
    public async Task ATask_MovesInTheOutline_AndItsNewSummaryTaskRollsItUp()
    {
        var (_, _, project) = await app.CreateTreeAsync();
        var tasks = $"/api/v1/units/{project.Code}/plan/tasks";
        var phase = await (await app.Api().PostJsonAsync(tasks, new { name = "Discovery", duration = "0d" })).ReadAsync<TaskView>();
        var research = await (await app.Api().PostJsonAsync(tasks, new { name = "Research", duration = "4d" })).ReadAsync<TaskView>();

        var indented = await app.Api().SendJsonAsync(HttpMethod.Post, $"{tasks}/{research.Uid}/move", new { move = "indent" }, $"\"{research.Version}\"");
        Assert.True(indented.StatusCode == HttpStatusCode.OK, await indented.Content.ReadAsStringAsync(Ct));
        var plan = await (await app.Api().GetAsync($"/api/v1/units/{project.Code}/plan", Ct)).ReadAsync<PlanView>();
        var summary = plan.Tasks.Single(t => t.Uid == phase.Uid);
        Assert.True(summary.Summary);
        Assert.False(summary.Milestone);
        Assert.Equal(plan.Tasks.Single(t => t.Uid == research.Uid).Finish, summary.Finish);
        Assert.Equal(2, plan.Tasks.Single(t => t.Uid == research.Uid).OutlineLevel);

        var moved = await indented.ReadAsync<TaskView>();
        var refused = await app.Api().SendJsonAsync(HttpMethod.Post, $"{tasks}/{research.Uid}/move", new { move = "up" }, $"\"{moved.Version}\"");
        Assert.Contains("already the first task under its summary task", Assert.Single(await refused.FieldErrorsAsync("move")), StringComparison.Ordinal);
        Assert.NotEmpty(await (await app.Api().SendJsonAsync(HttpMethod.Post, $"{tasks}/{research.Uid}/move", new { move = "sideways" }, $"\"{moved.Version}\"")).FieldErrorsAsync("move"));
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await app.Api().SendJsonAsync(HttpMethod.Post, $"{tasks}/{research.Uid}/move", new { move = "outdent" }, "\"99\"")).StatusCode);
    }

    [Fact]
    public async Task APlansOwnWorkingWeek_HoursAndDaysOff_AreScheduledOn_AndBadOnesRefused()
    {
        var (_, _, project) = await app.CreateTreeAsync();
        var plan = $"/api/v1/units/{project.Code}/plan";
        var own = await app.Api().SendJsonAsync(HttpMethod.Put, plan, new
        {
            name = "Four-day week", start = "2027-12-20", calendar = "england-and-wales",
            workingDays = new[] { "monday", "tuesday", "wednesday", "thursday" }, workingHours = "09:00-17:00", nonWorkingDays = new[] { "2027-12-21" },
        }, "\"0\"");
        Assert.True(own.StatusCode == HttpStatusCode.OK, await own.Content.ReadAsStringAsync(Ct));

        // Monday 20, Wednesday 22 and Thursday 23 December; Friday is not worked, Monday 27 and Tuesday 28
        // are the Christmas bank holidays, so the fourth day is Wednesday 29.
        var task = await (await app.Api().PostJsonAsync($"{plan}/tasks", new { name = "Survey", duration = "4d" })).ReadAsync<TaskView>();
        Assert.Equal((new DateTime(2027, 12, 20, 9, 0, 0), new DateTime(2027, 12, 29, 17, 0, 0)), (task.Start!.Value, task.Finish!.Value));

        var version = (await own.ReadAsync<PlanView>()).Version + 1;
        async Task<IReadOnlyList<string>> Refused(string field, object body) =>
            await (await app.Api().SendJsonAsync(HttpMethod.Put, plan, body, $"\"{version}\"")).FieldErrorsAsync(field);
        Assert.Contains("not a period of the day", Assert.Single(await Refused("workingHours", new { name = "P", start = "2027-12-20", calendar = "scotland", workingHours = "9-5" })), StringComparison.Ordinal);
        Assert.Contains("ends before it starts", Assert.Single(await Refused("workingHours", new { name = "P", start = "2027-12-20", calendar = "scotland", workingHours = "13:00-12:00" })), StringComparison.Ordinal);
        Assert.Contains("overlap", Assert.Single(await Refused("workingHours", new { name = "P", start = "2027-12-20", calendar = "scotland", workingHours = "08:00-12:00, 11:00-17:00" })), StringComparison.Ordinal);
        Assert.NotEmpty(await Refused("workingDays", new { name = "P", start = "2027-12-20", calendar = "scotland", workingDays = Array.Empty<string>() }));
        Assert.NotEmpty(await Refused("calendar", new { name = "P", start = "2027-12-20", calendar = "inherit", nonWorkingDays = new[] { "2027-12-24" } }));
        Assert.NotEmpty(await Refused("nonWorkingDays", new { name = "P", start = "2027-12-20", calendar = "scotland", nonWorkingDays = new[] { "1900-01-01" } }));
        Assert.Equal(task.Finish, (await (await app.Api().GetAsync($"{plan}/tasks/{task.Uid}", Ct)).ReadAsync<TaskView>()).Finish);
    }

    // A Friday worked before Christmas on a four-day week; then the week is kept when only the days change.
    [Fact]
    public async Task DaysWorked_AreScheduledOn_AndTheWeekIsKeptWhenNotGiven()
    {
        var (_, _, project) = await app.CreateTreeAsync();
        var plan = $"/api/v1/units/{project.Code}/plan";
        var own = await app.Api().SendJsonAsync(HttpMethod.Put, plan, new
        {
            name = "Four-day week", start = "2027-12-20", calendar = "england-and-wales",
            workingDays = new[] { "monday", "tuesday", "wednesday", "thursday" }, workingHours = "09:00-17:00",
        }, "\"0\"");
        Assert.True(own.StatusCode == HttpStatusCode.OK, await own.Content.ReadAsStringAsync(Ct));
        var task = await (await app.Api().PostJsonAsync($"{plan}/tasks", new { name = "Survey", duration = "4d" })).ReadAsync<TaskView>();
        Assert.Equal(new DateTime(2027, 12, 23, 17, 0, 0), task.Finish);

        // No working days or hours: the four-day week stays. Tuesday 21 off, Friday 24 worked with the usual
        // hours, so the fourth day is Friday; a half day on Saturday 25 is kept as given.
        var version = (await (await app.Api().GetAsync(plan, Ct)).ReadAsync<PlanView>()).Version;
        var changed = await app.Api().SendJsonAsync(HttpMethod.Put, plan, new
        {
            name = "Four-day week", start = "2027-12-20", calendar = "england-and-wales", nonWorkingDays = new[] { "2027-12-21" },
            workedDays = new object[] { new { date = "2027-12-24" }, new { date = "2027-12-25", hours = "09:00-13:00" } },
        }, $"\"{version}\"");
        Assert.True(changed.StatusCode == HttpStatusCode.OK, await changed.Content.ReadAsStringAsync(Ct));
        Assert.Equal(new DateTime(2027, 12, 24, 17, 0, 0), (await (await app.Api().GetAsync($"{plan}/tasks/{task.Uid}", Ct)).ReadAsync<TaskView>()).Finish);
        var three = await (await app.Api().PostJsonAsync($"{plan}/tasks", new { name = "Report", duration = "36h" })).ReadAsync<TaskView>();
        Assert.Equal(new DateTime(2027, 12, 25, 13, 0, 0), three.Finish);

        version = (await (await app.Api().GetAsync(plan, Ct)).ReadAsync<PlanView>()).Version;
        async Task<IReadOnlyList<string>> Refused(object body) =>
            await (await app.Api().SendJsonAsync(HttpMethod.Put, plan, body, $"\"{version}\"")).FieldErrorsAsync("workedDays");
        Assert.Contains("both a day off and a day worked", Assert.Single(await Refused(new
        {
            name = "P", start = "2027-12-20", calendar = "scotland", nonWorkingDays = new[] { "2027-12-24" }, workedDays = new[] { new { date = "2027-12-24" } },
        })), StringComparison.Ordinal);
        Assert.Contains("not a period of the day", Assert.Single(await Refused(new
        {
            name = "P", start = "2027-12-20", calendar = "scotland", workedDays = new[] { new { date = "2027-12-25", hours = "9-1" } },
        })), StringComparison.Ordinal);
        Assert.Contains("between 1984 and 2149", Assert.Single(await Refused(new
        {
            name = "P", start = "2027-12-20", calendar = "scotland", workedDays = new[] { new { date = "1900-01-06" } },
        })), StringComparison.Ordinal);
    }

    // Progress reported to the end of Wednesday 6 January 2027: the build, a quarter done, has three days
    // left from Thursday, so it and the go-live after it move from Thursday 7th to Monday 11th, and the
    // move shows as the milestone's drift. The status date goes out to Microsoft Project and back.
    [Fact]
    public async Task AStatusDate_SchedulesWorkNotDoneAfterIt_AndTheMilestoneWaitingOnItMovesRight()
    {
        var (_, _, project) = await app.CreateTreeAsync();
        var plan = $"/api/v1/units/{project.Code}/plan";
        var settings = new { name = "Build", start = "2027-01-04", calendar = "no-bank-holidays" };
        Assert.Equal(HttpStatusCode.OK, (await app.Api().SendJsonAsync(HttpMethod.Put, plan, settings, "\"0\"")).StatusCode);
        var build = await (await app.Api().PostJsonAsync($"{plan}/tasks", new { name = "Build", duration = "4d", percentComplete = 25, actualStart = "2027-01-04T08:00:00" })).ReadAsync<TaskView>();
        var live = await (await app.Api().PostJsonAsync($"{plan}/tasks", new { name = "Go live", duration = "0d", predecessors = $"{build.Uid}" })).ReadAsync<TaskView>();
        Assert.Equal(new DateTime(2027, 1, 7, 17, 0, 0), live.Finish);

        var version = (await (await app.Api().GetAsync(plan, Ct)).ReadAsync<PlanView>()).Version;
        var reported = await app.Api().SendJsonAsync(HttpMethod.Put, plan, new { settings.name, settings.start, settings.calendar, statusDate = "2027-01-06" }, $"\"{version}\"");
        Assert.True(reported.StatusCode == HttpStatusCode.OK, await reported.Content.ReadAsStringAsync(Ct));
        var view = await reported.ReadAsync<PlanView>();
        Assert.Equal(new DateOnly(2027, 1, 6), view.StatusDate);
        var moved = view.Tasks.Single(t => t.Uid == build.Uid);
        Assert.Equal((new DateTime(2027, 1, 4, 8, 0, 0), new DateTime(2027, 1, 11, 17, 0, 0)), (moved.Start!.Value, moved.Finish!.Value));
        Assert.Equal(new DateTime(2027, 1, 11, 17, 0, 0), view.Tasks.Single(t => t.Uid == live.Uid).Finish);
        var drift = await (await app.Api().GetAsync($"/api/v1/units/{project.Code}/milestones/drift", Ct)).ReadAsync<MilestoneDrift>();
        Assert.Equal(("Go live", 4), (Assert.Single(drift.MovedRight).Name, drift.MovedRight[0].Days));

        var export = await (await app.Api().GetAsync($"{plan}/export", Ct)).Content.ReadAsByteArrayAsync(Ct);
        Assert.Equal(new DateOnly(2027, 1, 6), MspdiReader.Read(new MemoryStream(export)).StatusDate);
        var again = await (await app.Api().PostFileAsync($"{plan}/import", export, "application/xml")).ReadAsync<PlanImportResult>();
        Assert.Empty(again.Differences);
        Assert.Equal(new DateOnly(2027, 1, 6), (await (await app.Api().GetAsync(plan, Ct)).ReadAsync<PlanView>()).StatusDate);

        // Bad input: nothing is saved, and the field says why.
        version = (await (await app.Api().GetAsync(plan, Ct)).ReadAsync<PlanView>()).Version;
        var early = await app.Api().SendJsonAsync(HttpMethod.Put, plan, new { settings.name, settings.start, settings.calendar, statusDate = "2026-12-01" }, $"\"{version}\"");
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        Assert.Contains("before the plan starts", Assert.Single(await early.FieldErrorsAsync("statusDate")), StringComparison.Ordinal);
        var unreadable = await app.Api().SendJsonAsync(HttpMethod.Put, plan, new { settings.name, settings.start, settings.calendar, statusDate = "6 January" }, $"\"{version}\"");
        Assert.Equal(HttpStatusCode.BadRequest, unreadable.StatusCode);
        Assert.NotEmpty(await unreadable.FieldErrorsAsync("statusDate"));
        Assert.Equal(new DateOnly(2027, 1, 6), (await (await app.Api().GetAsync(plan, Ct)).ReadAsync<PlanView>()).StatusDate);

        // Without one, the plan is as entered again.
        var cleared = await (await app.Api().SendJsonAsync(HttpMethod.Put, plan, settings, $"\"{version}\"")).ReadAsync<PlanView>();
        Assert.Null(cleared.StatusDate);
        Assert.Equal(new DateTime(2027, 1, 7, 17, 0, 0), cleared.Tasks.Single(t => t.Uid == live.Uid).Finish);
    }

    [Fact]
    public async Task TheCommandLine_ImportsAndExportsAUnitsPlan()
    {
        app.RequireDatabase();
        var (_, _, project) = await app.CreateTreeAsync();
        var output = Path.Combine(Path.GetTempPath(), $"plan-{Guid.NewGuid():N}.xml");
        try
        {
            var run = await StewardProcess.RunAsync("plan", "import", "--unit", project.Code, "--file", SharedData.PathTo("mspdi/task-links-project2016-mspdi.xml"), "--database", app.ConnectionString);
            Assert.True(run.ExitCode == 0, run.Error);
            Assert.Contains("Imported 17 tasks (0 milestones) and 8 links", run.Output, StringComparison.Ordinal);
            Assert.Contains("matches Microsoft Project's on all 17 tasks", run.Output, StringComparison.Ordinal);

            var export = await StewardProcess.RunAsync("plan", "export", "--unit", project.Code, "--output", output, "--database", app.ConnectionString);
            Assert.True(export.ExitCode == 0, export.Error);
            var check = await StewardProcess.RunAsync("plan", "schedule", "--file", output, "--compare");
            Assert.True(check.ExitCode == 0, check.Error);

            var bad = await StewardProcess.RunAsync("plan", "import", "--unit", project.Code, "--file", output + ".missing", "--database", app.ConnectionString);
            Assert.Equal(2, bad.ExitCode);
        }
        finally
        {
            File.Delete(output);
        }
    }

    [Fact]
    public async Task ASummaryTask_ShowsTheSpanOfItsTasks_NotNoDuration()
    {
        var (_, _, project) = await app.CreateTreeAsync();
        var tasks = $"/api/v1/units/{project.Code}/plan/tasks";
        var phase = await (await app.Api().PostJsonAsync(tasks, new { name = "Discovery", duration = "1d" })).ReadAsync<TaskView>();
        var research = await (await app.Api().PostJsonAsync(tasks, new { name = "Research", duration = "5d", parentUid = phase.Uid })).ReadAsync<TaskView>();
        await app.Api().PostJsonAsync(tasks, new { name = "Design", duration = "3d", parentUid = phase.Uid, predecessors = $"{research.Uid}" });

        var plan = await (await app.Api().GetAsync($"/api/v1/units/{project.Code}/plan", Ct)).ReadAsync<PlanView>();
        var summary = plan.Tasks.Single(t => t.Uid == phase.Uid);
        Assert.True(summary.Summary);
        Assert.Equal("8d", summary.Duration);

        var page = await app.Browser().GetPageAsync($"/units/{project.Code}/plan");
        var row = page.QuerySelectorAll("table.govuk-table tbody tr").First(r => r.TextContent.Contains("Discovery", StringComparison.Ordinal));
        Assert.Contains(row.QuerySelectorAll("td"), cell => cell.TextContent.Trim() == "8d");
        Assert.DoesNotContain(row.QuerySelectorAll("td"), cell => cell.TextContent.Trim() == "0d");
    }

    [Fact]
    public async Task BadPlans_AreRefusedNamingTheFieldAndTask_AndNothingIsWritten()
    {
        var (_, _, project) = await app.CreateTreeAsync();
        var tasks = $"/api/v1/units/{project.Code}/plan/tasks";
        var first = await (await app.Api().PostJsonAsync(tasks, new { name = "Design", duration = "5d" })).ReadAsync<TaskView>();
        var second = await (await app.Api().PostJsonAsync(tasks, new { name = "Build", duration = "5d", predecessors = $"{first.Uid}" })).ReadAsync<TaskView>();
        var before = await (await app.Api().GetAsync($"/api/v1/units/{project.Code}/plan", Ct)).ReadAsync<PlanView>();

        var loop = await app.Api().SendJsonAsync(HttpMethod.Put, $"{tasks}/{first.Uid}", new { name = "Design", duration = "5d", predecessors = $"{second.Uid}" }, $"\"{first.Version}\"");
        Assert.Equal(HttpStatusCode.BadRequest, loop.StatusCode);
        Assert.Matches("loop: (Design → Build → Design|Build → Design → Build)", Assert.Single(await loop.FieldErrorsAsync("predecessors")));

        Assert.Contains("Duration cannot be negative", await (await app.Api().PostJsonAsync(tasks, new { name = "Negative", duration = "-2d" })).FieldErrorsAsync("duration"));
        Assert.Contains("more than ten years", Assert.Single(await (await app.Api().PostJsonAsync(tasks, new { name = "Far", duration = "1d", predecessors = $"{first.Uid}FS+3000d" })).FieldErrorsAsync("predecessors")), StringComparison.Ordinal);
        // Issue 26 item 5: a missing predecessor is named as people name tasks, not by the scheduler's ids ("0:99").
        Assert.Equal($"Task 99 does not exist in the plan of {project.Code}", Assert.Single(await (await app.Api().PostJsonAsync(tasks, new { name = "Ghost", duration = "1d", predecessors = "99" })).FieldErrorsAsync("predecessors")));
        Assert.Equal($"Task {first.Uid} cannot come after itself", Assert.Single(await (await app.Api().SendJsonAsync(HttpMethod.Put, $"{tasks}/{first.Uid}", new { name = "Design", duration = "5d", predecessors = $"{first.Uid}" }, $"\"{first.Version}\"")).FieldErrorsAsync("predecessors")));
        var badDate = await app.Api().SendRawAsync(HttpMethod.Post, tasks, "{\"name\":\"Late\",\"duration\":\"1d\",\"constraint\":\"start-no-earlier-than\",\"constraintDate\":\"31/02/2027\"}");
        Assert.NotEmpty(await badDate.FieldErrorsAsync("constraintDate"));
        Assert.NotEmpty(await (await app.Api().PostJsonAsync(tasks, new { name = "No date", duration = "1d", constraint = "must-start-on" })).FieldErrorsAsync("constraintDate"));

        var import = $"/api/v1/units/{project.Code}/plan/import";
        var dtd = "<?xml version=\"1.0\"?><!DOCTYPE Project [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><Project xmlns=\"http://schemas.microsoft.com/project\"><Name>&x;</Name></Project>";
        Assert.Contains("declares a DTD", Assert.Single(await (await app.Api().PostFileAsync(import, System.Text.Encoding.UTF8.GetBytes(dtd), "application/xml")).FieldErrorsAsync("file")), StringComparison.Ordinal);
        Assert.Contains("not a Microsoft Project XML file", Assert.Single(await (await app.Api().PostFileAsync(import, "<html/>"u8.ToArray(), "application/xml")).FieldErrorsAsync("file")), StringComparison.Ordinal);
        Assert.Contains("not XML", Assert.Single(await (await app.Api().PostFileAsync(import, "Task,Duration\n"u8.ToArray(), "text/csv")).FieldErrorsAsync("file")), StringComparison.Ordinal);
        var cycle = "<Project xmlns=\"http://schemas.microsoft.com/project\"><StartDate>2027-01-04T08:00:00</StartDate><Tasks>"
            + "<Task><UID>1</UID><Name>A</Name><OutlineLevel>1</OutlineLevel><Duration>PT8H0M0S</Duration><PredecessorLink><PredecessorUID>2</PredecessorUID></PredecessorLink></Task>"
            + "<Task><UID>2</UID><Name>B</Name><OutlineLevel>1</OutlineLevel><Duration>PT8H0M0S</Duration><PredecessorLink><PredecessorUID>1</PredecessorUID></PredecessorLink></Task></Tasks></Project>";
        Assert.Contains("loop", Assert.Single(await (await app.Api().PostFileAsync(import, System.Text.Encoding.UTF8.GetBytes(cycle), "application/xml")).FieldErrorsAsync("file")), StringComparison.Ordinal);

        // Files built to hold a core: base calendars in a loop, elements nested a hundred thousand deep.
        Assert.Contains("loop: B → C → B", Assert.Single(await (await app.Api().PostFileAsync(import, System.Text.Encoding.UTF8.GetBytes(HostileImports.HostileFiles.PlanWithCalendarLoop), "application/xml")).FieldErrorsAsync("file")), StringComparison.Ordinal);
        var deep = "<Project xmlns=\"http://schemas.microsoft.com/project\"><StartDate>2027-01-04T08:00:00</StartDate><Name>" + string.Concat(Enumerable.Repeat("<a>", 100_000)) + string.Concat(Enumerable.Repeat("</a>", 100_000)) + "</Name></Project>";
        Assert.Contains("nests elements more than 32 deep", Assert.Single(await (await app.Api().PostFileAsync(import, System.Text.Encoding.UTF8.GetBytes(deep), "application/xml")).FieldErrorsAsync("file")), StringComparison.Ordinal);

        var stale = await app.Api().SendJsonAsync(HttpMethod.Put, $"{tasks}/{first.Uid}", new { name = "Design", duration = "6d" }, "\"99\"");
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);

        var after = await (await app.Api().GetAsync($"/api/v1/units/{project.Code}/plan", Ct)).ReadAsync<PlanView>();
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(before.Tasks.Select(t => (t.Uid, t.Name, t.Duration, t.Predecessors, t.Finish)), after.Tasks.Select(t => (t.Uid, t.Name, t.Duration, t.Predecessors, t.Finish)));
    }
}

public sealed class PlanApiOnSqlite(SqliteApp app) : PlanApiTests<SqliteApp>(app);

public sealed class PlanApiOnPostgres(PostgresApp app) : PlanApiTests<PostgresApp>(app);
