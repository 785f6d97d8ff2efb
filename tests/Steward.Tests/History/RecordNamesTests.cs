using Microsoft.Extensions.DependencyInjection;
using Steward.Features.Governance;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.History;

// Issue 26 item 5: a record's history names the records it points at (a meeting's board, an action's risk
// and meeting) by name or reference, as people know them, not by id.
public abstract class RecordNamesTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : StewardApp
{
    [Fact]
    public async Task HistoryNamesBoardsMeetingsAndRaidItems_NotTheirIds()
    {
        var (_, _, project) = await app.CreateTreeAsync();
        var chair = await app.CreatePersonAsync();
        var board = await app.CreateBoardAsync(project.Code, chair.Id);
        var meeting = await app.CreateMeetingAsync(board.Id);
        var risk = await app.CreateRiskAsync(project.Code, chair.Id);
        var action = await app.WithServicesAsync(sp => sp.GetRequiredService<GovernanceService>().RaiseActionAsync(project.Code,
            new ActionInput("Chase the supplier", chair.Id, new DateOnly(2027, 2, 1), Risk: risk.Reference)));

        var meetingPage = await app.Browser().GetPageAsync($"/units/{project.Code}/meetings/{meeting.Id}");
        var meetingHistory = meetingPage.QuerySelectorAll("table").Last().TextContent;
        Assert.Contains(board.Name, meetingHistory, StringComparison.Ordinal);
        Assert.DoesNotContain(board.Id.ToString(), meetingHistory, StringComparison.OrdinalIgnoreCase);

        var actionPage = await app.Browser().GetPageAsync($"/units/{project.Code}/actions/{action.Reference}");
        var actionHistory = actionPage.QuerySelectorAll("table").Last().TextContent;
        Assert.Contains(risk.Reference, actionHistory, StringComparison.Ordinal);
        Assert.DoesNotContain(risk.Id.ToString(), actionHistory, StringComparison.OrdinalIgnoreCase);
    }
}

public sealed class RecordNamesOnSqlite(SqliteApp app) : RecordNamesTests<SqliteApp>(app);

public sealed class RecordNamesOnPostgres(PostgresApp app) : RecordNamesTests<PostgresApp>(app);
