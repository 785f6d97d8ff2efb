using System.Net;
using System.Text.Json;
using Steward.Features.Raid;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Raid;

public abstract class DependencyTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : StewardApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ADependencyBetweenTwoUnits_ShowsOnBoth_IsFlaggedWhenLate_AndEscalatesByTolerance()
    {
        var (portfolio, programme, needing) = await app.CreateTreeAsync();
        var providing = await app.CreateUnitAsync(Steward.Features.Units.UnitKind.Project, programme.Id);
        var owner = await app.CreatePersonAsync();
        var response = await app.Api().PostJsonAsync($"/api/v1/units/{needing.Code}/dependencies", new
        {
            title = "Identity service production API", ownerId = owner.Id, providerUnit = providing.Code,
            neededBy = "2027-03-01", committedDate = "2027-03-19",
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var dependency = await response.ReadAsync<DependencyView>();
        Assert.Matches("^D-[0-9]{4,}$", dependency.Reference);
        Assert.True(dependency.IsLate);
        Assert.Equal(14, dependency.WorkingDaysLate);
        Assert.Equal(providing.Code, dependency.ProviderUnit!.Code);
        Assert.Null(dependency.Escalation);

        Assert.Equal([dependency.Reference], await ReferencesAsync($"/api/v1/units/{needing.Code}/dependencies"));
        Assert.Equal([dependency.Reference], await ReferencesAsync($"/api/v1/units/{providing.Code}/dependencies"));
        Assert.Empty(await ReferencesAsync($"/api/v1/units/{providing.Code}/dependencies?direction=needs"));
        Assert.Equal([dependency.Reference], await ReferencesAsync($"/api/v1/units/{portfolio.Code}/dependencies?late=true"));

        // Late by more than 10 working days is outside the programme's tolerance, which the project inherits.
        var tolerance = await app.Api().SendJsonAsync(HttpMethod.Put, $"/api/v1/units/{programme.Code}/raid-tolerances", new { dependencyLateDays = 10 }, null);
        Assert.Equal(HttpStatusCode.OK, tolerance.StatusCode);
        var escalated = await (await app.Api().GetAsync($"/api/v1/units/{needing.Code}/dependencies/{dependency.Reference}", Ct)).ReadAsync<DependencyView>();
        Assert.Equal(portfolio.Code, escalated.Escalation!.To.Code);

        var delivered = await app.Api().SendJsonAsync(HttpMethod.Post, $"/api/v1/units/{needing.Code}/dependencies/{dependency.Reference}/deliver",
            new { reason = "Live and passed its checks" }, $"\"{escalated.Version}\"");
        Assert.Equal(HttpStatusCode.OK, delivered.StatusCode);
        Assert.Null((await delivered.ReadAsync<DependencyView>()).Escalation);
        Assert.Empty(await ReferencesAsync($"/api/v1/units/{needing.Code}/dependencies"));
        Assert.Single(await ReferencesAsync($"/api/v1/units/{needing.Code}/dependencies?status=all"));
    }

    [Fact]
    public async Task AUnitOnItself_BothOrNeitherProvider_AndAnUnknownUnit_AreRefusedNamingTheField()
    {
        var (_, _, project) = await app.CreateTreeAsync();
        var owner = await app.CreatePersonAsync();
        var url = $"/api/v1/units/{project.Code}/dependencies";

        var itself = await app.Api().PostJsonAsync(url, new { title = "Itself", ownerId = owner.Id, neededBy = "2027-01-01", providerUnit = project.Code });
        Assert.Contains($"{project.Code} cannot depend on itself; name another unit or a party outside Steward", await itself.FieldErrorsAsync("providerUnit"));

        var both = await app.Api().PostJsonAsync(url, new { title = "Both", ownerId = owner.Id, neededBy = "2027-01-01", providerUnit = "X-1", externalParty = "Supplier Ltd" });
        Assert.Contains("Name either a unit or a party outside Steward, not both", await both.FieldErrorsAsync("providerUnit"));

        var neither = await app.Api().PostJsonAsync(url, new { title = "Neither", ownerId = owner.Id, neededBy = "2027-01-01" });
        Assert.Contains("Name the unit it depends on, or the party outside Steward", await neither.FieldErrorsAsync("providerUnit"));

        var unknown = await app.Api().PostJsonAsync(url, new { title = "Unknown", ownerId = owner.Id, neededBy = "2027-01-01", providerUnit = "NO-SUCH-UNIT" });
        Assert.Contains("No unit has the code or id NO-SUCH-UNIT", await unknown.FieldErrorsAsync("providerUnit"));

        var external = await app.Api().PostJsonAsync(url, new { title = "Border data feed", ownerId = owner.Id, neededBy = "2027-01-01", externalParty = "Department for Transport" });
        Assert.Equal(HttpStatusCode.Created, external.StatusCode);
        Assert.Equal("Department for Transport", (await external.ReadAsync<DependencyView>()).ExternalParty);
        Assert.Single(await ReferencesAsync($"{url}?status=all"));
    }

    private async Task<List<string?>> ReferencesAsync(string url)
    {
        var response = await app.Api().GetAsync(url, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.ReadJsonAsync()).GetProperty("items").EnumerateArray().Select(d => d.GetProperty("reference").GetString()).ToList();
    }

    // The providing project's manager, who cannot see the needing project, opens the dependency from
    // their own project (API and page) but cannot change it there: changes belong to the needing side.
    [Fact]
    public async Task TheProvidersManager_OpensTheDependencyFromTheirOwnUnit_ButCannotChangeIt()
    {
        var (_, programme, needing) = await app.CreateTreeAsync();
        var providing = await app.CreateUnitAsync(Steward.Features.Units.UnitKind.Project, programme.Id);
        var owner = await app.CreatePersonAsync();
        var created = await (await app.Api().PostJsonAsync($"/api/v1/units/{needing.Code}/dependencies", new
        {
            title = "Address lookup service", ownerId = owner.Id, providerUnit = providing.Code, neededBy = "2027-05-03",
        })).ReadAsync<DependencyView>();
        var manager = await app.AddAccountWithRoleAsync(Steward.Features.Access.StewardRole.ProgrammeOrProjectManager, providing.Code);
        var api = app.Api(await app.CreateTokenAsync(manager));

        var seen = await api.GetAsync($"/api/v1/units/{providing.Code}/dependencies/{created.Reference}", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, seen.StatusCode);
        Assert.Equal("Address lookup service", (await seen.ReadAsync<DependencyView>()).Title);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/units/{needing.Code}/dependencies/{created.Reference}", TestContext.Current.CancellationToken)).StatusCode);

        var changed = await api.SendJsonAsync(HttpMethod.Put, $"/api/v1/units/{providing.Code}/dependencies/{created.Reference}", new
        {
            title = "Changed by the provider", ownerId = owner.Id, providerUnit = providing.Code, neededBy = "2027-05-03", status = "agreed",
        }, $"\"{created.Version}\"");
        Assert.True((int)changed.StatusCode is 403 or 404, $"{changed.StatusCode}");
        Assert.Equal("Address lookup service", (await (await app.Api().GetAsync($"/api/v1/units/{needing.Code}/dependencies/{created.Reference}", TestContext.Current.CancellationToken)).ReadAsync<DependencyView>()).Title);
    }
}

public sealed class DependencyOnSqlite(SqliteApp app) : DependencyTests<SqliteApp>(app);

public sealed class DependencyOnPostgres(PostgresApp app) : DependencyTests<PostgresApp>(app);
