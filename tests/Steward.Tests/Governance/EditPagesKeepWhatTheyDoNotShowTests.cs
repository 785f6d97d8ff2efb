using Microsoft.Extensions.DependencyInjection;
using Steward.Features.Governance;
using Steward.Features.Raid;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Governance;

// Saving a governance page after changing one field changes that field and nothing else.
public abstract class GovernanceEditPagesTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : StewardApp
{
    [Fact]
    public async Task EditingABoardsName_KeepsItsChairMembersCadenceAndTerms()
    {
        var (_, _, project) = await app.CreateTreeAsync();
        var chair = await app.CreatePersonAsync();
        var board = await app.CreateBoardAsync(project.Code, chair.Id, (await app.CreatePersonAsync()).Id, (await app.CreatePersonAsync()).Id);

        var changed = await app.ChangedByEditPageAsync($"/api/v1/units/{project.Code}/boards/{board.Id}", $"/units/{project.Code}/boards/{board.Id}/edit", "Input.Name", "Renamed board");

        Assert.Equal(["name", "updatedAt", "version"], changed);
    }

    [Fact]
    public async Task CorrectingADecisionsTitle_KeepsItsBoardMeetingRationaleOptionsAndLinks()
    {
        var (_, _, project) = await app.CreateTreeAsync();
        var chair = await app.CreatePersonAsync();
        var board = await app.CreateBoardAsync(project.Code, chair.Id);
        var meeting = await app.CreateMeetingAsync(board.Id);
        var risk = await app.CreateRiskAsync(project.Code, chair.Id);
        var decision = await app.WithServicesAsync(sp => sp.GetRequiredService<GovernanceService>().RecordDecisionAsync(project.Code,
            new DecisionInput("Go to beta", new DateOnly(2027, 3, 3), "Alpha passed", "Stop; pause; go", board.Id, meeting.Id, null, [risk.Reference])));

        var changed = await app.ChangedByEditPageAsync($"/api/v1/units/{project.Code}/decisions/{decision.Reference}", $"/units/{project.Code}/decisions/{decision.Reference}/edit", "Input.Title", "Go to public beta");

        Assert.Equal(["title", "updatedAt", "version"], changed);
    }

    [Fact]
    public async Task UpdatingAnActionsProgress_KeepsWhereItCameFromAndItsDescription()
    {
        var (_, _, project) = await app.CreateTreeAsync();
        var owner = await app.CreatePersonAsync();
        var risk = await app.CreateRiskAsync(project.Code, owner.Id);
        var action = await app.WithServicesAsync(sp => sp.GetRequiredService<GovernanceService>().RaiseActionAsync(project.Code,
            new ActionInput("Second supplier quote", owner.Id, new DateOnly(2027, 2, 1), Risk: risk.Reference, Status: ActionStatus.InProgress, Progress: "Asked two suppliers")));

        var changed = await app.ChangedByEditPageAsync($"/api/v1/units/{project.Code}/actions/{action.Reference}", $"/units/{project.Code}/actions/{action.Reference}", "Input.Progress", "One quote in");

        Assert.Equal(["progress", "updatedAt", "version"], changed);
    }

    [Fact]
    public async Task RecordingAMeetingsMinutes_KeepsItsAgendaPlaceAndTime()
    {
        var (_, _, project) = await app.CreateTreeAsync();
        var chair = await app.CreatePersonAsync();
        var board = await app.CreateBoardAsync(project.Code, chair.Id, (await app.CreatePersonAsync()).Id);
        var meeting = await app.CreateMeetingAsync(board.Id, new DateTimeOffset(2026, 11, 2, 10, 0, 0, TimeSpan.Zero));

        var changed = await app.ChangedByEditPageAsync($"/api/v1/units/{project.Code}/meetings/{meeting.Id}", $"/units/{project.Code}/meetings/{meeting.Id}/record", "Input.Minutes", "Agreed the plan.");

        // Recording a meeting offers "held" as its status, already chosen.
        Assert.Equal(["minutes", "status", "updatedAt", "version"], changed);
    }

