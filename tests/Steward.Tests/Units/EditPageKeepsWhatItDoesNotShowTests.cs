using Steward.Tests.Infrastructure;

namespace Steward.Tests.Units;

public abstract class UnitEditPageTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : StewardApp
{
    [Fact]
    public async Task RenamingAUnit_ChangesNothingElse()
    {
        var (_, _, project) = await app.CreateTreeAsync();
        var sro = await app.CreatePersonAsync();
        var unit = await (await app.Api().GetAsync($"/api/v1/units/{project.Code}", TestContext.Current.CancellationToken)).ReadJsonAsync();
        var put = await app.Api().SendJsonAsync(HttpMethod.Put, $"/api/v1/units/{project.Code}", new
        {
            code = project.Code, name = project.Name, category = "ict", stage = "delivery", description = "What it is", aims = "What it is for", sroId = sro.Id,
            managerId = sro.Id, pmoContactId = sro.Id, baselineStart = "2026-04-01", baselineEnd = "2028-03-31", forecastStart = "2026-05-01", forecastEnd = "2028-06-30",
        }, $"\"{unit.GetProperty("version").GetInt32()}\"");
        Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        var changed = await app.ChangedByEditPageAsync($"/api/v1/units/{project.Code}", $"/units/{project.Code}/edit", "Input.Name", "Renamed project");

        Assert.Equal(["name", "updatedAt", "version"], changed);
    }
}

public sealed class UnitEditPageOnSqlite(SqliteApp app) : UnitEditPageTests<SqliteApp>(app);

public sealed class UnitEditPageOnPostgres(PostgresApp app) : UnitEditPageTests<PostgresApp>(app);
