using System.Globalization;
using System.Net;
using Steward.Features.Plans;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Plans;

// The Gantt chart and roadmap fit the page's 960 px column; a name cut short on a chart links to its full
// entry and carries it as its name; the roadmap's axis starts at the first plan's month, no tick label runs
// off its end, and open programmes and projects with no plan are listed as such.
public abstract class ChartFitTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : StewardApp
{
    private const string LongName = "Procure, configure and accredit the border crossing data platform";

    [Fact]
    public async Task TheGanttChart_FitsTheColumn_AndALongNameLinksToItsRowInFull()
    {
        var (_, _, project) = await app.CreateTreeAsync();
        var tasks = $"/api/v1/units/{project.Code}/plan/tasks";
        var build = await (await app.Api().PostJsonAsync(tasks, new { name = LongName, duration = "10d", constraint = "start-no-earlier-than", constraintDate = "2027-06-07T08:00:00" })).ReadAsync<TaskView>();
        Assert.Equal(HttpStatusCode.Created, (await app.Api().PostJsonAsync(tasks, new { name = "Live", duration = "0d", predecessors = $"{build.Uid}" })).StatusCode);

        var page = await app.Browser().GetPageAsync($"/units/{project.Code}/plan");

        var svg = page.QuerySelector("svg.steward-chart")!;
        Assert.True(double.Parse(svg.GetAttribute("width")!, CultureInfo.InvariantCulture) <= 960);
        var link = page.QuerySelector($"svg a[href='#task-{build.Uid}']")!;
        Assert.StartsWith($"Task {build.Uid}: {LongName}, ", link.GetAttribute("aria-label"), StringComparison.Ordinal);
        Assert.Equal($"{build.Uid}. {LongName}", link.QuerySelector("title")!.TextContent);
        Assert.EndsWith("…", link.QuerySelector(".chart-label--cut")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(LongName, page.QuerySelector($"#task-{build.Uid}")!.TextContent, StringComparison.Ordinal);
        // A name that fits is plain text, not a link.
        Assert.Null(page.QuerySelector("svg a[href='#task-2']"));
    }

    [Fact]
    public async Task TheRoadmap_StartsAtTheFirstPlan_KeepsItsLabelsInside_AndListsUnitsWithNoPlan()
    {
        var (portfolio, programme, project) = await app.CreateTreeAsync();
        var unplanned = await app.CreateUnitAsync(Steward.Features.Units.UnitKind.Project, programme.Id);
        var tasks = $"/api/v1/units/{project.Code}/plan/tasks";
        var build = await (await app.Api().PostJsonAsync(tasks, new { name = "Build", duration = "90d", constraint = "start-no-earlier-than", constraintDate = "2027-06-07T08:00:00" })).ReadAsync<TaskView>();
        await app.Api().PostJsonAsync(tasks, new { name = "Service live", duration = "0d", predecessors = $"{build.Uid}", reportingLevel = "portfolio" });

        var page = await app.Browser().GetPageAsync($"/units/{portfolio.Code}/roadmap");

        var svg = page.QuerySelector("svg.steward-chart")!;
        var width = double.Parse(svg.GetAttribute("width")!, CultureInfo.InvariantCulture);
        Assert.True(width <= 960);
        // The plan starts today (its tasks wait for June): the axis starts with this month, not January.
        var thisMonth = DateTime.UtcNow;
        Assert.StartsWith($"1 plan from {thisMonth.ToString("MMMM yyyy", CultureInfo.InvariantCulture)} to ", svg.QuerySelector("desc")!.TextContent, StringComparison.Ordinal);
        Assert.All(svg.QuerySelectorAll("text.chart-tick"), tick => Assert.True(double.Parse(tick.GetAttribute("x")!, CultureInfo.InvariantCulture) + 59 <= width, tick.TextContent));
        Assert.Equal(thisMonth.ToString("MMM yyyy", CultureInfo.GetCultureInfo("en-GB")), svg.QuerySelector("text.chart-tick")!.TextContent);
        var listed = page.QuerySelectorAll("#without-plan + p + ul li").Select(li => li.TextContent).ToList();
        Assert.Contains(listed, text => text.Contains(unplanned.Code, StringComparison.Ordinal));
        Assert.Contains(listed, text => text.Contains(programme.Code, StringComparison.Ordinal));
        Assert.DoesNotContain(listed, text => text.Contains(project.Code, StringComparison.Ordinal));
    }
}

public sealed class ChartFitOnSqlite(SqliteApp app) : ChartFitTests<SqliteApp>(app);

public sealed class ChartFitOnPostgres(PostgresApp app) : ChartFitTests<PostgresApp>(app);
