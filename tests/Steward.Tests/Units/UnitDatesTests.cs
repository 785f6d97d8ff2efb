using System.Net;
using Steward.Features.Units;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Units;

// Issue 26: a unit with a plan takes its dates from the plan, so its page and the plan agree.
public abstract class UnitDatesTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : StewardApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AUnitWithAPlan_ShowsThePlansDates_AndKeepsItsTypedOnes()
    {
        var (_, programme, project) = await app.CreateTreeAsync();
        var typed = await app.Api().GetUnitAsync(project.Code);
        var put = await app.Api().SendJsonAsync(HttpMethod.Put, $"/api/v1/units/{project.Code}", new
        {
            code = typed.Code, name = typed.Name, category = "ict", stage = "delivery",
            baselineStart = "2027-01-04", baselineEnd = "2027-09-30", forecastStart = "2027-01-04", forecastEnd = "2027-10-02",
        }, $"\"{typed.Version}\"");
        Assert.True(put.StatusCode == HttpStatusCode.OK, await put.Content.ReadAsStringAsync(Ct));

        var plan = await app.Api().SendJsonAsync(HttpMethod.Put, $"/api/v1/units/{project.Code}/plan", new { name = "Delivery plan", start = "2027-03-01", calendar = "no-bank-holidays" }, "\"0\"");
        Assert.Equal(HttpStatusCode.OK, plan.StatusCode);
        var task = await app.Api().PostJsonAsync($"/api/v1/units/{project.Code}/plan/tasks", new { name = "Build", duration = "10d" });
        Assert.Equal(HttpStatusCode.Created, task.StatusCode);

        var unit = await app.Api().GetUnitAsync(project.Code);
        Assert.Equal((UnitDatesSource.Plan, new DateOnly(2027, 3, 1), new DateOnly(2027, 3, 12)), (unit.DatesFrom, unit.ForecastStart!.Value, unit.ForecastEnd!.Value));
        // No plan baseline yet: the typed baseline stands.
        Assert.Equal((new DateOnly(2027, 1, 4), (string?)null), (unit.BaselineStart!.Value, unit.BaselineName));

        Assert.Equal(HttpStatusCode.Created, (await app.Api().PostJsonAsync($"/api/v1/units/{project.Code}/plan/baselines", new { name = "Gate 3", reason = "Approved" })).StatusCode);
        unit = await app.Api().GetUnitAsync(project.Code);
        Assert.Equal((new DateOnly(2027, 3, 1), new DateOnly(2027, 3, 12), "Gate 3"), (unit.BaselineStart!.Value, unit.BaselineEnd!.Value, unit.BaselineName));

        var page = await app.Browser().GetPageAsync($"/units/{project.Code}");
        Assert.Equal("12 March 2027 (from its plan)", page.SummaryValue("Forecast end"));
        var parent = await app.Browser().GetPageAsync($"/units/{programme.Code}");
        Assert.Contains("12 March 2027 (plan)", parent.QuerySelector("main table")!.TextContent, StringComparison.Ordinal);
        var list = await (await app.Api().GetAsync($"/api/v1/units?parent={programme.Code}", Ct)).ReadJsonAsync();
        Assert.Equal("2027-03-12", list.GetProperty("items")[0].GetProperty("forecastEnd").GetString());

        // The typed dates are kept for when it has no plan.
        var edit = await app.Browser().GetPageAsync($"/units/{project.Code}/edit");
        Assert.Equal("2", edit.QuerySelector("#Input\\.ForecastEnd\\.Day, [name='Input.ForecastEnd.Day']")!.GetAttribute("value"));
    }

    [Fact]
    public async Task AnActiveUnitWhoseForecastEndHasPassed_IsFlagged()
    {
        var (_, _, project) = await app.CreateTreeAsync();
        var typed = await app.Api().GetUnitAsync(project.Code);
        var put = await app.Api().SendJsonAsync(HttpMethod.Put, $"/api/v1/units/{project.Code}", new
        {
            code = typed.Code, name = typed.Name, category = "ict", stage = "delivery", forecastStart = "2020-01-06", forecastEnd = "2020-06-30",
        }, $"\"{typed.Version}\"");
        Assert.True(put.StatusCode == HttpStatusCode.OK, await put.Content.ReadAsStringAsync(Ct));

        var unit = await app.Api().GetUnitAsync(project.Code);
        Assert.Equal((UnitDatesSource.Unit, true), (unit.DatesFrom, unit.PastForecastEnd));
        var page = await app.Browser().GetPageAsync($"/units/{project.Code}");
        Assert.Contains("Forecast end has passed", page.SummaryValue("Forecast end"), StringComparison.Ordinal);
    }
}

public sealed class UnitDatesOnSqlite(SqliteApp app) : UnitDatesTests<SqliteApp>(app);

public sealed class UnitDatesOnPostgres(PostgresApp app) : UnitDatesTests<PostgresApp>(app);
