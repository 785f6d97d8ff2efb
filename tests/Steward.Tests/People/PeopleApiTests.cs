using System.Net;
using Steward.Features.People;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.People;

public abstract class PeopleApiTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : StewardApp
{
    [Fact]
    public async Task Post_AddsAPersonWhoCanBeFoundAndNamedOnAUnit()
    {
        var api = app.Api();
        var email = $"Jo.Bloggs.{Guid.NewGuid():N}@Example.org";
        var response = await api.PostJsonAsync("/api/v1/people", new { name = "Jo Bloggs", email, roleTitle = "Risk Manager" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var person = await response.ReadAsync<PersonView>();
        Assert.Equal(email.ToLowerInvariant(), person.Email);

        var found = await (await api.GetAsync($"/api/v1/people?q=jo.bloggs.", TestContext.Current.CancellationToken)).ReadJsonAsync();
        Assert.Contains(found.GetProperty("items").EnumerateArray(), p => p.GetProperty("id").GetGuid() == person.Id);

        var unit = await api.PostJsonAsync("/api/v1/units", new { code = TestData.NewCode(), name = "Risk Portfolio", kind = "portfolio", managerId = person.Id });
        Assert.Equal("Jo Bloggs", (await unit.ReadAsync<Steward.Features.Units.UnitView>()).Manager?.Name);
    }

    [Fact]
    public async Task Post_WithDuplicateOrBadEmail_NamesTheField()
    {
        var existing = await app.CreatePersonAsync();
        var duplicate = await app.Api().PostJsonAsync("/api/v1/people", new { name = "Copy", email = existing.Email.ToUpperInvariant() });
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        Assert.Contains($"{existing.Email} already belongs to someone in Steward", await duplicate.FieldErrorsAsync("email"));

        var bad = await app.Api().PostJsonAsync("/api/v1/people", new { name = "", email = "nope" });
        Assert.Contains("Enter the person's full name", await bad.FieldErrorsAsync("name"));
        Assert.Contains("Enter an email address in the correct format, like name@example.com", await bad.FieldErrorsAsync("email"));
    }

    [Fact]
    public async Task UnitNamingAnUnknownPerson_IsRefused()
    {
        var missing = Guid.NewGuid();
        var response = await app.Api().PostJsonAsync("/api/v1/units", new { code = TestData.NewCode(), name = "Nobody", kind = "portfolio", sroId = missing });
        Assert.Contains($"No person has the id {missing}", await response.FieldErrorsAsync("sroId"));
    }

    [Fact]
    public async Task UnknownApiRoute_AnswersWithAProblem()
    {
        var response = await app.Api().GetAsync("/api/v1/no-such-thing", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}

public sealed class PeopleApiOnSqlite(SqliteApp app) : PeopleApiTests<SqliteApp>(app);

public sealed class PeopleApiOnPostgres(PostgresApp app) : PeopleApiTests<PostgresApp>(app);
