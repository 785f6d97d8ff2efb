using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Steward.Data;
using Steward.Features.Units;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Units;

public abstract class UnitsApiTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : StewardApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Post_BuildsPortfolioProgrammeProjectTree()
    {
        var api = app.Api();
        var person = await app.CreatePersonAsync("Grace Hopper");
        var portfolioCode = TestData.NewCode("PFL");

        var portfolio = await api.PostJsonAsync("/api/v1/units", new
        {
            code = portfolioCode.ToLowerInvariant(), name = "  Borders Portfolio ", kind = "portfolio",
            category = "government-transformation-and-service-delivery", sroId = person.Id,
        });
        Assert.Equal(HttpStatusCode.Created, portfolio.StatusCode);
        Assert.Equal("\"1\"", portfolio.Headers.ETag?.Tag);
        var created = await portfolio.ReadAsync<UnitView>();
        Assert.Equal(portfolioCode, created.Code);
        Assert.Equal("Borders Portfolio", created.Name);
        Assert.Equal("Grace Hopper", created.Sro?.Name);
        Assert.Equal($"/api/v1/units/{created.Id}", portfolio.Headers.Location?.AbsolutePath);

        var programme = await (await api.PostJsonAsync("/api/v1/units", new { code = TestData.NewCode(), name = "Digital Borders", kind = "programme", parentId = created.Id })).ReadAsync<UnitView>();
        var project = await api.PostJsonAsync("/api/v1/units", new
        {
            code = TestData.NewCode(), name = "eGates", kind = "project", parentId = programme.Id, stage = "delivery",
            baselineStart = "2026-04-01", baselineEnd = "2027-03-31", forecastStart = "2026-04-01", forecastEnd = "2027-06-30",
        });
        Assert.Equal(HttpStatusCode.Created, project.StatusCode);

        var fetched = await api.GetUnitAsync((await project.ReadAsync<UnitView>()).Code);
        Assert.Equal(programme.Id, fetched.Parent?.Id);
        Assert.Equal(new DateOnly(2027, 6, 30), fetched.ForecastEnd);
        Assert.Equal(LifecycleStage.Delivery, fetched.Stage);
        Assert.Equal(UnitStatus.Active, fetched.Status);
    }

    [Fact]
    public async Task Get_ReturnsETagAndKebabCaseEnums()
    {
        var (_, programme, _) = await app.CreateTreeAsync();
        var response = await app.Api().GetAsync($"/api/v1/units/{programme.Id}", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);
        var json = await response.ReadJsonAsync();
        Assert.Equal("programme", json.GetProperty("kind").GetString());
        Assert.Equal("ict", json.GetProperty("category").GetString());
        Assert.EndsWith("Z", json.GetProperty("createdAt").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_UnknownUnit_Returns404Problem()
    {
        var response = await app.Api().GetAsync("/api/v1/units/NO-SUCH-UNIT", Ct);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("NO-SUCH-UNIT", (await response.ReadJsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "Enter a name")]
    [InlineData("   ", "Enter a name")]
    [InlineData(null, "Enter a name")]
    public async Task Post_WithBlankName_ReturnsBadRequestNamingName(string? name, string message)
    {
        var response = await app.Api().PostJsonAsync("/api/v1/units", new { code = TestData.NewCode(), name, kind = "portfolio" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await response.FieldErrorsAsync("name"));
    }

    [Fact]
    public async Task Post_With300CharacterName_ReturnsBadRequest()
    {
        var response = await app.Api().PostJsonAsync("/api/v1/units", new { code = TestData.NewCode(), name = new string('x', 300), kind = "portfolio" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Name must be 200 characters or fewer", await response.FieldErrorsAsync("name"));
    }

    [Fact]
    public async Task Post_WithDuplicateCode_ReturnsBadRequestAndWritesNothing()
    {
        var existing = await app.CreateUnitAsync(UnitKind.Portfolio);
        var before = await CountUnitsAsync();
        var response = await app.Api().PostJsonAsync("/api/v1/units", new { code = existing.Code.ToLowerInvariant(), name = "Another", kind = "portfolio" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"A unit with the code {existing.Code} already exists", await response.FieldErrorsAsync("code"));
        Assert.Equal(before, await CountUnitsAsync());
    }

    [Fact]
    public async Task Post_WithEndBeforeStart_ReturnsBadRequest()
    {
        var response = await app.Api().PostJsonAsync("/api/v1/units", new
        {
            code = TestData.NewCode(), name = "Backwards", kind = "portfolio", forecastStart = "2027-01-01", forecastEnd = "2026-12-31",
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Forecast end date must be the same as or after the forecast start date", await response.FieldErrorsAsync("forecastEnd"));
    }

    [Fact]
    public async Task Post_With31February_ReturnsBadRequestNamingTheDate()
    {
        var response = await app.Api().SendRawAsync(HttpMethod.Post, "/api/v1/units",
            $$"""{"code":"{{TestData.NewCode()}}","name":"Leap","kind":"portfolio","baselineStart":"2026-02-31"}""");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Enter a real date in the format YYYY-MM-DD", await response.FieldErrorsAsync("baselineStart"));
    }

    [Fact]
    public async Task Post_WithImplausibleYear_ReturnsBadRequest()
    {
        var response = await app.Api().PostJsonAsync("/api/v1/units", new { code = TestData.NewCode(), name = "Far", kind = "portfolio", baselineEnd = "9999-12-31" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Baseline end date must be between 1900 and 2200", await response.FieldErrorsAsync("baselineEnd"));
    }

    [Fact]
    public async Task Post_WithUnknownParent_ReturnsBadRequest()
    {
        var missing = Guid.NewGuid();
        var response = await app.Api().PostJsonAsync("/api/v1/units", new { code = TestData.NewCode(), name = "Orphan", kind = "project", parentId = missing });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"No unit has the id {missing}", await response.FieldErrorsAsync("parentId"));
    }

    [Fact]
    public async Task Post_ProjectWithoutParent_IsRefused()
    {
        var response = await app.Api().PostJsonAsync("/api/v1/units", new { code = TestData.NewCode(), name = "Loose", kind = "project" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Choose the portfolio or programme this project belongs to", await response.FieldErrorsAsync("parentId"));
    }

    [Fact]
    public async Task Post_WithBadCodeAndUnknownKind_NamesEachField()
    {
        var badCode = await app.Api().PostJsonAsync("/api/v1/units", new { code = "HO PRG 7!", name = "Spaces", kind = "portfolio" });
        Assert.Equal(HttpStatusCode.BadRequest, badCode.StatusCode);
        Assert.Contains("Code must use only capital letters, numbers and single hyphens, such as HO-PRG-007", await badCode.FieldErrorsAsync("code"));

        var badKind = await app.Api().SendRawAsync(HttpMethod.Post, "/api/v1/units", """{"code":"X-1","name":"Odd","kind":"department"}""");
        Assert.Equal(HttpStatusCode.BadRequest, badKind.StatusCode);
        Assert.NotEmpty(await badKind.FieldErrorsAsync("kind"));
    }

    [Fact]
    public async Task Post_WithUnknownField_ReturnsBadRequestNamingIt()
    {
        var response = await app.Api().SendRawAsync(HttpMethod.Post, "/api/v1/units", """{"code":"UF-1","name":"Extra","kind":"portfolio","budget":100}""");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("This field is not part of the request; remove it or check its spelling", await response.FieldErrorsAsync("budget"));
    }

    [Fact]
    public async Task Post_WithMalformedJson_ReturnsBadRequestProblem()
    {
        var response = await app.Api().SendRawAsync(HttpMethod.Post, "/api/v1/units", """{"code":"MJ-1","name":""");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Post_WithWrongContentType_Returns415()
    {
        var response = await app.Api().SendRawAsync(HttpMethod.Post, "/api/v1/units", "code=X&name=Y", "application/x-www-form-urlencoded");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Post_With2MegabyteBody_Returns413AndWritesNothing()
    {
        var before = await CountUnitsAsync();
        var response = await app.Api().SendRawAsync(HttpMethod.Post, "/api/v1/units",
            $$"""{"code":"BIG-1","name":"Big","kind":"portfolio","description":"{{new string('a', 2 * 1024 * 1024)}}"}""");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await CountUnitsAsync());
    }

    [Fact]
    public async Task Put_WithoutIfMatch_Returns428()
    {
        var (portfolio, _, _) = await app.CreateTreeAsync();
        var response = await app.Api().SendJsonAsync(HttpMethod.Put, $"/api/v1/units/{portfolio.Id}", Edit(portfolio), ifMatch: null);
        Assert.Equal((HttpStatusCode)428, response.StatusCode);
    }

    [Fact]
    public async Task Put_WithStaleIfMatch_Returns412AndKeepsTheOtherChange()
    {
        var (portfolio, _, _) = await app.CreateTreeAsync();
        var api = app.Api();
        var first = await api.SendJsonAsync(HttpMethod.Put, $"/api/v1/units/{portfolio.Id}", Edit(portfolio) with { Name = "First writer" }, "\"1\"");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("\"2\"", first.Headers.ETag?.Tag);

        var second = await api.SendJsonAsync(HttpMethod.Put, $"/api/v1/units/{portfolio.Id}", Edit(portfolio) with { Name = "Second writer" }, "\"1\"");
        Assert.Equal(HttpStatusCode.PreconditionFailed, second.StatusCode);
        Assert.Equal("First writer", (await api.GetUnitAsync(portfolio.Code)).Name);
    }

    [Fact]
    public async Task Put_WithIfMatch_UpdatesAndBumpsVersion()
    {
        var (_, programme, _) = await app.CreateTreeAsync();
        var response = await app.Api().SendJsonAsync(HttpMethod.Put, $"/api/v1/units/{programme.Code}",
            Edit(programme) with { Name = "Renamed", Status = UnitStatus.Paused, Stage = LifecycleStage.Closure }, "\"1\"");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var updated = await response.ReadAsync<UnitView>();
        Assert.Equal(("Renamed", UnitStatus.Paused, LifecycleStage.Closure, 2), (updated.Name, updated.Status, updated.Stage, updated.Version));
    }

    [Fact]
    public async Task Move_ThatWouldMakeALoop_IsRefused()
    {
        var (portfolio, programme, _) = await app.CreateTreeAsync();
        var subProgramme = await app.CreateUnitAsync(UnitKind.Programme, programme.Id);
        var response = await app.Api().SendJsonAsync(HttpMethod.Post, $"/api/v1/units/{programme.Id}/move", new { parentId = subProgramme.Id }, "\"1\"");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"{subProgramme.Code} sits under {programme.Code}, so moving {programme.Code} there would make a loop", await response.FieldErrorsAsync("parentId"));
        Assert.Equal(portfolio.Id, (await app.Api().GetUnitAsync(programme.Code)).Parent?.Id);
    }

    [Fact]
    public async Task Move_PortfolioUnderProject_IsRefused()
    {
        var (portfolio, _, project) = await app.CreateTreeAsync();
        var response = await app.Api().SendJsonAsync(HttpMethod.Post, $"/api/v1/units/{portfolio.Id}/move", new { parentId = project.Id }, "\"1\"");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("A project cannot hold other units; choose a portfolio or programme", await response.FieldErrorsAsync("parentId"));
    }

    [Fact]
    public async Task Move_ProjectToAnotherProgramme_Succeeds()
    {
        var (portfolio, _, project) = await app.CreateTreeAsync();
        var other = await app.CreateUnitAsync(UnitKind.Programme, portfolio.Id);
        var response = await app.Api().SendJsonAsync(HttpMethod.Post, $"/api/v1/units/{project.Code}/move", new { parentId = other.Id }, "\"1\"");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(other.Id, (await response.ReadAsync<UnitView>()).Parent?.Id);
    }

    [Fact]
    public async Task Close_WithOpenChildren_Returns409ThenClosesBottomUpAndArchives()
    {
        var (portfolio, programme, project) = await app.CreateTreeAsync();
        var api = app.Api();
        var refused = await api.SendJsonAsync(HttpMethod.Post, $"/api/v1/units/{programme.Id}/close", null, "\"1\"");
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("still holds 1 open unit", (await refused.ReadJsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);

        var archiveOpen = await api.SendJsonAsync(HttpMethod.Post, $"/api/v1/units/{project.Id}/archive", null, "\"1\"");
        Assert.Equal(HttpStatusCode.Conflict, archiveOpen.StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await api.SendJsonAsync(HttpMethod.Post, $"/api/v1/units/{project.Id}/close", null, "\"1\"")).StatusCode);
        var closed = await (await api.SendJsonAsync(HttpMethod.Post, $"/api/v1/units/{programme.Id}/close", null, "\"1\"")).ReadAsync<UnitView>();
        Assert.Equal((UnitStatus.Closed, LifecycleStage.Closed), (closed.Status, closed.Stage));
        Assert.NotNull(closed.ClosedAt);

        Assert.Equal(HttpStatusCode.OK, (await api.SendJsonAsync(HttpMethod.Post, $"/api/v1/units/{project.Id}/archive", null, "\"2\"")).StatusCode);
        var archived = await api.GetUnitAsync(project.Code);
        Assert.Equal(UnitStatus.Archived, archived.Status);

        var editArchived = await api.SendJsonAsync(HttpMethod.Put, $"/api/v1/units/{project.Id}", Edit(project), "\"3\"");
        Assert.Equal(HttpStatusCode.Conflict, editArchived.StatusCode);
        var addUnderClosed = await api.PostJsonAsync("/api/v1/units", new { code = TestData.NewCode(), name = "Late", kind = "project", parentId = programme.Id });
        Assert.Contains($"{programme.Code} is closed; choose an open parent", await addUnderClosed.FieldErrorsAsync("parentId"));
        Assert.Equal(UnitStatus.Active, (await api.GetUnitAsync(portfolio.Code)).Status);
    }

    [Fact]
    public async Task List_FiltersByParentAndPagesWithCursor()
    {
        var (portfolio, programme, project) = await app.CreateTreeAsync();
        var second = await app.CreateUnitAsync(UnitKind.Project, programme.Id);
        var third = await app.CreateUnitAsync(UnitKind.Project, programme.Id);
        var api = app.Api();

        var page1 = await (await api.GetAsync($"/api/v1/units?parent={programme.Code}&limit=2", Ct)).ReadJsonAsync();
        var cursor = page1.GetProperty("nextCursor").GetString();
        Assert.NotNull(cursor);
        var page2 = await (await api.GetAsync($"/api/v1/units?parent={programme.Id}&limit=2&cursor={cursor}", Ct)).ReadJsonAsync();
        Assert.Equal(JsonValueKindNull, page2.GetProperty("nextCursor").ValueKind);

        var codes = page1.GetProperty("items").EnumerateArray().Concat(page2.GetProperty("items").EnumerateArray()).Select(i => i.GetProperty("code").GetString()).ToList();
        Assert.Equal(new[] { project.Code, second.Code, third.Code }.Order(StringComparer.Ordinal), codes);
        Assert.DoesNotContain(portfolio.Code, codes);
    }

    [Fact]
    public async Task List_FiltersByKindStatusAndText_AndSortsByName()
    {
        var (portfolio, _, _) = await app.CreateTreeAsync();
        var marker = Guid.NewGuid().ToString("N")[..10];
        var zulu = await app.CreateUnitAsync(UnitKind.Programme, portfolio.Id, name: $"Zulu {marker}");
        var alpha = await app.CreateUnitAsync(UnitKind.Programme, portfolio.Id, name: $"alpha {marker}");
        await app.CreateUnitAsync(UnitKind.Project, zulu.Id, name: $"Project {marker}");

        var json = await (await app.Api().GetAsync($"/api/v1/units?kind=programme&status=active&q={marker.ToUpperInvariant()}&sort=-name", Ct)).ReadJsonAsync();
        var names = json.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()).ToList();
        Assert.Equal(2, names.Count);
        Assert.Contains(zulu.Name, names);
        Assert.Contains(alpha.Name, names);
    }

    [Theory]
    [InlineData("limit=501", "limit")]
    [InlineData("limit=0", "limit")]
    [InlineData("kind=department", "kind")]
    [InlineData("cursor=not-a-cursor", "cursor")]
    [InlineData("sort=budget", "sort")]
    [InlineData("parent=NO-SUCH-PARENT", "parent")]
    public async Task List_WithBadQuery_ReturnsBadRequestNamingTheParameter(string query, string field)
    {
        var response = await app.Api().GetAsync($"/api/v1/units?{query}", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotEmpty(await response.FieldErrorsAsync(field));
    }

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;

    private static UpdateUnit Edit(DeliveryUnit unit) => new(unit.Code, unit.Name, unit.Category, unit.Stage, unit.Status);

    private Task<int> CountUnitsAsync() => app.WithServicesAsync(sp => sp.GetRequiredService<StewardDbContext>().Units.CountAsync(Ct));
}

public sealed class UnitsApiOnSqlite(SqliteApp app) : UnitsApiTests<SqliteApp>(app);

public sealed class UnitsApiOnPostgres(PostgresApp app) : UnitsApiTests<PostgresApp>(app);
