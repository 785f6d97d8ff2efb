using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Steward.Features.Access;
using Steward.Features.History;
using Steward.Features.Units;
using Steward.Infrastructure;
using Steward.Tests.Cli;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Access;

public abstract class RoleTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : StewardApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // The "done when": a new person, given a role on a programme, sees exactly that programme
    // and its projects, changes a project, sees the change in its history, and scripts it with a token.
    [Fact]
    public async Task ARoleOnAProgramme_ShowsExactlyThatProgrammeAndItsProjects()
    {
        var (portfolio, programme, project) = await app.CreateTreeAsync();
        var second = await app.CreateUnitAsync(UnitKind.Project, programme.Id);
        var (_, elsewhere, elsewhereProject) = await app.CreateTreeAsync();
        var grant = await app.Api().PostJsonAsync("/api/v1/roles", new { email = "new.manager@steward.test", role = "programme-or-project-manager", unit = programme.Code });
        Assert.Equal(HttpStatusCode.BadRequest, grant.StatusCode); // no such person yet

        await app.WithServicesAsync(sp => sp.GetRequiredService<Steward.Features.Accounts.AccountService>().AddAsync("new.manager@steward.test", "Nia Manager", false, StewardApp.Password));
        grant = await app.Api().PostJsonAsync("/api/v1/roles", new { email = "new.manager@steward.test", role = "programme-or-project-manager", unit = programme.Code });
        Assert.Equal(HttpStatusCode.Created, grant.StatusCode);

        var browser = app.Browser(await app.SignInAsync("new.manager@steward.test"));
        var home = await browser.GetPageAsync("/");
        // The units linked to (a unit's own pages, such as the dashboard's links to its reports, count as the unit).
        var linked = home.QuerySelectorAll("main a[href^='/units/']").Select(a => a.GetAttribute("href"))
            .Select(h => h!.EndsWith("/new", StringComparison.Ordinal) ? h : string.Join('/', h.Split('/').Take(3))).ToHashSet();
        Assert.Equal(new HashSet<string?> { $"/units/{programme.Code}", $"/units/{project.Code}", $"/units/{second.Code}" }, linked.Where(h => !h!.EndsWith("/new", StringComparison.Ordinal)).ToHashSet());
        await browser.GetPageAsync($"/units/{portfolio.Code}", 404);
        await browser.GetPageAsync($"/units/{elsewhere.Code}", 404);

        var token = await app.CreateTokenAsync("new.manager@steward.test");
        var listed = await (await app.Api(token).GetAsync("/api/v1/units?limit=500", Ct)).ReadAsync<CursorPage<UnitSummary>>();
        Assert.Equal(new[] { programme.Code, project.Code, second.Code }.Order(), listed.Items.Select(u => u.Code).Order());
        Assert.Equal(HttpStatusCode.NotFound, (await app.Api(token).GetAsync($"/api/v1/units/{elsewhereProject.Code}", Ct)).StatusCode);
        // Their programme's parent is above their roles, so it is not named.
        Assert.Null((await app.Api(token).GetUnitAsync(programme.Code)).Parent);

        var edit = await browser.SubmitFormAsync($"/units/{project.Code}/edit", new Dictionary<string, string?> { ["Input.Name"] = "Renamed by Nia", ["Input.Code"] = project.Code, ["Input.Category"] = "Ict", ["Input.Stage"] = "Delivery", ["Input.Status"] = "Active" });
        Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode);
        var history = await browser.GetPageAsync($"/units/{project.Code}/history");
        Assert.Contains("Renamed by Nia", history.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Nia Manager", history.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        // A manager may not close the programme (approve) nor create a portfolio (administer).
        var close = await app.Api(token).SendJsonAsync(HttpMethod.Post, $"/api/v1/units/{programme.Code}/close", null, "\"1\"");
        Assert.Equal(HttpStatusCode.Forbidden, close.StatusCode);
        var portfolioAttempt = await app.Api(token).PostJsonAsync("/api/v1/units", new { code = TestData.NewCode(), name = "Mine", kind = "portfolio" });
        Assert.Equal(HttpStatusCode.Forbidden, portfolioAttempt.StatusCode);
        var underElsewhere = await app.Api(token).PostJsonAsync("/api/v1/units", new { code = TestData.NewCode(), name = "Sneaky", kind = "project", parentId = elsewhere.Id });
        Assert.Equal(["No unit has the id " + elsewhere.Id], await underElsewhere.FieldErrorsAsync("parentId"));
    }

    // Access is checked against the unit a URL names; a code given up and taken by another unit must
    // lead to the new unit's place in the tree, not to where the old holder of the code was, whatever
    // the middleware's cache of codes held (the handler's own check would catch it too).
    [Fact]
    public async Task ACodeReusedByAnotherUnit_IsCheckedWhereTheNewUnitIs()
    {
        var (_, programme, project) = await app.CreateTreeAsync();
        var (_, elsewhere, _) = await app.CreateTreeAsync();
        var manager = await app.AddAccountWithRoleAsync(StewardRole.ProgrammeOrProjectManager, programme.Code);
        var api = app.Api(await app.CreateTokenAsync(manager));
        var oldCode = project.Code;
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"/api/v1/units/{oldCode}", Ct)).StatusCode);

        var renamed = await app.Api().SendJsonAsync(HttpMethod.Put, $"/api/v1/units/{project.Id}", new { code = TestData.NewCode(), name = project.Name, category = "ict", stage = "delivery" }, "\"1\"");
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        await app.CreateUnitAsync(UnitKind.Project, elsewhere.Id, code: oldCode);

        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/units/{oldCode}", Ct)).StatusCode);
        var edit = await api.SendJsonAsync(HttpMethod.Put, $"/api/v1/units/{oldCode}", new { code = oldCode, name = "Taken over", category = "ict", stage = "delivery" }, "\"1\"");
        Assert.Equal(HttpStatusCode.NotFound, edit.StatusCode);
    }

    [Fact]
    public async Task BadGrants_AreRefusedWithTheFieldAndReason()
    {
        var missing = await app.Api().PostJsonAsync("/api/v1/roles", new { email = StewardApp.AdministratorEmail, role = "viewer", unit = "NO-SUCH-UNIT" });
        Assert.Equal(["No unit has the code or id NO-SUCH-UNIT"], await missing.FieldErrorsAsync("unit"));
        var badRole = await app.Api().PostJsonAsync("/api/v1/roles", new { email = StewardApp.AdministratorEmail, role = "emperor" });
        Assert.Equal(HttpStatusCode.BadRequest, badRole.StatusCode);
        Assert.NotEmpty(await badRole.FieldErrorsAsync("role"));

        // A PMO Manager administers roles but cannot make anyone, themselves included, an Administrator.
        var (portfolio, _, _) = await app.CreateTreeAsync();
        var manager = await app.AddAccountWithRoleAsync(StewardRole.PmoManager, portfolio.Code);
        var promote = await app.Api(await app.CreateTokenAsync(manager)).PostJsonAsync("/api/v1/roles", new { email = manager, role = "administrator", unit = portfolio.Code });
        Assert.Equal(HttpStatusCode.Forbidden, promote.StatusCode);
    }

    [Fact]
    public async Task TheLastAdministrator_CannotBeRevoked()
    {
        var admins = await app.WithServicesAsync(async sp => (await sp.GetRequiredService<RoleService>().AllAsync(null))
            .Where(h => h.Role == StewardRole.Administrator && h.UnitId is null).ToList());
        var keep = admins.Single(a => a.Email == StewardApp.AdministratorEmail);
        foreach (var other in admins.Where(a => a.Id != keep.Id))
        {
            Assert.Equal(HttpStatusCode.NoContent, (await app.Api().DeleteAsync($"/api/v1/roles/{other.Id}", Ct)).StatusCode);
        }

        var refused = await app.Api().DeleteAsync($"/api/v1/roles/{keep.Id}", Ct);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("last Administrator", (await refused.ReadJsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnitPage_ListsPeopleAndRoles_AndAnAdministratorCanAddAndRemoveThem()
    {
        var (_, programme, project) = await app.CreateTreeAsync();
        var person = await app.CreatePersonAsync("Rosa Planner");
        var browser = app.Browser();
        var added = await browser.SubmitFormAsync($"/units/{programme.Code}/roles/new", new Dictionary<string, string?> { ["Input.Email"] = person.Email, ["Input.Role"] = "Planner" });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);

        var projectPage = await browser.GetPageAsync($"/units/{project.Code}");
        var row = projectPage.QuerySelectorAll("#role-holders tbody tr").Single(r => r.TextContent.Contains("Rosa Planner", StringComparison.Ordinal));
        Assert.Contains("Inherited from above", row.TextContent, StringComparison.Ordinal);

        var programmePage = await browser.GetPageAsync($"/units/{programme.Code}");
        var remove = programmePage.QuerySelectorAll("#role-holders tbody tr").Single(r => r.TextContent.Contains("Rosa Planner", StringComparison.Ordinal)).QuerySelector("a")!.GetAttribute("href")!;
        var removed = await browser.SubmitFormAsync(remove, new Dictionary<string, string?>());
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.DoesNotContain("Rosa Planner", (await browser.GetPageAsync($"/units/{programme.Code}")).QuerySelector("#role-holders")?.TextContent ?? string.Empty, StringComparison.Ordinal);

        var invalid = await browser.SubmitFormAsync($"/units/{programme.Code}/roles/new", new Dictionary<string, string?> { ["Input.Email"] = "", ["Input.Role"] = "" });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal(["Enter the email address of the person to give the role to", "Choose a role"], (await invalid.ReadHtmlAsync()).ErrorSummary());

        var events = await app.WithServicesAsync(sp => sp.GetRequiredService<HistoryQueries>().ListAsync(new HistoryFilter(RecordType: nameof(RoleAssignment), Limit: 50)));
        Assert.Contains(events.Items, e => e.Action == "revoked");
    }

    [Fact]
    public async Task RolesAndTokens_FromTheCommandLine()
    {
        app.RequireDatabase();
        var db = app.ConnectionString;
        var (_, programme, _) = await app.CreateTreeAsync();
        var person = await app.CreatePersonAsync("Cli Person");

        var granted = await StewardProcess.RunAsync("roles", "grant", "--email", person.Email, "--role", "sro", "--unit", programme.Code, "--database", db);
        Assert.Equal(0, granted.ExitCode);
        var list = await StewardProcess.RunAsync("roles", "list", "--email", person.Email, "--database", db);
        Assert.Contains(programme.Code, list.Output, StringComparison.Ordinal);
        var id = list.Output.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
        Assert.Equal(0, (await StewardProcess.RunAsync("roles", "revoke", id, "--database", db)).ExitCode);

        var nowhere = await StewardProcess.RunAsync("roles", "grant", "--email", person.Email, "--role", "sro", "--unit", "NO-SUCH-UNIT", "--database", db);
        Assert.Equal(2, nowhere.ExitCode);
        Assert.Contains("--unit: No unit has the code or id NO-SUCH-UNIT", nowhere.Error, StringComparison.Ordinal);

        var token = await StewardProcess.RunAsync("tokens", "create", "--email", StewardApp.AdministratorEmail, "--read-only", "--expires", DateTime.UtcNow.AddDays(7).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), "--database", db);
        Assert.Equal(0, token.ExitCode);
        var secret = token.Output.Split('\n').Single(l => l.StartsWith("Token (shown only now): ", StringComparison.Ordinal))["Token (shown only now): ".Length..].Trim();
        Assert.Equal(HttpStatusCode.OK, (await app.Api(secret).GetAsync($"/api/v1/units/{programme.Code}", Ct)).StatusCode);
        var past = await StewardProcess.RunAsync("tokens", "create", "--email", StewardApp.AdministratorEmail, "--expires", "2020-01-01", "--database", db);
        Assert.Equal(2, past.ExitCode);
        Assert.Contains("--expires: Expiry date must be in the future", past.Error, StringComparison.Ordinal);
    }
}

public sealed class RolesOnSqlite(SqliteApp app) : RoleTests<SqliteApp>(app);

public sealed class RolesOnPostgres(PostgresApp app) : RoleTests<PostgresApp>(app);
