using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Steward.Features.Governance;
using Steward.Features.Plans;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Governance;

// A programme board's next meeting shows what it needs: the actions still open from its last meeting, what
// was escalated to the programme, and the key milestones that moved since it last met.
public abstract class MeetingPackTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : StewardApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheNextMeetingsPage_GathersOpenActionsEscalationsAndMovedMilestones()
    {
        var (_, programme, project) = await app.CreateTreeAsync();
        var chair = await app.CreatePersonAsync("Grace Chair");
        var board = await app.CreateBoardAsync(programme.Code, chair.Id);
        var governance = (IServiceProvider sp) => sp.GetRequiredService<GovernanceService>();
        var now = DateTimeOffset.UtcNow;
        var last = await app.CreateMeetingAsync(board.Id, new DateTimeOffset(now.Year, now.Month, now.Day, 10, 0, 0, TimeSpan.Zero).AddDays(-7));
        var open = await app.WithServicesAsync(sp => governance(sp).RaiseActionAsync(programme.Code, new ActionInput("Chase the supplier", chair.Id, new DateOnly(2027, 2, 1), MeetingId: last.Id)));
        var done = await app.WithServicesAsync(sp => governance(sp).RaiseActionAsync(programme.Code, new ActionInput("Book the room", chair.Id, new DateOnly(2027, 2, 1), MeetingId: last.Id)));
        await app.WithServicesAsync(sp => governance(sp).UpdateActionAsync(done.Id, done.Version, new ActionInput(done.Description, chair.Id, done.DueOn, Status: ActionStatus.Done, Progress: "Sent to the board")));
        await app.WithServicesAsync(sp => governance(sp).UpdateMeetingAsync(last.Id, last.Version,
            new MeetingInput(new DateTimeOffset(last.StartsAt, TimeSpan.Zero), last.DurationMinutes, last.Location, Status: MeetingStatus.Held)));

        var risk = await app.CreateRiskAsync(project.Code, chair.Id, title: "Supplier may fail");
        var escalated = await app.Api().SendJsonAsync(HttpMethod.Post, $"/api/v1/units/{project.Code}/risks/{risk.Reference}/escalate", new { reason = "Needs the programme board" }, $"\"{risk.Version}\"");
        Assert.Equal(HttpStatusCode.OK, escalated.StatusCode);

        var tasks = $"/api/v1/units/{project.Code}/plan/tasks";
        var build = await (await app.Api().PostJsonAsync(tasks, new { name = "Build", duration = "10d", constraint = "start-no-earlier-than", constraintDate = "2027-06-07T08:00:00" })).ReadAsync<TaskView>();
        await app.Api().PostJsonAsync(tasks, new { name = "Service live", duration = "0d", predecessors = $"{build.Uid}", reportingLevel = "programme" });
        var longer = await app.Api().SendJsonAsync(HttpMethod.Put, $"{tasks}/{build.Uid}",
            new { name = "Build", duration = "15d", constraint = "start-no-earlier-than", constraintDate = "2027-06-07T08:00:00" }, $"\"{build.Version}\"");
        Assert.Equal(HttpStatusCode.OK, longer.StatusCode);

        // Recording the last meeting as held arranged the next by the board's cadence.
        var next = Assert.Single(await (await app.Api().GetAsync($"/api/v1/units/{programme.Code}/meetings?board={board.Id}", Ct)).ReadAsync<List<MeetingSummary>>());
        var page = await app.Browser().GetPageAsync($"/units/{programme.Code}/meetings/{next.Id}");

        var actions = page.QuerySelector("#pack-actions + table")!.TextContent;
        Assert.Contains(open.Reference, actions, StringComparison.Ordinal);
        Assert.DoesNotContain(done.Reference, actions, StringComparison.Ordinal);
        Assert.Contains($"{risk.Reference} Supplier may fail", page.QuerySelector("#pack-escalated + table")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Service live", page.QuerySelector("#pack-milestones + table")!.TextContent, StringComparison.Ordinal);

        var pack = await (await app.Api().GetAsync($"/api/v1/units/{programme.Code}/meetings/{next.Id}/pack", Ct)).ReadAsync<MeetingPackView>();
        Assert.Equal(last.Id, pack.LastMeetingId);
        Assert.Equal([open.Reference], pack.OpenActions.Select(a => a.Reference));
        Assert.Equal([risk.Reference], pack.EscalatedRisks!.Select(r => r.Reference));
        Assert.Equal(["Service live"], pack.Milestones!.MovedRight.Select(m => m.Name));
    }

    [Fact]
    public async Task ABoardsFirstMeeting_SaysThereWasNoneBefore()
    {
        var (_, programme, _) = await app.CreateTreeAsync();
        var chair = await app.CreatePersonAsync();
        var board = await app.CreateBoardAsync(programme.Code, chair.Id);
        var meeting = await app.CreateMeetingAsync(board.Id);

        var page = await app.Browser().GetPageAsync($"/units/{programme.Code}/meetings/{meeting.Id}");

        Assert.Equal("No earlier meeting.", page.QuerySelector("#pack-actions + p")!.TextContent.Trim());
        Assert.Equal("No open risks or issues are escalated to this level.", page.QuerySelector("#pack-escalated + p")!.TextContent.Trim());
        Assert.StartsWith("No key milestone below", page.QuerySelector("#pack-milestones + p")!.TextContent.Trim(), StringComparison.Ordinal);
    }
}

public sealed class MeetingPackOnSqlite(SqliteApp app) : MeetingPackTests<SqliteApp>(app);

public sealed class MeetingPackOnPostgres(PostgresApp app) : MeetingPackTests<PostgresApp>(app);
