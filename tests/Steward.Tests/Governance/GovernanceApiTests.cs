using System.Net;
using System.Text.Json;
using Steward.Features.Access;
using Steward.Features.Governance;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Governance;

public abstract class GovernanceApiTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : StewardApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ADecisionNamingAnotherUnitsMeeting_IsRefused_WithoutNamingThatUnitsBoard()
    {
        var (_, programme, _) = await app.CreateTreeAsync();
        var (_, elsewhere, _) = await app.CreateTreeAsync();
        var chair = await app.CreatePersonAsync();
        var theirBoard = await app.CreateBoardAsync(elsewhere.Code, chair.Id);
        var theirMeeting = await app.CreateMeetingAsync(theirBoard.Id);

        var refused = await app.Api().PostJsonAsync($"/api/v1/units/{programme.Code}/decisions", new { title = "Borrowed meeting", decidedOn = "2027-03-03", meetingId = theirMeeting.Id });

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, refused.StatusCode);
        var error = Assert.Single(await refused.FieldErrorsAsync("meetingId"));
        Assert.Equal($"No meeting of {programme.Code}'s boards has the id {theirMeeting.Id}", error);
        Assert.DoesNotContain(theirBoard.Id.ToString(), await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AProgrammeBoard_MeetsDecidesAndAssignsActions_AndThePortfolioSeesItAll()
    {
        var (portfolio, programme, project) = await app.CreateTreeAsync();
        var chair = await app.CreatePersonAsync("Sam Chair");
        var member = await app.CreatePersonAsync("Jo Member");
        var created = await app.Api().PostJsonAsync($"/api/v1/units/{programme.Code}/boards", new
        {
            name = "Programme board", chairId = chair.Id, cadence = "monthly", termsOfReference = "Decides on changes within programme tolerance", memberIds = new[] { member.Id },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var board = await created.ReadAsync<BoardView>();
        Assert.Equal(["Jo Member"], board.Members.Select(m => m.Name));
        var duplicate = await app.Api().PostJsonAsync($"/api/v1/units/{programme.Code}/boards", new { name = "programme BOARD", chairId = chair.Id, cadence = "weekly" });
        Assert.Contains($"This unit already has a board called programme BOARD", await duplicate.FieldErrorsAsync("name"));

        var arranged = await app.Api().PostJsonAsync($"/api/v1/units/{programme.Code}/boards/{board.Id}/meetings", new
        {
            startsAt = "2027-03-03T10:00:00+00:00", durationMinutes = 90, location = "Room 4.12",
            agenda = new[] { new { title = "Highlight report", presenterId = (Guid?)member.Id }, new { title = "Change request CR-12", presenterId = (Guid?)null } },
        });
        Assert.Equal(HttpStatusCode.Created, arranged.StatusCode);
        var meeting = await arranged.ReadAsync<MeetingView>();
        Assert.Equal(["Sam Chair", "Jo Member"], meeting.Attendees.Select(a => a.Person.Name));
        Assert.All(meeting.Attendees, a => Assert.Equal(Attendance.Invited, a.Attendance));
        Assert.Equal(new DateTime(2027, 3, 3, 11, 30, 0, DateTimeKind.Utc), meeting.EndsAt);
        Assert.Equal(["Highlight report", "Change request CR-12"], meeting.Agenda.Select(a => a.Title));

        var risk = await app.CreateRiskAsync(project.Code, member.Id, 4, 5);
        var issue = await app.CreateIssueAsync(project.Code, member.Id);
        var decided = await app.Api().PostJsonAsync($"/api/v1/units/{programme.Code}/decisions", new
        {
            title = "Buy the second test environment", rationale = "Cheaper than the delay", optionsConsidered = "Wait; share with project B; buy",
            decidedOn = "2027-03-03", meetingId = meeting.Id, links = new[] { risk.Reference.ToLowerInvariant(), issue.Reference },
        });
        Assert.True(decided.StatusCode == HttpStatusCode.Created, await decided.Content.ReadAsStringAsync(Ct));
        var decision = await decided.ReadAsync<DecisionView>();
        Assert.Matches("^DEC-[0-9]{4,}$", decision.Reference);
        Assert.Equal(board.Id, decision.Board?.Id);
        Assert.Equal(meeting.Id, decision.Meeting?.Id);
        Assert.Equal(new[] { issue.Reference, risk.Reference }.Order(), decision.Links.Select(l => l.Reference));
        Assert.Equal($"/units/{project.Code}/risks/{risk.Reference}", decision.Links.Single(l => l.Reference == risk.Reference).Page);

        var mitigation = await app.Api().PostJsonAsync($"/api/v1/units/{project.Code}/actions", new { description = "Book the environment", ownerId = member.Id, dueOn = "2020-03-17", risk = risk.Reference });
        Assert.Equal(HttpStatusCode.Created, mitigation.StatusCode);
        var action = await mitigation.ReadAsync<ActionView>();
        Assert.Matches("^ACT-[0-9]{4,}$", action.Reference);
        Assert.True(action.Overdue);
        Assert.Equal(new ActionSource("risk", risk.Reference, $"/units/{project.Code}/risks/{risk.Reference}"), action.Source);
        var fromMeeting = await (await app.Api().PostJsonAsync($"/api/v1/units/{programme.Code}/actions", new { description = "Circulate the minutes", ownerId = chair.Id, dueOn = "2027-03-10", meetingId = meeting.Id })).ReadAsync<ActionView>();
        Assert.Equal("meeting", fromMeeting.Source?.Kind);
        Assert.False(fromMeeting.Overdue);

        // Issue 26 item 9: not recorded as held before it starts.
        var early = await app.Api().SendJsonAsync(HttpMethod.Put, $"/api/v1/units/{programme.Code}/meetings/{meeting.Id}", new
        {
            startsAt = "2099-03-03T10:00:00Z", durationMinutes = 90, status = "held", minutes = "Too soon.",
        }, $"\"{meeting.Version}\"");
        Assert.Equal("The meeting starts 3 March 2099 at 10:00am UTC: it can be recorded as held once it has started", Assert.Single(await early.FieldErrorsAsync("status")));

        var held = await app.Api().SendJsonAsync(HttpMethod.Put, $"/api/v1/units/{programme.Code}/meetings/{meeting.Id}", new
        {
            startsAt = "2026-03-03T10:00:00Z", durationMinutes = 90, location = "Room 4.12", status = "held", minutes = "The board agreed to buy a second environment.",
            attendees = new[] { new { personId = chair.Id, attendance = "attended" }, new { personId = member.Id, attendance = "apologies" } },
        }, $"\"{meeting.Version}\"");
        Assert.Equal(HttpStatusCode.OK, held.StatusCode);
        var record = await held.ReadAsync<MeetingView>();
        Assert.Equal(MeetingStatus.Held, record.Status);
        Assert.Equal(Attendance.Apologies, record.Attendees.Single(a => a.Person.Id == member.Id).Attendance);
        Assert.Equal(2, record.Agenda.Count); // left out of the update, so kept
        Assert.Equal([decision.Reference], record.Decisions.Select(d => d.Reference));
        Assert.Equal([fromMeeting.Reference], record.Actions.Select(a => a.Reference));

        var stale = await app.Api().SendJsonAsync(HttpMethod.Put, $"/api/v1/units/{programme.Code}/meetings/{meeting.Id}", new { startsAt = "2027-03-03T10:00:00Z" }, $"\"{meeting.Version}\"");
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);

        var overdue = await (await app.Api().GetAsync($"/api/v1/units/{portfolio.Code}/actions?overdue=true", Ct)).ReadJsonAsync();
        Assert.Equal([action.Reference], overdue.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("reference").GetString()));
        var mitigations = await (await app.Api().GetAsync($"/api/v1/units/{portfolio.Code}/actions?risk={risk.Reference}", Ct)).ReadJsonAsync();
        Assert.Single(mitigations.GetProperty("items").EnumerateArray());
        var log = await (await app.Api().GetAsync($"/api/v1/units/{portfolio.Code}/decisions", Ct)).ReadJsonAsync();
        Assert.Equal(decision.Reference, log.GetProperty("items")[0].GetProperty("reference").GetString());
        var boards = await (await app.Api().GetAsync($"/api/v1/units/{portfolio.Code}/boards", Ct)).ReadJsonAsync();
        Assert.Equal("Programme board", boards[0].GetProperty("name").GetString());

        var done = await app.Api().SendJsonAsync(HttpMethod.Put, $"/api/v1/units/{project.Code}/actions/{action.Reference}",
            new { description = "Book the environment", ownerId = member.Id, dueOn = "2020-03-17", status = "done", progress = "Booked for April" }, "\"1\"");
        var closed = await done.ReadAsync<ActionView>();
        Assert.Equal(ActionStatus.Done, closed.Status);
        Assert.False(closed.Overdue);
        Assert.NotNull(closed.CompletedOn);
        Assert.Equal("risk", closed.Source?.Kind);

        var history = await (await app.Api().GetAsync($"/api/v1/units/{programme.Code}/meetings/{meeting.Id}", Ct)).ReadJsonAsync();
        Assert.Equal(2, history.GetProperty("version").GetInt32());
    }

    // A change that adds rows under the record (a member, an agenda item, an attendee, a RAID link) once
    // failed as a concurrency conflict: the new rows carried ids and were taken for existing ones.
    [Fact]
    public async Task Updates_AddMembersAgendaItemsAttendeesAndLinks()
    {
        var (_, programme, project) = await app.CreateTreeAsync();
        var chair = await app.CreatePersonAsync("Sam Chair");
        var joining = await app.CreatePersonAsync("Kit Joiner");
        var board = await (await app.Api().PostJsonAsync($"/api/v1/units/{programme.Code}/boards", new { name = "Programme board", chairId = chair.Id, cadence = "monthly" })).ReadAsync<BoardView>();
        var changed = await app.Api().SendJsonAsync(HttpMethod.Put, $"/api/v1/units/{programme.Code}/boards/{board.Id}",
            new { name = "Programme board", chairId = chair.Id, cadence = "monthly", memberIds = new[] { joining.Id } }, $"\"{board.Version}\"");
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(["Kit Joiner"], (await changed.ReadAsync<BoardView>()).Members.Select(m => m.Name));

        var meeting = await (await app.Api().PostJsonAsync($"/api/v1/units/{programme.Code}/boards/{board.Id}/meetings", new { startsAt = "2027-03-03T10:00:00Z", durationMinutes = 60 })).ReadAsync<MeetingView>();
        var guest = await app.CreatePersonAsync("Ali Guest");
        var rearranged = await app.Api().SendJsonAsync(HttpMethod.Put, $"/api/v1/units/{programme.Code}/meetings/{meeting.Id}", new
        {
            startsAt = "2027-03-03T10:00:00Z", durationMinutes = 60, agenda = new[] { new { title = "Risks" }, new { title = "Any other business" } },
            attendees = new[] { new { personId = chair.Id, attendance = "invited" }, new { personId = guest.Id, attendance = "invited" } },
        }, $"\"{meeting.Version}\"");
        Assert.Equal(HttpStatusCode.OK, rearranged.StatusCode);
        var after = await rearranged.ReadAsync<MeetingView>();
        Assert.Equal(["Risks", "Any other business"], after.Agenda.Select(a => a.Title));
        Assert.Equal(["Ali Guest", "Sam Chair"], after.Attendees.Select(a => a.Person.Name).Order());

        var risk = await app.CreateRiskAsync(project.Code, chair.Id);
        var decision = await (await app.Api().PostJsonAsync($"/api/v1/units/{programme.Code}/decisions", new { title = "Go", decidedOn = "2027-03-03", boardId = board.Id })).ReadAsync<DecisionView>();
        var linked = await app.Api().SendJsonAsync(HttpMethod.Put, $"/api/v1/units/{programme.Code}/decisions/{decision.Reference}",
            new { title = "Go", decidedOn = "2027-03-03", boardId = board.Id, links = new[] { risk.Reference } }, $"\"{decision.Version}\"");
        Assert.Equal(HttpStatusCode.OK, linked.StatusCode);
        Assert.Equal([risk.Reference], (await linked.ReadAsync<DecisionView>()).Links.Select(l => l.Reference));
    }

    [Fact]
    public async Task BadGovernanceInput_IsRefused_NamingTheField_AndNothingIsWritten()
    {
        var (_, programme, project) = await app.CreateTreeAsync();
        var person = await app.CreatePersonAsync();
        var stranger = Guid.NewGuid();
        var board = await app.Api().PostJsonAsync($"/api/v1/units/{programme.Code}/boards", new { name = "", chairId = stranger, cadence = "daily", memberIds = new[] { person.Id, stranger } });
        Assert.Equal(HttpStatusCode.BadRequest, board.StatusCode);
        var noChair = await app.Api().PostJsonAsync($"/api/v1/units/{programme.Code}/boards", new { name = "Board", chairId = stranger, cadence = "weekly", memberIds = new[] { person.Id, stranger } });
        Assert.Contains($"No person has the id {stranger}", await noChair.FieldErrorsAsync("chairId"));
        Assert.Contains($"No person has the id {stranger}", await noChair.FieldErrorsAsync("memberIds"));

        var real = await app.CreateBoardAsync(programme.Code, person.Id);
        var meeting = await app.Api().PostJsonAsync($"/api/v1/units/{programme.Code}/boards/{real.Id}/meetings", new { startsAt = "1900-01-01T10:00:00Z", durationMinutes = 0, agenda = new[] { new { title = new string('x', 301) } } });
        Assert.Contains("The meeting must start between 2000 and 2200, not 1 January 1900", await meeting.FieldErrorsAsync("startsAt"));
        Assert.Contains("A meeting lasts from 5 minutes to 12 hours (720 minutes), not 0 minutes", await meeting.FieldErrorsAsync("durationMinutes"));
        Assert.Contains("An agenda item's title must be 300 characters or fewer", await meeting.FieldErrorsAsync("agenda[0].title"));

        var decision = await app.Api().PostJsonAsync($"/api/v1/units/{programme.Code}/decisions", new { title = "Go", decidedOn = "2027-01-01", decidedById = person.Id, links = new[] { "R-999999" } });
        Assert.Contains($"R-999999 is not a risk, issue, assumption or dependency in the register of {programme.Code}", await decision.FieldErrorsAsync("links"));
        var nobody = await app.Api().PostJsonAsync($"/api/v1/units/{programme.Code}/decisions", new { title = "Go", decidedOn = "2027-01-01" });
        Assert.Contains("Choose the board that decided, or the person who did", await nobody.FieldErrorsAsync("boardId"));

        var twoSources = await app.Api().PostJsonAsync($"/api/v1/units/{project.Code}/actions", new { description = "Do it", ownerId = person.Id, dueOn = "2027-01-01", risk = "R-1", issue = "I-1" });
        Assert.Contains("An action comes from one meeting, decision, risk or issue, not several", await twoSources.FieldErrorsAsync("source"));
        var oldDate = await app.Api().PostJsonAsync($"/api/v1/units/{project.Code}/actions", new { description = "Do it", ownerId = person.Id, dueOn = "1900-01-01" });
        Assert.Contains("Due date must be between 2000 and 2200, not 1 January 1900", await oldDate.FieldErrorsAsync("dueOn"));
        var elsewhere = await app.CreateRiskAsync(programme.Code, person.Id);
        var notBelow = await app.Api().PostJsonAsync($"/api/v1/units/{project.Code}/actions", new { description = "Do it", ownerId = person.Id, dueOn = "2027-01-01", risk = elsewhere.Reference });
        Assert.Contains($"{elsewhere.Reference} is not a risk in the register of {project.Code}", await notBelow.FieldErrorsAsync("risk"));

        var actions = await (await app.Api().GetAsync($"/api/v1/units/{programme.Code}/actions?status=all", Ct)).ReadJsonAsync();
        Assert.Empty(actions.GetProperty("items").EnumerateArray());
        var decisions = await (await app.Api().GetAsync($"/api/v1/units/{programme.Code}/decisions", Ct)).ReadJsonAsync();
        Assert.Empty(decisions.GetProperty("items").EnumerateArray());
        Assert.Single((await (await app.Api().GetAsync($"/api/v1/units/{programme.Code}/boards", Ct)).ReadJsonAsync()).EnumerateArray());
    }

    [Fact]
    public async Task TheCalendarFeed_ListsMeetingsAndActionDueDates_UntilItsOwnerRevokesIt()
    {
        var (_, programme, project) = await app.CreateTreeAsync();
        var person = await app.CreatePersonAsync("Kim Owner");
        var board = await app.CreateBoardAsync(programme.Code, person.Id);
        var meeting = await app.CreateMeetingAsync(board.Id, DateTimeOffset.UtcNow.AddDays(14));
        var action = await app.CreateActionAsync(project.Code, person.Id, DateOnly.FromDateTime(DateTime.UtcNow.AddDays(7)));
        var token = await app.CreateTokenAsync(await app.AddAccountWithRoleAsync(StewardRole.Viewer, programme.Code));

        var made = await app.Api(token).PostAsync($"/api/v1/units/{programme.Code}/calendar-feeds", null, Ct);
        Assert.Equal(HttpStatusCode.Created, made.StatusCode);
        var feed = await made.ReadAsync<NewCalendarFeed>();
        Assert.Contains("/calendar/cal_", feed.Url, StringComparison.Ordinal);
        var path = new Uri(feed.Url).AbsolutePath;

        var ics = await app.AnonymousApi().GetAsync(path, Ct);
        Assert.Equal(HttpStatusCode.OK, ics.StatusCode);
        Assert.Equal("text/calendar", ics.Content.Headers.ContentType?.MediaType);
        var text = await ics.Content.ReadAsStringAsync(Ct);
        var calendar = Ical.Net.Calendar.Load(text)!;
        var meetingEvent = Assert.Single(calendar.Events, e => e.Uid == $"meeting-{meeting.Id}@steward");
        Assert.StartsWith(board.Name, meetingEvent.Summary, StringComparison.Ordinal);
        Assert.Equal("Room 4.12", meetingEvent.Location);
        Assert.Contains("1. Highlight report", meetingEvent.Description, StringComparison.Ordinal);
        var due = Assert.Single(calendar.Events, e => e.Uid == $"action-{action.Id}@steward");
        Assert.False(due.Start!.HasTime);
        Assert.Contains(action.Reference, due.Summary, StringComparison.Ordinal);

        var mine = await (await app.Api(token).GetAsync($"/api/v1/units/{programme.Code}/calendar-feeds", Ct)).ReadJsonAsync();
        Assert.Equal(feed.Prefix, mine[0].GetProperty("prefix").GetString());
        var notYours = await app.Api().DeleteAsync($"/api/v1/units/{programme.Code}/calendar-feeds/{feed.Id}", Ct);
        Assert.Equal(HttpStatusCode.NotFound, notYours.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.AnonymousApi().GetAsync(path, Ct)).StatusCode);

        var revoked = await app.Api(token).DeleteAsync($"/api/v1/units/{programme.Code}/calendar-feeds/{feed.Id}", Ct);
        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.AnonymousApi().GetAsync(path, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.AnonymousApi().GetAsync("/calendar/cal_guessed.ics", Ct)).StatusCode);
    }

    [Fact]
    public async Task TheActionsAndDecisionsLogs_ExportWithFormulasNeutralised()
    {
        var (_, programme, _) = await app.CreateTreeAsync();
        var person = await app.CreatePersonAsync("Ada Lovelace");
        await app.Api().PostJsonAsync($"/api/v1/units/{programme.Code}/actions", new { description = "=cmd|' /C calc'!A0", ownerId = person.Id, dueOn = "2027-01-01" });
        await app.CreateDecisionAsync(programme.Code, person.Id);

        var csv = await app.Api().GetAsync($"/api/v1/units/{programme.Code}/actions/export?format=csv", Ct);
        var lines = (await csv.Content.ReadAsStringAsync(Ct)).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("\"Reference\",\"Unit\",\"Unit name\",\"Action\",\"Owner\",", lines[0], StringComparison.Ordinal);
        Assert.Contains("'=cmd|", lines[1], StringComparison.Ordinal);
        var decisions = await app.Api().GetAsync($"/api/v1/units/{programme.Code}/decisions/export?format=xlsx", Ct);
        Assert.Equal(HttpStatusCode.OK, decisions.StatusCode);
        Assert.Contains($"{programme.Code}-decisions-", decisions.Content.Headers.ContentDisposition?.FileName, StringComparison.Ordinal);
    }
}

public sealed class GovernanceApiOnSqlite(SqliteApp app) : GovernanceApiTests<SqliteApp>(app);

public sealed class GovernanceApiOnPostgres(PostgresApp app) : GovernanceApiTests<PostgresApp>(app);
