using System.Net;
using Steward.Features.Plans;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Plans;

// Issue 26 item 11: a task's owner is a person chosen from Steward's people, with free text kept for
// owners outside Steward.
public abstract class TaskOwnerTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : StewardApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ATasksOwner_IsOneOfStewardsPeople_OrSomeoneOutsideNamedAsText()
    {
        var (_, _, project) = await app.CreateTreeAsync();
        var planner = await app.CreatePersonAsync("Ada Lovelace");
        var tasks = $"/api/v1/units/{project.Code}/plan/tasks";

        var owned = await app.Api().PostJsonAsync(tasks, new { name = "Design", duration = "5d", ownerId = planner.Id });
        Assert.Equal(HttpStatusCode.Created, owned.StatusCode);
        var task = await owned.ReadAsync<TaskView>();
        Assert.Equal((planner.Id, "Ada Lovelace", (string?)null), (task.OwnerPerson!.Id, task.OwnerPerson.Name, task.Owner));
        var outsider = await (await app.Api().PostJsonAsync(tasks, new { name = "Supplier build", duration = "5d", owner = "Acme Ltd delivery lead" })).ReadAsync<TaskView>();
        Assert.Equal("Acme Ltd delivery lead", outsider.Owner);
        Assert.Null(outsider.OwnerPerson);

        var missing = Guid.NewGuid();
        Assert.Contains($"No person has the id {missing}", await (await app.Api().PostJsonAsync(tasks, new { name = "Ghost", duration = "1d", ownerId = missing })).FieldErrorsAsync("ownerId"));
        Assert.Contains("Choose one of Steward's people or name someone outside Steward, not both",
            await (await app.Api().PostJsonAsync(tasks, new { name = "Both", duration = "1d", ownerId = planner.Id, owner = "Someone" })).FieldErrorsAsync("owner"));

        // The plan table names the person; the form offers Steward's people with this one chosen.
        var plan = await app.Browser().GetPageAsync($"/units/{project.Code}/plan");
        Assert.Contains(plan.QuerySelectorAll("main table td"), td => td.TextContent.Trim() == "Ada Lovelace");
        Assert.Contains(plan.QuerySelectorAll("main table td"), td => td.TextContent.Trim() == "Acme Ltd delivery lead");
        var form = await app.Browser().GetPageAsync($"/units/{project.Code}/plan/task/{task.Uid}");
        // Compared as ids: SQLite hands ids back in capitals.
        Assert.Equal(planner.Id, Guid.Parse(form.QuerySelector("#Input_OwnerId option[selected]")!.GetAttribute("value")!));
    }
}

public sealed class TaskOwnerOnSqlite(SqliteApp app) : TaskOwnerTests<SqliteApp>(app);

public sealed class TaskOwnerOnPostgres(PostgresApp app) : TaskOwnerTests<PostgresApp>(app);
