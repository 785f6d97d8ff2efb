using Steward.Tests.Infrastructure;

namespace Steward.Tests.Plans;

// Saving a plan page after changing one field changes that field and nothing else.
public abstract class PlanEditPagesTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : StewardApp
{
    [Fact]
    public async Task RenamingATask_KeepsItsDurationLinksConstraintProgressAndOwner()
    {
        var (_, _, project) = await app.CreateTreeAsync();
        var tasks = $"/api/v1/units/{project.Code}/plan/tasks";
        var first = await (await app.Api().PostJsonAsync(tasks, new { name = "Design", duration = "5d" })).ReadJsonAsync();
        var task = await (await app.Api().PostJsonAsync(tasks, new
        {
            name = "Build", duration = "2w", predecessors = $"{first.GetProperty("uid").GetInt32()}FS+2d", constraint = "start-no-earlier-than", constraintDate = "2027-02-01T08:00:00",
            deadline = "2027-04-30T17:00:00", percentComplete = 20, actualStart = "2027-02-01T08:00:00", owner = "Ada Analyst",
        })).ReadJsonAsync();
        var uid = task.GetProperty("uid").GetInt32();

        var changed = await app.ChangedByEditPageAsync($"{tasks}/{uid}", $"/units/{project.Code}/plan/task/{uid}", "Input.Name", "Build the service");

        Assert.Equal(["name", "version"], changed.Where(p => p != "updatedAt"));
    }

    [Fact]
    public async Task RenamingAPlan_KeepsItsStartCalendarAndStatusDate()
    {
        var (_, _, project) = await app.CreateTreeAsync();
        await app.CreatePlanTaskAsync(project.Code);
        var plan = await (await app.Api().GetAsync($"/api/v1/units/{project.Code}/plan", TestContext.Current.CancellationToken)).ReadJsonAsync();
        var put = await app.Api().SendJsonAsync(HttpMethod.Put, $"/api/v1/units/{project.Code}/plan", new
        {
            name = "Delivery plan", start = "2027-01-04", calendar = "scotland", workingDays = new[] { "monday", "tuesday", "wednesday", "thursday" }, workingHours = "09:00-13:00, 14:00-17:30",
            nonWorkingDays = new[] { "2027-03-01" }, workedDays = new[] { new { date = "2027-03-06", hours = "09:00-12:00" } }, statusDate = "2027-01-15",
        }, $"\"{plan.GetProperty("version").GetInt32()}\"");
        Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        var changed = await app.ChangedByEditPageAsync($"/api/v1/units/{project.Code}/plan", $"/units/{project.Code}/plan/settings", "Input.Name", "Delivery plan v2");

        // Every save schedules the plan again, and says when.
        Assert.Equal(["name", "version"], changed.Where(p => p is not ("updatedAt" or "scheduledAt")));
    }
}

public sealed class PlanEditPagesOnSqlite(SqliteApp app) : PlanEditPagesTests<SqliteApp>(app);

public sealed class PlanEditPagesOnPostgres(PostgresApp app) : PlanEditPagesTests<PostgresApp>(app);
