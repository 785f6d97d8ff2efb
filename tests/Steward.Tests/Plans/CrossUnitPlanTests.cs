using System.Net;
using Steward.Features.Plans;
using Steward.Features.Units;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Plans;

// A programme's integrated plan on both databases: a project's task waits on a task in another project's
// plan, a slip in the first carries into the second and shows as drift at the programme, a loop through
// both plans is refused by name, and a predecessor others wait on cannot be removed from under them.
public abstract class CrossUnitPlanTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : StewardApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ASlipInOneProject_MovesTheProjectWaitingOnIt_AndTheProgrammeSeesBoth()
    {
        var (_, programme, platform) = await app.CreateTreeAsync();
        var service = await app.CreateUnitAsync(UnitKind.Project, programme.Id);
        await StartAsync(platform.Code, "2027-06-07");
        await StartAsync(service.Code, "2027-06-07");

        var build = await AddAsync(platform.Code, new { name = "Build the data platform", duration = "10d" });
        var live = await AddAsync(platform.Code, new { name = "Data platform live", duration = "0d", predecessors = $"{build.Uid}", reportingLevel = "programme" });
        Assert.Equal(new DateTime(2027, 6, 18, 17, 0, 0), live.Finish!.Value, TimeSpan.Zero);

        // The service project cannot migrate until the platform is live, two working days after.
        var migrate = await AddAsync(service.Code, new { name = "Migrate case data", duration = "5d", predecessors = $"{platform.Code}/{live.Uid}FS+2d" });
        Assert.Equal($"{platform.Code}/{live.Uid}FS+2d", migrate.Predecessors);
        Assert.Equal(new DateTime(2027, 6, 23, 8, 0, 0), migrate.Start!.Value, TimeSpan.Zero);
        var open = await AddAsync(service.Code, new { name = "Service open", duration = "0d", predecessors = $"{migrate.Uid}", reportingLevel = "programme" });
        Assert.Equal(new DateTime(2027, 6, 29, 17, 0, 0), open.Finish!.Value, TimeSpan.Zero);

        // The platform's milestone drives the service: it is critical in its own plan through the link.
        Assert.True((await TaskAsync(platform.Code, live.Uid)).Critical);
        var link = Assert.Single(await (await app.Api().GetAsync($"/api/v1/units/{programme.Code}/plan/cross-unit-links", Ct)).ReadAsync<List<CrossUnitLinkView>>());
        Assert.Equal((platform.Code, live.Uid, service.Code, migrate.Uid, 0.0, "finish to start, 2d lag"),
            (link.Predecessor.Unit!.Code, link.Predecessor.Uid, link.Successor.Unit!.Code, link.Successor.Uid, link.MarginDays, link.Link));

        // Building takes a week longer: the platform's milestone and, through the link, the service's move.
        var slipped = await app.Api().SendJsonAsync(HttpMethod.Put, $"/api/v1/units/{platform.Code}/plan/tasks/{build.Uid}", new { name = "Build the data platform", duration = "15d" }, $"\"{build.Version}\"");
        Assert.True(slipped.StatusCode == HttpStatusCode.OK, await slipped.Content.ReadAsStringAsync(Ct));
        var moved = await TaskAsync(service.Code, open.Uid);
        Assert.Equal(new DateTime(2027, 7, 6, 17, 0, 0), moved.Finish!.Value, TimeSpan.Zero);
        Assert.Equal(open.Version, moved.Version);

        var drift = await (await app.Api().GetAsync($"/api/v1/units/{programme.Code}/milestones/drift", Ct)).ReadAsync<MilestoneDrift>();
        Assert.Equal([(platform.Code, "Data platform live", 7), (service.Code, "Service open", 7)],
            drift.MovedRight.Select(s => (s.Unit.Code, s.Name, s.Days)).OrderBy(s => s.Code, StringComparer.Ordinal));

        // The service held to its original date is now late for the platform: the link shows it, and the
        // platform's milestone has negative float.
        var held = await app.Api().SendJsonAsync(
            HttpMethod.Put, $"/api/v1/units/{service.Code}/plan/tasks/{migrate.Uid}",
            new { name = "Migrate case data", duration = "5d", predecessors = $"{platform.Code}/{live.Uid}FS+2d", constraint = "must-start-on", constraintDate = "2027-06-23T08:00:00" },
            $"\"{migrate.Version}\"");
        Assert.True(held.StatusCode == HttpStatusCode.OK, await held.Content.ReadAsStringAsync(Ct));
        var late = Assert.Single(await (await app.Api().GetAsync($"/api/v1/units/{service.Code}/plan/cross-unit-links", Ct)).ReadAsync<List<CrossUnitLinkView>>());
        Assert.Equal(-5, late.MarginDays);
        Assert.True(late.Late);
        Assert.Equal(-5, (await TaskAsync(platform.Code, live.Uid)).TotalFloatDays);
    }

    // A closed project's plan is what happened; a slip in a project it waited on does not rewrite it.
    // Someone who may only read another plan could move its late dates and float by linking to it.
    [Fact]
    public async Task LinkingFromAPlanYouMayOnlyRead_IsRefused_ButLinksAlreadyHeldStay()
    {
        var (_, programme, platform) = await app.CreateTreeAsync();
        var service = await app.CreateUnitAsync(UnitKind.Project, programme.Id);
        await StartAsync(platform.Code, "2027-06-07");
        await StartAsync(service.Code, "2027-06-07");
        var live = await AddAsync(platform.Code, new { name = "Data platform live", duration = "0d" });
        var email = await app.AddAccountWithRoleAsync(Steward.Features.Access.StewardRole.Contributor, service.Code);
        await app.WithServicesAsync(sp => Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Steward.Features.Access.RoleService>(sp)
            .GrantAsync(email, Steward.Features.Access.StewardRole.Viewer, platform.Code));
        var contributor = app.Api(await app.CreateTokenAsync(email));
        var platformBefore = await (await app.Api().GetAsync($"/api/v1/units/{platform.Code}/plan", Ct)).ReadAsync<PlanView>();

        var refused = await contributor.PostJsonAsync($"/api/v1/units/{service.Code}/plan/tasks", new { name = "Migrate case data", duration = "5d", predecessors = $"{platform.Code}/{live.Uid}" });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains($"needs the right to change {platform.Code}'s plan", Assert.Single(await refused.FieldErrorsAsync("predecessors")), StringComparison.Ordinal);
        var platformAfter = await (await app.Api().GetAsync($"/api/v1/units/{platform.Code}/plan", Ct)).ReadAsync<PlanView>();
        Assert.Equal(platformBefore.ScheduledAt, platformAfter.ScheduledAt);

        // A link someone entitled made stays when the contributor changes something else about the task.
        var migrate = await AddAsync(service.Code, new { name = "Migrate case data", duration = "5d", predecessors = $"{platform.Code}/{live.Uid}" });
        var renamed = await contributor.SendJsonAsync(HttpMethod.Put, $"/api/v1/units/{service.Code}/plan/tasks/{migrate.Uid}",
            new { name = "Migrate all case data", duration = "5d", predecessors = $"{platform.Code}/{live.Uid}" }, $"\"{migrate.Version}\"");
        Assert.True(renamed.StatusCode == HttpStatusCode.OK, await renamed.Content.ReadAsStringAsync(Ct));
        var lagged = await contributor.SendJsonAsync(HttpMethod.Put, $"/api/v1/units/{service.Code}/plan/tasks/{migrate.Uid}",
            new { name = "Migrate all case data", duration = "5d", predecessors = $"{platform.Code}/{live.Uid}FS+3d" }, $"\"{migrate.Version + 1}\"");
        Assert.Equal(HttpStatusCode.BadRequest, lagged.StatusCode);
    }

    [Fact]
    public async Task AClosedProjectsPlan_KeepsItsDates_WhenAPlanItWaitedOnSlips()
    {
        var (_, programme, platform) = await app.CreateTreeAsync();
        var service = await app.CreateUnitAsync(UnitKind.Project, programme.Id);
        await StartAsync(platform.Code, "2027-06-07");
        await StartAsync(service.Code, "2027-06-07");
        var build = await AddAsync(platform.Code, new { name = "Build the data platform", duration = "10d" });
        var migrate = await AddAsync(service.Code, new { name = "Migrate case data", duration = "5d", predecessors = $"{platform.Code}/{build.Uid}" });
        var unit = await app.Api().GetUnitAsync(service.Code);
        var closed = await app.Api().SendJsonAsync(HttpMethod.Post, $"/api/v1/units/{service.Code}/close", null, $"\"{unit.Version}\"");
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);

        var slipped = await app.Api().SendJsonAsync(HttpMethod.Put, $"/api/v1/units/{platform.Code}/plan/tasks/{build.Uid}", new { name = "Build the data platform", duration = "15d" }, $"\"{build.Version}\"");
        Assert.Equal(HttpStatusCode.OK, slipped.StatusCode);
        Assert.Equal(new DateTime(2027, 6, 25, 17, 0, 0), (await TaskAsync(platform.Code, build.Uid)).Finish!.Value, TimeSpan.Zero);
        var kept = await TaskAsync(service.Code, migrate.Uid);
        Assert.Equal((migrate.Start, migrate.Finish), (kept.Start, kept.Finish));
    }

    [Fact]
    public async Task ALoopThroughTwoPlans_IsRefusedTaskByTask_AndBadLinksNameTheirFault()
    {
        var (_, programme, first) = await app.CreateTreeAsync();
        var second = await app.CreateUnitAsync(UnitKind.Project, programme.Id);
        var unplanned = await app.CreateUnitAsync(UnitKind.Project, programme.Id);
        var design = await AddAsync(first.Code, new { name = "Design", duration = "5d" });
        var build = await AddAsync(second.Code, new { name = "Build", duration = "5d", predecessors = $"{first.Code}/{design.Uid}" });
        var before = await PlanAsync(first.Code);

        var loop = await app.Api().SendJsonAsync(
            HttpMethod.Put, $"/api/v1/units/{first.Code}/plan/tasks/{design.Uid}", new { name = "Design", duration = "5d", predecessors = $"{second.Code}/{build.Uid}" }, $"\"{design.Version}\"");
        Assert.Equal(HttpStatusCode.BadRequest, loop.StatusCode);
        Assert.Matches($"loop: ({first.Code} Design → {second.Code} Build → {first.Code} Design|{second.Code} Build → {first.Code} Design → {second.Code} Build)", Assert.Single(await loop.FieldErrorsAsync("predecessors")));

        var tasks = $"/api/v1/units/{first.Code}/plan/tasks";
        Assert.Contains("No unit you can see has the code NO-SUCH-UNIT", Assert.Single(await (await app.Api().PostJsonAsync(tasks, new { name = "A", duration = "1d", predecessors = "NO-SUCH-UNIT/1" })).FieldErrorsAsync("predecessors")), StringComparison.Ordinal);
        Assert.Contains($"{second.Code}'s plan has no task 99", Assert.Single(await (await app.Api().PostJsonAsync(tasks, new { name = "A", duration = "1d", predecessors = $"{second.Code}/99" })).FieldErrorsAsync("predecessors")), StringComparison.Ordinal);
        Assert.Contains($"{unplanned.Code} has no plan yet", Assert.Single(await (await app.Api().PostJsonAsync(tasks, new { name = "A", duration = "1d", predecessors = $"{unplanned.Code}/1" })).FieldErrorsAsync("predecessors")), StringComparison.Ordinal);
        Assert.NotEmpty(await (await app.Api().PostJsonAsync(tasks, new { name = "A", duration = "1d", predecessors = $"{second.Code}/x" })).FieldErrorsAsync("predecessors"));

        // Design is waited on by the second project: it cannot be removed, nor left out of an import.
        var remove = await app.Api().SendJsonAsync(HttpMethod.Delete, $"{tasks}/{design.Uid}", null, $"\"{design.Version}\"");
        Assert.Equal(HttpStatusCode.Conflict, remove.StatusCode);
        Assert.Contains($"{second.Code}/{build.Uid}", await remove.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var other = "<Project xmlns=\"http://schemas.microsoft.com/project\"><StartDate>2027-01-04T08:00:00</StartDate><Tasks>"
            + "<Task><UID>7</UID><Name>Other</Name><OutlineLevel>1</OutlineLevel><Duration>PT8H0M0S</Duration></Task></Tasks></Project>";
        var import = await app.Api().PostFileAsync($"/api/v1/units/{first.Code}/plan/import", System.Text.Encoding.UTF8.GetBytes(other), "application/xml");
        Assert.Contains("other plans wait on", Assert.Single(await import.FieldErrorsAsync("file")), StringComparison.Ordinal);

        var after = await PlanAsync(first.Code);
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(before.Tasks.Select(t => (t.Uid, t.Name, t.Predecessors, t.Finish)), after.Tasks.Select(t => (t.Uid, t.Name, t.Predecessors, t.Finish)));

        // Once the second project drops the link, Design can go.
        var dropped = await app.Api().SendJsonAsync(HttpMethod.Put, $"/api/v1/units/{second.Code}/plan/tasks/{build.Uid}", new { name = "Build", duration = "5d" }, $"\"{build.Version}\"");
        Assert.Equal(HttpStatusCode.OK, dropped.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await app.Api().SendJsonAsync(HttpMethod.Delete, $"{tasks}/{design.Uid}", null, $"\"{design.Version}\"")).StatusCode);
    }

    [Fact]
    public async Task ALinkBetweenTwoUnits_ShowsTheRaidDependencyItDelivers_AndWhetherItsForecastMeetsIt()
    {
        var (_, programme, needing) = await app.CreateTreeAsync();
        var providing = await app.CreateUnitAsync(UnitKind.Project, programme.Id);
        var owner = await app.CreatePersonAsync();
        Assert.Equal(HttpStatusCode.Created, (await app.Api().PostJsonAsync($"/api/v1/units/{needing.Code}/dependencies", new
        {
            title = "Identity service production API", ownerId = owner.Id, providerUnit = providing.Code, neededBy = "2027-06-14",
        })).StatusCode);
        await StartAsync(providing.Code, "2027-06-07");
        var api = await AddAsync(providing.Code, new { name = "Identity API in production", duration = "10d" });
        await AddAsync(needing.Code, new { name = "Integrate sign-in", duration = "3d", predecessors = $"{providing.Code}/{api.Uid}" });

        var link = Assert.Single(await (await app.Api().GetAsync($"/api/v1/units/{needing.Code}/plan/cross-unit-links", Ct)).ReadAsync<List<CrossUnitLinkView>>());
        var dependency = Assert.Single(link.Dependencies);
        Assert.Equal((new DateOnly(2027, 6, 14), true), (dependency.NeededBy, dependency.ForecastAfterNeededBy));

        var page = await app.Browser().GetStringAsync($"/units/{programme.Code}/plan", Ct);
        Assert.Contains("Links across units", page, StringComparison.Ordinal);
        Assert.Contains(dependency.Reference, page, StringComparison.Ordinal);
        Assert.Contains("Forecast after", page, StringComparison.Ordinal);

        // The dependency's own page follows it into the plans.
        var onDependency = await app.Browser().GetStringAsync($"/units/{needing.Code}/dependencies/{dependency.Reference}", Ct);
        Assert.Contains($"{providing.Code}/{api.Uid} Identity API in production", onDependency, StringComparison.Ordinal);
        Assert.Contains("Forecast after", onDependency, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnExport_CarriesItsLinksAcrossUnits_AsExternalTasks_AndAnImportOfItRestoresThem()
    {
        var (_, programme, platform) = await app.CreateTreeAsync();
        var service = await app.CreateUnitAsync(UnitKind.Project, programme.Id);
        await StartAsync(platform.Code, "2027-06-07");
        await StartAsync(service.Code, "2027-06-07");
        var live = await AddAsync(platform.Code, new { name = "Data platform live", duration = "10d" });
        var migrate = await AddAsync(service.Code, new { name = "Migrate case data", duration = "5d", predecessors = $"{platform.Code}/{live.Uid}FS+2d" });
        await AddAsync(service.Code, new { name = "Service open", duration = "0d", predecessors = $"{migrate.Uid}" });
        var cure = await AddAsync(service.Code, new { name = "Let the data settle", duration = "2ed" });
        var before = await PlanAsync(service.Code);

        // The file names the platform's task as Microsoft Project names an external predecessor, and
        // schedules the migration where Steward does.
        var file = await (await app.Api().GetAsync($"/api/v1/units/{service.Code}/plan/export", Ct)).Content.ReadAsByteArrayAsync(Ct);
        var project = Steward.Scheduling.Mspdi.MspdiReader.Read(new MemoryStream(file));
        var external = Assert.Single(project.Tasks, t => t.External is not null);
        Assert.Equal(("Data platform live", platform.Code, live.Uid, live.Start, live.Finish), (external.Name, external.External!.Project, external.External.TaskNumber, (DateTime?)external.External.Start, (DateTime?)external.External.Finish));
        Assert.Contains($"<CrossProjectName>{platform.Code}\\{live.Uid}</CrossProjectName>", System.Text.Encoding.UTF8.GetString(file), StringComparison.Ordinal);
        Assert.Equal(migrate.Start, Steward.Scheduling.Scheduler.Run(project.ToPlan())[$"{migrate.Uid}"].EarlyStart);
        Assert.Equal(new Steward.Scheduling.Span(2 * 24 * 60, Elapsed: true), project.Tasks.Single(t => t.Uid == cure.Uid).Duration); // elapsed days stay elapsed

        // Dropped by hand, the link comes back with the file; the external task is not a task of the plan.
        var dropped = await app.Api().SendJsonAsync(HttpMethod.Put, $"/api/v1/units/{service.Code}/plan/tasks/{migrate.Uid}", new { name = "Migrate case data", duration = "5d" }, $"\"{migrate.Version}\"");
        Assert.Equal(HttpStatusCode.OK, dropped.StatusCode);
        var imported = await app.Api().PostFileAsync($"/api/v1/units/{service.Code}/plan/import", file, "application/xml");
        Assert.True(imported.StatusCode == HttpStatusCode.OK, await imported.Content.ReadAsStringAsync(Ct));
        var result = await imported.ReadAsync<PlanImportResult>();
        Assert.Equal((3, 1, 1, 0), (result.Tasks, result.Links, result.CrossUnitLinks, result.Differences.Count));
        Assert.Empty(result.LeftOut);
        var after = await PlanAsync(service.Code);
        Assert.Equal(before.Tasks.Select(t => (t.Uid, t.Name, t.Predecessors, t.Start, t.Finish)), after.Tasks.Select(t => (t.Uid, t.Name, t.Predecessors, t.Start, t.Finish)));
        Assert.Single(await (await app.Api().GetAsync($"/api/v1/units/{service.Code}/plan/cross-unit-links", Ct)).ReadAsync<List<CrossUnitLinkView>>());

        // The platform's own file names the migration as an external successor, held to its late start, so
        // the file gives the platform's task the float Steward gives it; re-imported, nothing is left out
        // and the link, which the service's plan holds, stays.
        var platformFile = await (await app.Api().GetAsync($"/api/v1/units/{platform.Code}/plan/export", Ct)).Content.ReadAsByteArrayAsync(Ct);
        var platformProject = Steward.Scheduling.Mspdi.MspdiReader.Read(new MemoryStream(platformFile));
        var waiting = Assert.Single(platformProject.Tasks, t => t.External is not null);
        var migrating = after.Tasks.Single(t => t.Uid == migrate.Uid);
        Assert.Equal(("Migrate case data", service.Code, migrating.Start, migrating.Finish), (waiting.Name, waiting.External!.Project, (DateTime?)waiting.External.Start, (DateTime?)waiting.External.Finish));
        Assert.Equal((Steward.Scheduling.ConstraintType.StartNoLaterThan, migrating.LateStart), (waiting.Constraint, waiting.ConstraintDate));
        var platformBefore = await PlanAsync(platform.Code);
        Assert.Equal(
            platformBefore.Tasks.Single(t => t.Uid == live.Uid).TotalFloatDays * platformBefore.MinutesPerDay,
            Steward.Scheduling.Scheduler.Run(platformProject.ToPlan())[$"{live.Uid}"].TotalFloat);
        var platformAgain = await (await app.Api().PostFileAsync($"/api/v1/units/{platform.Code}/plan/import", platformFile, "application/xml")).ReadAsync<PlanImportResult>();
        Assert.Equal((0, 0), (platformAgain.LeftOut.Count, platformAgain.Differences.Count));
        Assert.Single(await (await app.Api().GetAsync($"/api/v1/units/{service.Code}/plan/cross-unit-links", Ct)).ReadAsync<List<CrossUnitLinkView>>());
        Assert.Equal(migrating.Start, (await PlanAsync(service.Code)).Tasks.Single(t => t.Uid == migrate.Uid).Start);

        // A file from elsewhere: an external task in a project Steward does not hold is left out, and said so.
        var text = System.Text.Encoding.UTF8.GetString(file);
        var elsewhere = text.Replace($"<ExternalTaskProject>{platform.Code}</ExternalTaskProject>", @"<ExternalTaskProject>C:\Plans\Platform.mpp</ExternalTaskProject>", StringComparison.Ordinal)
            .Replace($"<CrossProjectName>{platform.Code}\\{live.Uid}</CrossProjectName>", @"<CrossProjectName>C:\Plans\Platform.mpp\4</CrossProjectName>", StringComparison.Ordinal);
        var partly = await (await app.Api().PostFileAsync($"/api/v1/units/{service.Code}/plan/import", System.Text.Encoding.UTF8.GetBytes(elsewhere), "application/xml")).ReadAsync<PlanImportResult>();
        Assert.Equal(0, partly.CrossUnitLinks);
        Assert.Contains(@"C:\Plans\Platform.mpp, which is not a unit you can see in Steward", Assert.Single(partly.LeftOut), StringComparison.Ordinal);
        Assert.Empty(await (await app.Api().GetAsync($"/api/v1/units/{service.Code}/plan/cross-unit-links", Ct)).ReadAsync<List<CrossUnitLinkView>>());

        // Through the page, the same import is not announced as a plain success: the banner says what was left out.
        var browser = app.Browser();
        var form = (await browser.GetPageAsync($"/units/{service.Code}/plan/import")).QuerySelector("main form")!;
        using var upload = new MultipartFormDataContent
        {
            { new StringContent(form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!), "__RequestVerificationToken" },
            { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(elsewhere)), "PlanFile", "service.xml" },
        };
        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostAsync($"/units/{service.Code}/plan/import", upload, Ct)).StatusCode);
        var banner = (await browser.GetPageAsync($"/units/{service.Code}/plan")).QuerySelector(".govuk-notification-banner")!;
        Assert.Equal("Important", banner.QuerySelector(".govuk-notification-banner__title")!.TextContent.Trim());
        Assert.Contains(@"Left out: Task", banner.TextContent, StringComparison.Ordinal);

        // A task the platform's plan does not have is refused, naming it, and nothing changes.
        var missing = text.Replace($"<CrossProjectName>{platform.Code}\\{live.Uid}</CrossProjectName>", $"<CrossProjectName>{platform.Code}\\99</CrossProjectName>", StringComparison.Ordinal);
        var refused = await app.Api().PostFileAsync($"/api/v1/units/{service.Code}/plan/import", System.Text.Encoding.UTF8.GetBytes(missing), "application/xml");
        Assert.Contains($"{platform.Code}'s plan has no such task", Assert.Single(await refused.FieldErrorsAsync("file")), StringComparison.Ordinal);
        Assert.Empty(await (await app.Api().GetAsync($"/api/v1/units/{service.Code}/plan/cross-unit-links", Ct)).ReadAsync<List<CrossUnitLinkView>>());
    }

    [Fact]
    public async Task ChangesSavedAtOnceInTwoPlans_NeverLeaveAThirdWaitingOnBothWithAStaleSchedule()
    {
        var (_, programme, first) = await app.CreateTreeAsync();
        var second = await app.CreateUnitAsync(UnitKind.Project, programme.Id);
        var waiting = await app.CreateUnitAsync(UnitKind.Project, programme.Id);
        foreach (var unit in new[] { first.Code, second.Code, waiting.Code })
        {
            await StartAsync(unit, "2027-06-07");
        }

        var a = await AddAsync(first.Code, new { name = "Supply data", duration = "5d" });
        var b = await AddAsync(second.Code, new { name = "Supply service", duration = "5d" });
        var integrate = await AddAsync(waiting.Code, new { name = "Integrate", duration = "2d", predecessors = $"{first.Code}/{a.Uid}; {second.Code}/{b.Uid}" });

        // Each round changes both suppliers at once, the later one alternating, so that a schedule of the
        // waiting plan worked out without either change shows.
        var conflicts = 0;
        for (var round = 0; round < 8; round++)
        {
            var (daysA, daysB) = round % 2 == 0 ? (8 + round, 6 + round) : (6 + round, 8 + round);
            a = await TaskAsync(first.Code, a.Uid);
            b = await TaskAsync(second.Code, b.Uid);
            var responses = await Task.WhenAll(
                app.Api().SendJsonAsync(HttpMethod.Put, $"/api/v1/units/{first.Code}/plan/tasks/{a.Uid}", new { name = "Supply data", duration = $"{daysA}d" }, $"\"{a.Version}\""),
                app.Api().SendJsonAsync(HttpMethod.Put, $"/api/v1/units/{second.Code}/plan/tasks/{b.Uid}", new { name = "Supply service", duration = $"{daysB}d" }, $"\"{b.Version}\""));
            foreach (var response in responses.Where(r => r.StatusCode != HttpStatusCode.OK))
            {
                Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
                Assert.Contains("was rescheduled by a change to a linked plan saved at the same moment", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
                conflicts++;
            }

            Assert.Contains(responses, r => r.StatusCode == HttpStatusCode.OK);
            var (finishA, finishB) = ((await TaskAsync(first.Code, a.Uid)).Finish!.Value, (await TaskAsync(second.Code, b.Uid)).Finish!.Value);
            var latest = DateOnly.FromDateTime(finishA > finishB ? finishA : finishB);
            var next = latest.AddDays(latest.DayOfWeek == DayOfWeek.Friday ? 3 : 1);
            Assert.Equal(next.ToDateTime(new TimeOnly(8, 0)), (await TaskAsync(waiting.Code, integrate.Uid)).Start!.Value, TimeSpan.Zero);
        }

        // The waiting plan's own task was never edited: its version stands.
        Assert.Equal(integrate.Version, (await TaskAsync(waiting.Code, integrate.Uid)).Version);
        TestContext.Current.SendDiagnosticMessage($"{conflicts} of 16 changes refused as racing another");
    }

    private async Task StartAsync(string unit, string start)
    {
        var response = await app.Api().SendJsonAsync(HttpMethod.Put, $"/api/v1/units/{unit}/plan", new { name = $"{unit} plan", start, calendar = "no-bank-holidays" }, "\"0\"");
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
    }

    private async Task<TaskView> AddAsync(string unit, object task)
    {
        var response = await app.Api().PostJsonAsync($"/api/v1/units/{unit}/plan/tasks", task);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        return await response.ReadAsync<TaskView>();
    }

    private async Task<TaskView> TaskAsync(string unit, int uid) =>
        await (await app.Api().GetAsync($"/api/v1/units/{unit}/plan/tasks/{uid}", Ct)).ReadAsync<TaskView>();

    private async Task<PlanView> PlanAsync(string unit) => await (await app.Api().GetAsync($"/api/v1/units/{unit}/plan", Ct)).ReadAsync<PlanView>();
}

public sealed class CrossUnitPlanOnSqlite(SqliteApp app) : CrossUnitPlanTests<SqliteApp>(app);

public sealed class CrossUnitPlanOnPostgres(PostgresApp app) : CrossUnitPlanTests<PostgresApp>(app);
