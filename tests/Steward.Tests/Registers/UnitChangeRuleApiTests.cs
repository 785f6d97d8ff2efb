using System.Net;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Registers;

// The one rule, through every register's API: a closed unit takes nothing new and its plan and
// tolerances are frozen, but what its registers hold can still be updated and closed; an archived
// unit changes no more.
public abstract class UnitChangeRuleApiTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : StewardApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AClosedUnit_TakesNothingNew_ButItsEntriesCanBeClosedOut_AndAnArchivedOneChangesNoMore()
    {
        var (_, _, project) = await app.CreateTreeAsync();
        var owner = await app.CreatePersonAsync();
        var risk = await app.CreateRiskAsync(project.Code, owner.Id);
        var action = await app.CreateActionAsync(project.Code, owner.Id);
        await app.CreatePlanTaskAsync(project.Code);
        var api = app.Api();
        var unit = await api.GetUnitAsync(project.Code);
        Assert.Equal(HttpStatusCode.OK, (await api.SendJsonAsync(HttpMethod.Post, $"/api/v1/units/{project.Code}/close", null, $"\"{unit.Version}\"")).StatusCode);

        var newRisk = await api.PostJsonAsync($"/api/v1/units/{project.Code}/risks", new { title = "Late supplier", ownerId = owner.Id, likelihood = 2, impact = 2 });
        Assert.Equal(HttpStatusCode.Conflict, newRisk.StatusCode);
        Assert.Contains($"{project.Code} is closed: nothing new can be added to its RAID log", await newRisk.Content.ReadAsStringAsync(Ct));
        var newAction = await api.PostJsonAsync($"/api/v1/units/{project.Code}/actions", new { description = "Write the closure report", ownerId = owner.Id, dueOn = "2027-02-01" });
        Assert.Equal(HttpStatusCode.Conflict, newAction.StatusCode);
        var newTask = await api.PostJsonAsync($"/api/v1/units/{project.Code}/plan/tasks", new { name = "One more thing", duration = "2d" });
        Assert.Equal(HttpStatusCode.Conflict, newTask.StatusCode);
        var tolerances = await api.SendJsonAsync(HttpMethod.Put, $"/api/v1/units/{project.Code}/tolerances", new { time = new { over = 3 } }, null);
        Assert.Equal(HttpStatusCode.Conflict, tolerances.StatusCode);

        // The closing project still closes what it holds.
        var closedRisk = await api.SendJsonAsync(HttpMethod.Post, $"/api/v1/units/{project.Code}/risks/{risk.Reference}/close", new { reason = "Checked at the RAID review" }, $"\"{risk.Version}\"");
        Assert.Equal(HttpStatusCode.OK, closedRisk.StatusCode);
        var doneAction = await api.SendJsonAsync(HttpMethod.Put, $"/api/v1/units/{project.Code}/actions/{action.Reference}",
            new { description = action.Description, ownerId = owner.Id, dueOn = "2027-02-01", status = "done", progress = "Closure report written" }, $"\"{action.Version}\"");
        Assert.Equal(HttpStatusCode.OK, doneAction.StatusCode);

        unit = await api.GetUnitAsync(project.Code);
        Assert.Equal(HttpStatusCode.OK, (await api.SendJsonAsync(HttpMethod.Post, $"/api/v1/units/{project.Code}/archive", null, $"\"{unit.Version}\"")).StatusCode);
        var archivedAction = await api.SendJsonAsync(HttpMethod.Put, $"/api/v1/units/{project.Code}/actions/{action.Reference}",
            new { description = "Changed after archiving", ownerId = owner.Id, dueOn = "2027-02-01", status = "done" }, $"\"{action.Version + 1}\"");
        Assert.Equal(HttpStatusCode.Conflict, archivedAction.StatusCode);
        Assert.Contains($"{project.Code} is archived: its governance records can no longer be changed.", await archivedAction.Content.ReadAsStringAsync(Ct));
    }
}

public sealed class UnitChangeRuleApiOnSqlite(SqliteApp app) : UnitChangeRuleApiTests<SqliteApp>(app);

public sealed class UnitChangeRuleApiOnPostgres(PostgresApp app) : UnitChangeRuleApiTests<PostgresApp>(app);
