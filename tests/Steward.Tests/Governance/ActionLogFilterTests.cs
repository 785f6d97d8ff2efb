using System.Net;
using Steward.Features.Governance;
using Steward.Infrastructure;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Governance;

// The actions log of a programme narrows to one owner, one unit below it and a due-date window, in the API,
// on the page and in the export the page links to.
public abstract class ActionLogFilterTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : StewardApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheLog_FiltersByOwnerUnitAndDueDate()
    {
        var (_, programme, project) = await app.CreateTreeAsync();
        var (jo, sam) = (await app.CreatePersonAsync("Jo Owner"), await app.CreatePersonAsync("Sam Other"));
        var joOnProject = await app.CreateActionAsync(project.Code, jo.Id, new DateOnly(2027, 3, 10));
        var joOnProjectLater = await app.CreateActionAsync(project.Code, jo.Id, new DateOnly(2027, 6, 1));
        var joOnProgramme = await app.CreateActionAsync(programme.Code, jo.Id, new DateOnly(2027, 3, 12));
        var samOnProject = await app.CreateActionAsync(project.Code, sam.Id, new DateOnly(2027, 3, 11));

        async Task<List<string>> ListAsync(string query) =>
            (await (await app.Api().GetAsync($"/api/v1/units/{programme.Code}/actions?{query}", Ct)).ReadAsync<CursorPage<ActionView>>()).Items.Select(a => a.Reference).ToList();

        Assert.Equal([joOnProject.Reference, joOnProgramme.Reference, joOnProjectLater.Reference], await ListAsync($"owner={jo.Id}"));
        Assert.Equal([joOnProject.Reference, samOnProject.Reference, joOnProjectLater.Reference], await ListAsync($"unit={project.Code}"));
        Assert.Equal([joOnProject.Reference, samOnProject.Reference, joOnProgramme.Reference], await ListAsync("dueFrom=2027-03-01&dueTo=2027-03-31"));
        Assert.Equal([joOnProject.Reference], await ListAsync($"owner={jo.Id}&unit={project.Code.ToLowerInvariant()}&dueTo=2027-03-31"));
    }

    [Fact]
    public async Task AUnitNotBelow_OrADateNotADate_IsRefused_NamingTheParameter()
    {
        var (_, programme, _) = await app.CreateTreeAsync();
        var (_, elsewhere, _) = await app.CreateTreeAsync();

        var outside = await app.Api().GetAsync($"/api/v1/units/{programme.Code}/actions?unit={elsewhere.Code}", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, outside.StatusCode);
        Assert.Equal([$"{elsewhere.Code} is not a unit at or below {programme.Code}"], await outside.FieldErrorsAsync("unit"));

        var badDate = await app.Api().GetAsync($"/api/v1/units/{programme.Code}/actions/export?format=csv&dueFrom=31/03/2027", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, badDate.StatusCode);
        Assert.NotEmpty(await badDate.FieldErrorsAsync("dueFrom"));

        var backwards = await app.Api().GetAsync($"/api/v1/units/{programme.Code}/actions?dueFrom=2027-04-01&dueTo=2027-03-01", Ct);
        Assert.Equal(["dueTo must be the same as or after dueFrom"], await backwards.FieldErrorsAsync("dueTo"));
    }

    [Fact]
    public async Task ThePage_OffersTheOwnersAndUnitsOfItsActions_FiltersByThem_AndExportsWhatItShows()
    {
        var (_, programme, project) = await app.CreateTreeAsync();
        var (jo, sam) = (await app.CreatePersonAsync("Jo Owner"), await app.CreatePersonAsync("Sam Other"));
        var mine = await app.CreateActionAsync(project.Code, jo.Id, new DateOnly(2027, 3, 10));
        var later = await app.CreateActionAsync(project.Code, jo.Id, new DateOnly(2027, 6, 1));
        var theirs = await app.CreateActionAsync(programme.Code, sam.Id, new DateOnly(2027, 3, 12));

        var all = await app.Browser().GetPageAsync($"/units/{programme.Code}/governance");
        Assert.Equal(["Anyone", "Jo Owner", "Sam Other"], all.QuerySelectorAll("select[name='Owner'] option").Select(o => o.TextContent));
        Assert.Equivalent(new[] { project.Code, programme.Code }, all.QuerySelectorAll("select[name='Within'] option").Skip(1).Select(o => o.GetAttribute("value")), strict: true);

        var url = $"/units/{programme.Code}/governance?Owner={jo.Id}&Within={project.Code}&DueTo.Day=31&DueTo.Month=3&DueTo.Year=2027";
        var filtered = await app.Browser().GetPageAsync(url);
        var shown = filtered.QuerySelectorAll("#actions ~ table tbody tr td:first-child a").Select(a => a.TextContent).ToList();
        Assert.Contains(mine.Reference, shown);
        Assert.DoesNotContain(later.Reference, shown);
        Assert.DoesNotContain(theirs.Reference, shown);
        Assert.Equal(jo.Id.ToString(), filtered.QuerySelector("select[name='Owner'] option[selected]")!.GetAttribute("value"));

        var csv = filtered.QuerySelectorAll("a").First(a => a.TextContent == "CSV").GetAttribute("href")!;
        var export = await (await app.Api().GetAsync(csv, Ct)).Content.ReadAsStringAsync(Ct);
        Assert.Contains(mine.Reference, export, StringComparison.Ordinal);
        Assert.DoesNotContain(later.Reference, export, StringComparison.Ordinal);
        Assert.DoesNotContain(theirs.Reference, export, StringComparison.Ordinal);

        var halfDate = await app.Browser().GetPageAsync($"/units/{programme.Code}/governance?DueFrom.Day=3", 400);
        Assert.Contains("Due from must include a month and year", halfDate.ErrorSummary());
        var elsewhere = await app.Browser().GetPageAsync($"/units/{programme.Code}/governance?Within=NOPE-1&overdue=", 400);
        Assert.Equal(["NOPE-1 is not a unit at or below " + programme.Code], elsewhere.ErrorSummary());
    }
}

public sealed class ActionLogFilterOnSqlite(SqliteApp app) : ActionLogFilterTests<SqliteApp>(app);

public sealed class ActionLogFilterOnPostgres(PostgresApp app) : ActionLogFilterTests<PostgresApp>(app);
