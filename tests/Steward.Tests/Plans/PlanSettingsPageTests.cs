using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Steward.Data;
using Steward.Features.Plans;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Plans;

// The plan settings page on both databases: a calendar such as Microsoft Project files carry (hours that
// vary by day, a half day) survives a save that changes only the plan's name, and days worked typed on
// the page are scheduled on.
public abstract class PlanSettingsPageTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : StewardApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnImportedCalendar_IsKept_WhenOnlyTheNameChanges_AndDaysWorkedAreScheduledOn()
    {
        var (_, _, project) = await app.CreateTreeAsync();
        var plan = $"/api/v1/units/{project.Code}/plan";
        Assert.Equal(HttpStatusCode.OK, (await app.Api().SendJsonAsync(HttpMethod.Put, plan, new { name = "Imported", start = "2027-12-20", calendar = "no-bank-holidays" }, "\"0\"")).StatusCode);

        // As a Microsoft Project file would have it: Fridays end at noon, Christmas Eve is a half day.
        await app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<StewardDbContext>();
            var stored = await db.Plans.SingleAsync(p => p.Unit!.Code == project.Code, Ct);
            var calendar = PlanCalendar.Parse(stored.Calendar!);
            var week = calendar.Week.ToDictionary(d => d.Key, d => d.Value);
            week[DayOfWeek.Friday] = [[480, 720]];
            stored.Calendar = (calendar with { Name = "Standard", Week = week, Exceptions = new Dictionary<string, int[][]> { ["2027-12-23"] = [[480, 720]] } }).ToJson();
            return await db.SaveChangesAsync(Ct);
        });

        var renamed = await PostAsync(project.Code, new() { ["Input.Name"] = ["Renamed"] });
        Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
        var kept = await CalendarAsync(project.Code);
        Assert.Equal([[480, 720]], kept.Week[DayOfWeek.Friday]);
        Assert.Equal([[480, 720], [780, 1020]], kept.Week[DayOfWeek.Monday]);
        Assert.Equal(("Standard", "08:00-12:00"), (kept.Name, Assert.Single(kept.WorkedDays, d => d.Day == new DateOnly(2027, 12, 23)).Hours));

        // Saturday 25 December worked in the morning: three days' work from Monday 20 ends there.
        var worked = await PostAsync(project.Code, new() { ["Input.WorkedDays"] = ["2027-12-23 08:00-12:00\n25/12/2027 08:00-12:00"] });
        Assert.Equal(HttpStatusCode.Redirect, worked.StatusCode);
        var task = await (await app.Api().PostJsonAsync($"{plan}/tasks", new { name = "Survey", duration = "36h" })).ReadAsync<TaskView>();
        Assert.Equal(new DateTime(2027, 12, 25, 12, 0, 0), task.Finish);

        var refused = await PostAsync(project.Code, new() { ["Input.WorkedDays"] = ["Boxing Day"] });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var page = await refused.ReadHtmlAsync();
        Assert.Contains("‘Boxing’ is not a date", page.FieldError("Input_WorkedDays"), StringComparison.Ordinal);
        Assert.Equal(2, (await CalendarAsync(project.Code)).WorkedDays.Count);
    }

    // The status date typed on the page moves work not done by it; half a date is refused on its field.
    [Fact]
    public async Task AStatusDate_TypedOnThePage_MovesWorkNotDoneAfterIt()
    {
        var (_, _, project) = await app.CreateTreeAsync();
        var plan = $"/api/v1/units/{project.Code}/plan";
        Assert.Equal(HttpStatusCode.OK, (await app.Api().SendJsonAsync(HttpMethod.Put, plan, new { name = "Survey", start = "2027-01-04", calendar = "no-bank-holidays" }, "\"0\"")).StatusCode);
        var task = await (await app.Api().PostJsonAsync($"{plan}/tasks", new { name = "Survey", duration = "2d" })).ReadAsync<TaskView>();
        Assert.Equal(new DateTime(2027, 1, 4, 8, 0, 0), task.Start);

        var half = await PostAsync(project.Code, new() { ["Input.StatusDate.Day"] = ["6"], ["Input.StatusDate.Month"] = ["1"], ["Input.StatusDate.Year"] = [""] });
        Assert.Equal(HttpStatusCode.BadRequest, half.StatusCode);
        Assert.Contains("Status date must include a year", (await half.ReadHtmlAsync()).FieldError("Input_StatusDate"), StringComparison.Ordinal);

        var saved = await PostAsync(project.Code, new() { ["Input.StatusDate.Day"] = ["6"], ["Input.StatusDate.Month"] = ["1"], ["Input.StatusDate.Year"] = ["2027"] });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var moved = await (await app.Api().GetAsync($"{plan}/tasks/{task.Uid}", Ct)).ReadAsync<TaskView>();
        Assert.Equal((new DateTime(2027, 1, 7, 8, 0, 0), new DateTime(2027, 1, 8, 17, 0, 0)), (moved.Start!.Value, moved.Finish!.Value));
        var page = await app.Browser().GetPageAsync($"/units/{project.Code}/plan");
        Assert.Contains("6 Jan 2027: work not done by then is scheduled after it", page.Body!.TextContent, StringComparison.Ordinal);
    }

    // The form as a browser would send it, with the given fields changed.
    private async Task<HttpResponseMessage> PostAsync(string code, Dictionary<string, string[]> changes)
    {
        var url = $"/units/{code}/plan/settings";
        var browser = app.Browser();
        var form = (await browser.GetPageAsync(url)).QuerySelector("main form")!;
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var field in form.QuerySelectorAll("input, textarea"))
        {
            var name = field.GetAttribute("name");
            var type = field.GetAttribute("type");
            if (name is null || changes.ContainsKey(name) || (type is "checkbox" or "radio" && !field.HasAttribute("checked")))
            {
                continue;
            }

            fields.Add(new(name, field is IHtmlTextAreaElement area ? area.Value : field.GetAttribute("value") ?? string.Empty));
        }

        fields.AddRange(changes.SelectMany(c => c.Value.Select(v => new KeyValuePair<string, string>(c.Key, v))));
        return await browser.PostAsync(url, new FormUrlEncodedContent(fields), Ct);
    }

    private Task<PlanCalendar> CalendarAsync(string code) => app.WithServicesAsync(async sp =>
        PlanCalendar.Parse((await sp.GetRequiredService<StewardDbContext>().Plans.AsNoTracking().SingleAsync(p => p.Unit!.Code == code, Ct)).Calendar!));
}

public sealed class PlanSettingsPageOnSqlite(SqliteApp app) : PlanSettingsPageTests<SqliteApp>(app);

public sealed class PlanSettingsPageOnPostgres(PostgresApp app) : PlanSettingsPageTests<PostgresApp>(app);