    [Fact]
    public async Task MovingAMeetingsRoom_KeepsItsAgendaPresentersAttendeesAndTime()
    {
        var (_, _, project) = await app.CreateTreeAsync();
        var chair = await app.CreatePersonAsync();
        var board = await app.CreateBoardAsync(project.Code, chair.Id, (await app.CreatePersonAsync()).Id);
        var meeting = await app.WithServicesAsync(sp => sp.GetRequiredService<GovernanceService>().ArrangeMeetingAsync(board.Id,
            new MeetingInput(new DateTimeOffset(2027, 3, 3, 10, 0, 0, TimeSpan.Zero), 90, "Room 4.12", [new AgendaItemInput("Highlight report", chair.Id), new AgendaItemInput("Risks")])));

        var changed = await app.ChangedByEditPageAsync($"/api/v1/units/{project.Code}/meetings/{meeting.Id}", $"/units/{project.Code}/meetings/{meeting.Id}/edit", "Input.Location", "Room 2.01");

        Assert.Equal(["location", "updatedAt", "version"], changed);
    }

    [Fact]
    public async Task RescheduledWithANewAgenda_AMeetingMovesAndKeepsThePresenterOfAnItemKept()
    {
        var (_, _, project) = await app.CreateTreeAsync();
        var chair = await app.CreatePersonAsync();
        var board = await app.CreateBoardAsync(project.Code, chair.Id);
        var meeting = await app.WithServicesAsync(sp => sp.GetRequiredService<GovernanceService>().ArrangeMeetingAsync(board.Id,
            new MeetingInput(new DateTimeOffset(2027, 3, 3, 10, 0, 0, TimeSpan.Zero), 90, "Room 4.12", [new AgendaItemInput("Highlight report", chair.Id), new AgendaItemInput("Risks")])));
        var url = $"/units/{project.Code}/meetings/{meeting.Id}/edit";

        var saved = await app.Browser().SubmitFormAsShownAsync(url, new Dictionary<string, string?>
        {
            // 10 March 2027 at 14:30 in London is 14:30 UTC (summer time starts on 28 March).
            ["Input.Date.Day"] = "10", ["Input.StartTime"] = "14:30", ["Input.Agenda"] = "Risks\nHighlight report\nChange request CR-12",
        });
        Assert.Equal(System.Net.HttpStatusCode.Redirect, saved.StatusCode);

        var after = await (await app.Api().GetAsync($"/api/v1/units/{project.Code}/meetings/{meeting.Id}", TestContext.Current.CancellationToken)).ReadAsync<MeetingView>();
        Assert.Equal(new DateTime(2027, 3, 10, 14, 30, 0, DateTimeKind.Utc), after.StartsAt);
        Assert.Equal(["Risks", "Highlight report", "Change request CR-12"], after.Agenda.Select(a => a.Title));
        Assert.Equal([null, chair.Id, null], after.Agenda.Select(a => a.Presenter?.Id));

        var badTime = await app.Browser().SubmitFormAsShownAsync(url, new Dictionary<string, string?> { ["Input.StartTime"] = "half two" });
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, badTime.StatusCode);
        Assert.Equal(["Enter the start time as hours and minutes on the 24-hour clock, for example 14:30"], (await badTime.ReadHtmlAsync()).ErrorSummary());
    }

    [Fact]
    public async Task AMeetingNotYetStarted_IsNotOfferedAsHeld()
    {
        var (_, _, project) = await app.CreateTreeAsync();
        var chair = await app.CreatePersonAsync();
        var board = await app.CreateBoardAsync(project.Code, chair.Id);
        var meeting = await app.CreateMeetingAsync(board.Id, DateTimeOffset.UtcNow.AddDays(10));

        var page = await app.Browser().GetPageAsync($"/units/{project.Code}/meetings/{meeting.Id}/record");
        Assert.Equal("Planned", page.QuerySelector("input[name='Input.Status'][checked]")!.GetAttribute("value"));
    }
}

public sealed class GovernanceEditPagesOnSqlite(SqliteApp app) : GovernanceEditPagesTests<SqliteApp>(app);

public sealed class GovernanceEditPagesOnPostgres(PostgresApp app) : GovernanceEditPagesTests<PostgresApp>(app);
