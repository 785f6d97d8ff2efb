using System.Net;
using Steward.Features.History;
using Steward.Features.Plans;
using Steward.Infrastructure;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Plans;

// An edit of a plan keeps the plan's rows in memory by its revision (PlanRows) and writes the dates of
// tasks that only moved apart from EF's save (DerivedFieldWrites). What is stored, what another node reads,
// and what history records must be what they were before either: checked here through a second node, which
// has kept nothing, on both databases.
public abstract class PlanEditStorageTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : StewardApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnEditThatMovesTheTasksAfterIt_StoresTheirDates_WithoutNewVersionsOrHistoryForThem()
    {
        var (_, _, project) = await app.CreateTreeAsync();
        var tasks = await ChainAsync(app, project.Code, 12);
        var before = await PlanAsync(app, project.Code);

        var changed = await app.Api().SendJsonAsync(HttpMethod.Put, $"/api/v1/units/{project.Code}/plan/tasks/{tasks[0].Uid}", new { name = "Task 1", duration = "5d" }, $"\"{tasks[0].Version}\"");
        Assert.True(changed.StatusCode == HttpStatusCode.OK, await changed.Content.ReadAsStringAsync(Ct));
        var here = await PlanAsync(app, project.Code);

        await using var other = new SecondNode(app);
        await other.StartAsync();
        var stored = await PlanAsync(other, project.Code);
        Assert.Equal(Dates(here), Dates(stored));
        foreach (var task in stored.Tasks.Skip(1))
        {
            var was = before.Tasks.Single(t => t.Uid == task.Uid);
            Assert.True(task.Start > was.Start, $"Task {task.Uid} did not move");
            Assert.Equal(was.Version, task.Version);
            var history = await (await app.Api().GetAsync($"/api/v1/units/{project.Code}/plan/tasks/{task.Uid}/history", Ct)).ReadAsync<CursorPage<HistoryEntry>>();
            Assert.Equal("created", Assert.Single(history.Items).Action);
        }

        Assert.Equal(tasks[0].Version + 1, stored.Tasks[0].Version);
    }

    [Fact]
    public async Task AChangeSavedThroughAnotherNode_IsWhatThisNodeReadsAndEditsNext()
    {
        var (_, _, project) = await app.CreateTreeAsync();
        var tasks = await ChainAsync(app, project.Code, 4);
        await PlanAsync(app, project.Code);

        await using var other = new SecondNode(app);
        await other.StartAsync();
        var moved = await other.Api().SendJsonAsync(HttpMethod.Put, $"/api/v1/units/{project.Code}/plan/tasks/{tasks[0].Uid}", new { name = "Task 1", duration = "4d" }, $"\"{tasks[0].Version}\"");
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        var there = await PlanAsync(other, project.Code);
        Assert.Equal(Dates(there), Dates(await PlanAsync(app, project.Code)));

        // This node edits the last task from what it now reads; the other node sees that edit in turn.
        var last = there.Tasks[^1];
        var renamed = await app.Api().SendJsonAsync(HttpMethod.Put, $"/api/v1/units/{project.Code}/plan/tasks/{last.Uid}", new { name = "Go live", duration = "1d", predecessors = $"{there.Tasks[^2].Uid}" }, $"\"{last.Version}\"");
        Assert.True(renamed.StatusCode == HttpStatusCode.OK, await renamed.Content.ReadAsStringAsync(Ct));
        var after = await PlanAsync(other, project.Code);
        Assert.Equal(("Go live", last.Version + 1), (after.Tasks[^1].Name, after.Tasks[^1].Version));
        Assert.Equal(Dates(there)[..^1], Dates(after)[..^1]);

        // The first edit's version is stale on both nodes.
        var stale = await app.Api().SendJsonAsync(HttpMethod.Put, $"/api/v1/units/{project.Code}/plan/tasks/{tasks[0].Uid}", new { name = "Task 1", duration = "1d" }, $"\"{tasks[0].Version}\"");
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
    }

    // Tasks of a day or two, each after the one before, from Monday 4 January 2027 with no bank holidays.
    private static async Task<List<TaskView>> ChainAsync(StewardApp node, string unit, int count)
    {
        var start = await node.Api().SendJsonAsync(HttpMethod.Put, $"/api/v1/units/{unit}/plan", new { name = "Chain", start = "2027-01-04", calendar = "no-bank-holidays" }, "\"0\"");
        Assert.Equal(HttpStatusCode.OK, start.StatusCode);
        var tasks = new List<TaskView>();
        for (var i = 1; i <= count; i++)
        {
            var response = await node.Api().PostJsonAsync($"/api/v1/units/{unit}/plan/tasks",
                new { name = $"Task {i}", duration = i == 1 ? "2d" : "1d", predecessors = i == 1 ? null : $"{tasks[^1].Uid}" });
            Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
            tasks.Add(await response.ReadAsync<TaskView>());
        }

        return tasks;
    }

    private static async Task<PlanView> PlanAsync(StewardApp node, string unit) =>
        await (await node.Api().GetAsync($"/api/v1/units/{unit}/plan", Ct)).ReadAsync<PlanView>();

    private static List<(int, DateTime?, DateTime?, DateTime?, DateTime?, bool, int)> Dates(PlanView plan) =>
        plan.Tasks.Select(t => (t.Uid, t.Start, t.Finish, t.LateStart, t.LateFinish, t.Critical, t.Version)).ToList();
}

public sealed class PlanEditStorageOnSqlite(SqliteApp app) : PlanEditStorageTests<SqliteApp>(app);

public sealed class PlanEditStorageOnPostgres(PostgresApp app) : PlanEditStorageTests<PostgresApp>(app);
