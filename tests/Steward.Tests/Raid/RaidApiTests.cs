using System.Net;
using System.Text.Json;
using Steward.Features.Raid;
using Steward.Features.Units;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Raid;

public abstract class RaidApiTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : StewardApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RaisingARisk_ScoresIt_GivesAReference_AndRecordsItsHistory()
    {
        var (_, _, project) = await app.CreateTreeAsync();
        var owner = await app.CreatePersonAsync("Priya Shah");
        var response = await app.Api().PostJsonAsync($"/api/v1/units/{project.Code}/risks", new
        {
            title = "Supplier cannot staff the build",
            cause = "A tight market for developers",
            @event = "The supplier misses its staffing plan",
            effect = "Delivery slips by a quarter",
            ownerId = owner.Id,
            likelihood = 4,
            impact = 5,
            targetLikelihood = 2,
            targetImpact = 3,
            response = "reduce",
            nextReviewDate = "2027-01-15",
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var risk = await response.ReadAsync<RiskView>();
        Assert.Matches("^R-[0-9]{4,}$", risk.Reference);
        Assert.Equal(20, risk.Current.Score);
        Assert.Equal(6, risk.Target!.Score);
        Assert.Equal("Priya Shah", risk.Owner.Name);
        Assert.Equal(RiskStatus.Open, risk.Status);
        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);
        Assert.EndsWith($"/api/v1/units/{project.Code}/risks/{risk.Reference}", response.Headers.Location!.OriginalString);

        var fetched = await app.Api().GetAsync($"/api/v1/units/{project.Code}/risks/{risk.Reference.ToLowerInvariant()}", Ct);
        Assert.Equal(HttpStatusCode.OK, fetched.StatusCode);

        var history = await (await app.Api().GetAsync($"/api/v1/units/{project.Code}/risks/{risk.Reference}/history", Ct)).ReadJsonAsync();
        var created = Assert.Single(history.GetProperty("items").EnumerateArray());
        Assert.Equal("created", created.GetProperty("action").GetString());
        Assert.Contains(created.GetProperty("changes").EnumerateArray(), c => c.GetProperty("field").GetString() == "Likelihood");
    }

    [Theory]
    [InlineData("likelihood", 0, "Likelihood must be from 1 to 5, not 0")]
    [InlineData("likelihood", 6, "Likelihood must be from 1 to 5, not 6")]
    [InlineData("impact", 6, "Impact must be from 1 to 5, not 6")]
    public async Task AScoreOffTheScale_IsRefused_AndNothingWritten(string field, int value, string message)
    {
        var (_, _, project) = await app.CreateTreeAsync();
        var owner = await app.CreatePersonAsync();
        var body = new Dictionary<string, object?> { ["title"] = "Off the scale", ["ownerId"] = owner.Id, ["likelihood"] = 3, ["impact"] = 3, [field] = value };
        var response = await app.Api().PostJsonAsync($"/api/v1/units/{project.Code}/risks", body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await response.FieldErrorsAsync(field));
        await AssertNoRisksAsync(project.Code);
    }

    [Fact]
    public async Task AReviewIn1900_AnUnknownOwner_AndAThreatExploited_AreEachNamed()
    {
        var (_, _, project) = await app.CreateTreeAsync();
        var nobody = Guid.NewGuid();
        var response = await app.Api().PostJsonAsync($"/api/v1/units/{project.Code}/risks", new
        {
            title = "Badly filled in", ownerId = nobody, likelihood = 2, impact = 2, nextReviewDate = "1900-01-01", response = "exploit", inherentLikelihood = 4,
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Next review date must be between 2000 and 2200, not 1 January 1900", await response.FieldErrorsAsync("nextReviewDate"));
        Assert.Contains($"No person has the id {nobody}", await response.FieldErrorsAsync("ownerId"));
        Assert.Contains("exploit and enhance are for opportunities", (await response.FieldErrorsAsync("response"))[0], StringComparison.Ordinal);
        Assert.Contains("Give both the inherent likelihood and impact, or neither", await response.FieldErrorsAsync("inherentImpact"));
        await AssertNoRisksAsync(project.Code);
    }

    [Fact]
    public async Task TheRegister_RollsUpEverythingBelow_FiltersSortsAndPages()
    {
        var (portfolio, programme, project) = await app.CreateTreeAsync();
        var sibling = await app.CreateUnitAsync(Steward.Features.Units.UnitKind.Project, programme.Id);
        var (_, _, elsewhere) = await app.CreateTreeAsync();
        var owner = await app.CreatePersonAsync();
        var low = await app.CreateRiskAsync(project.Code, owner.Id, 1, 2);
        var high = await app.CreateRiskAsync(sibling.Code, owner.Id, 5, 4);
        var middle = await app.CreateRiskAsync(programme.Code, owner.Id, 3, 3);
        await app.CreateRiskAsync(elsewhere.Code, owner.Id, 5, 5);

        var all = await ListAsync($"/api/v1/units/{portfolio.Code}/risks");
        Assert.Equal([high.Reference, middle.Reference, low.Reference], all.Select(r => r.GetProperty("reference").GetString()));
        Assert.Equal(sibling.Code, all[0].GetProperty("unit").GetProperty("code").GetString());

        Assert.Equal([low.Reference], (await ListAsync($"/api/v1/units/{project.Code}/risks")).Select(r => r.GetProperty("reference").GetString()));
        Assert.Equal([high.Reference, middle.Reference], (await ListAsync($"/api/v1/units/{portfolio.Code}/risks?minScore=9")).Select(r => r.GetProperty("reference").GetString()));
        Assert.Equal([low.Reference, high.Reference, middle.Reference], (await ListAsync($"/api/v1/units/{portfolio.Code}/risks?sort=reference")).Select(r => r.GetProperty("reference").GetString()));
        Assert.Equal([middle.Reference], (await ListAsync($"/api/v1/units/{portfolio.Code}/risks?likelihood=3&impact=3")).Select(r => r.GetProperty("reference").GetString()));

        var first = await (await app.Api().GetAsync($"/api/v1/units/{portfolio.Code}/risks?limit=2", Ct)).ReadJsonAsync();
        Assert.Equal(2, first.GetProperty("items").GetArrayLength());
        var next = first.GetProperty("nextCursor").GetString();
        var second = await (await app.Api().GetAsync($"/api/v1/units/{portfolio.Code}/risks?limit=2&cursor={next}", Ct)).ReadJsonAsync();
        Assert.Equal(low.Reference, Assert.Single(second.GetProperty("items").EnumerateArray()).GetProperty("reference").GetString());
        Assert.Equal(JsonValueKind.Null, second.GetProperty("nextCursor").ValueKind);

        var badCursor = await app.Api().GetAsync($"/api/v1/units/{portfolio.Code}/risks?cursor=nonsense", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, badCursor.StatusCode);
        Assert.NotEmpty(await badCursor.FieldErrorsAsync("cursor"));
        var badStatus = await app.Api().GetAsync($"/api/v1/units/{portfolio.Code}/risks?status=maybe", Ct);
        Assert.NotEmpty(await badStatus.FieldErrorsAsync("status"));
    }

    [Fact]
    public async Task TheHeatMap_CountsOpenRisksByLikelihoodAndImpact()
    {
        var (portfolio, programme, project) = await app.CreateTreeAsync();
        var owner = await app.CreatePersonAsync();
        await app.CreateRiskAsync(project.Code, owner.Id, 4, 5);
        await app.CreateRiskAsync(project.Code, owner.Id, 4, 5);
        await app.CreateRiskAsync(programme.Code, owner.Id, 1, 1);
        var closed = await app.CreateRiskAsync(project.Code, owner.Id, 2, 2);
        var close = await app.Api().SendJsonAsync(HttpMethod.Post, $"/api/v1/units/{project.Code}/risks/{closed.Reference}/close", new { reason = "Checked at the RAID review" }, "\"1\"");
        Assert.Equal(HttpStatusCode.OK, close.StatusCode);

        var map = await (await app.Api().GetAsync($"/api/v1/units/{portfolio.Code}/risks/heat-map", Ct)).ReadAsync<HeatMap>();
        Assert.Equal(25, map.Cells.Count);
        Assert.Equal(3, map.Total);
        Assert.Equal(2, map.Count(4, 5));
        Assert.Equal(1, map.Count(1, 1));
        Assert.Equal(0, map.Count(2, 2));

        var withClosed = await (await app.Api().GetAsync($"/api/v1/units/{portfolio.Code}/risks/heat-map?status=all", Ct)).ReadAsync<HeatMap>();
        Assert.Equal(1, withClosed.Count(2, 2));
    }

    [Fact]
    public async Task RealisingARisk_RaisesTheLinkedIssue_Once()
    {
        var (_, _, project) = await app.CreateTreeAsync();
        var owner = await app.CreatePersonAsync();
        var risk = await app.CreateRiskAsync(project.Code, owner.Id, 4, 4, "Data centre exit slips");

        var stale = await app.Api().SendJsonAsync(HttpMethod.Post, $"/api/v1/units/{project.Code}/risks/{risk.Reference}/realise", new { reason = "Checked at the RAID review" }, "\"7\"");
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);

        var realised = await app.Api().SendJsonAsync(HttpMethod.Post, $"/api/v1/units/{project.Code}/risks/{risk.Reference}/realise", new { reason = "Checked at the RAID review" }, "\"1\"");
        Assert.Equal(HttpStatusCode.Created, realised.StatusCode);
        var issue = await realised.ReadAsync<IssueView>();
        Assert.Equal(risk.Reference, issue.FromRisk);
        Assert.Equal("Data centre exit slips", issue.Title);
        Assert.Equal(IssuePriority.High, issue.Priority);
        Assert.Equal(owner.Id, issue.Owner.Id);

        var after = await (await app.Api().GetAsync($"/api/v1/units/{project.Code}/risks/{risk.Reference}", Ct)).ReadAsync<RiskView>();
        Assert.Equal(RiskStatus.Realised, after.Status);
        Assert.Equal(issue.Reference, after.RealisedIssue);

        var again = await app.Api().SendJsonAsync(HttpMethod.Post, $"/api/v1/units/{project.Code}/risks/{risk.Reference}/realise", new { reason = "Checked at the RAID review" }, $"\"{after.Version}\"");
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var issues = await ListAsync($"/api/v1/units/{project.Code}/issues");
        Assert.Equal([issue.Reference], issues.Select(i => i.GetProperty("reference").GetString()));
    }

    // Realising a risk numbers its issue inside a transaction; people raising issues at the same moment
    // must neither fail it nor take its number, and a retried number is recorded once.
    [Fact]
    public async Task IssuesRaisedWhileRisksAreRealised_AllGetTheirOwnNumber_AndOneCreatedEvent()
    {
        var (_, _, project) = await app.CreateTreeAsync();
        var owner = await app.CreatePersonAsync();
        var risks = new List<Risk>();
        for (var i = 0; i < 6; i++)
        {
            risks.Add(await app.CreateRiskAsync(project.Code, owner.Id, 4, 4, $"Racing risk {i}"));
        }

        var realising = risks.Select(r => app.Api().SendJsonAsync(HttpMethod.Post, $"/api/v1/units/{project.Code}/risks/{r.Reference}/realise", new { reason = "Checked at the RAID review" }, "\"1\""));
        var raising = Enumerable.Range(0, 6).Select(i => app.Api().PostJsonAsync($"/api/v1/units/{project.Code}/issues", new { title = $"Racing issue {i}", ownerId = owner.Id, priority = "high" }));
        var responses = await Task.WhenAll(realising.Concat(raising));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var issues = await Task.WhenAll(responses.Select(r => r.ReadAsync<IssueView>()));
        Assert.Equal(12, issues.Select(i => i.Reference).Distinct().Count());
        foreach (var issue in issues)
        {
            var history = await (await app.Api().GetAsync($"/api/v1/units/{project.Code}/issues/{issue.Reference}/history", Ct)).ReadJsonAsync();
            var created = Assert.Single(history.GetProperty("items").EnumerateArray(), e => e.GetProperty("action").GetString() == "created");
            Assert.Contains(created.GetProperty("changes").EnumerateArray(), c => c.GetProperty("field").GetString() == "Number" && c.GetProperty("to").GetString() == issue.Reference[2..].TrimStart('0'));
        }
    }

    // Portfolio and programme registers read their score order from roll-up keys copied from the tree;
    // a move must carry them, including when a sub-portfolio becomes top level.
    [Fact]
    public async Task RegistersAboveAMovedUnit_FollowTheMove_InScoreOrder()
    {
        var (portfolio, programme, project) = await app.CreateTreeAsync();
        var owner = await app.CreatePersonAsync();
        var low = await app.CreateRiskAsync(project.Code, owner.Id, 2, 3, "Low on the project");
        var high = await app.CreateRiskAsync(project.Code, owner.Id, 5, 4, "High on the project");
        var onProgramme = await app.CreateRiskAsync(programme.Code, owner.Id, 4, 4, "On the programme");
        var onPortfolio = await app.CreateRiskAsync(portfolio.Code, owner.Id, 3, 3, "On the portfolio");
        var other = await app.CreateUnitAsync(UnitKind.Portfolio);
        var subPortfolio = await app.CreateUnitAsync(UnitKind.Portfolio, other.Id);

        Assert.Equal([high.Reference, onProgramme.Reference, onPortfolio.Reference, low.Reference], await ReferencesAsync(portfolio.Code));
        Assert.Equal([high.Reference, onProgramme.Reference, low.Reference], await ReferencesAsync(programme.Code));
        Assert.Equal([high.Reference], await ReferencesAsync(portfolio.Code, "&minScore=20"));

        await MoveAsync(programme.Code, subPortfolio.Id);
        Assert.Equal([onPortfolio.Reference], await ReferencesAsync(portfolio.Code));
        Assert.Equal([high.Reference, onProgramme.Reference, low.Reference], await ReferencesAsync(other.Code));
        Assert.Equal([high.Reference, onProgramme.Reference, low.Reference], await ReferencesAsync(subPortfolio.Code));
        Assert.Equal([high.Reference, onProgramme.Reference, low.Reference], await ReferencesAsync(programme.Code));

        // The sub-portfolio goes to the top: its programme is now second level.
        await MoveAsync(subPortfolio.Code, null);
        Assert.Empty(await ReferencesAsync(other.Code));
        Assert.Equal([high.Reference, onProgramme.Reference, low.Reference], await ReferencesAsync(subPortfolio.Code));
        Assert.Equal([high.Reference, onProgramme.Reference, low.Reference], await ReferencesAsync(programme.Code));
        Assert.Equal([high.Reference, low.Reference], await ReferencesAsync(project.Code));
    }

    private async Task<List<string?>> ReferencesAsync(string unitCode, string query = "") =>
        (await ListAsync($"/api/v1/units/{unitCode}/risks?status=open{query}")).Select(r => r.GetProperty("reference").GetString()).ToList();

    private async Task MoveAsync(string unitCode, Guid? parentId)
    {
        var unit = await app.Api().GetUnitAsync(unitCode);
        var moved = await app.Api().SendJsonAsync(HttpMethod.Post, $"/api/v1/units/{unitCode}/move", new { parentId }, $"\"{unit.Version}\"");
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
    }

    [Fact]
    public async Task AnIssue_IsClosedOnlyOnceItsResolutionIsRecorded()
    {
        var (_, _, project) = await app.CreateTreeAsync();
        var owner = await app.CreatePersonAsync();
        var raised = await app.Api().PostJsonAsync($"/api/v1/units/{project.Code}/issues", new { title = "Test environment down", ownerId = owner.Id, priority = "critical" });
        Assert.Equal(HttpStatusCode.Created, raised.StatusCode);
        var issue = await raised.ReadAsync<IssueView>();
        Assert.Matches("^I-[0-9]{4,}$", issue.Reference);

        var early = await app.Api().SendJsonAsync(HttpMethod.Post, $"/api/v1/units/{project.Code}/issues/{issue.Reference}/close", new { reason = "Checked at the RAID review" }, "\"1\"");
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        Assert.Contains($"Record how {issue.Reference} was resolved before closing it", await early.FieldErrorsAsync("resolution"));

        var resolved = await app.Api().SendJsonAsync(HttpMethod.Put, $"/api/v1/units/{project.Code}/issues/{issue.Reference}",
            new { title = "Test environment down", ownerId = owner.Id, priority = "critical", status = "resolved", resolution = "Rebuilt from the template" }, "\"1\"");
        Assert.Equal(HttpStatusCode.OK, resolved.StatusCode);
        var closed = await app.Api().SendJsonAsync(HttpMethod.Post, $"/api/v1/units/{project.Code}/issues/{issue.Reference}/close", new { reason = "Checked at the RAID review" }, "\"2\"");
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        Assert.Equal(IssueStatus.Closed, (await closed.ReadAsync<IssueView>()).Status);
        Assert.Empty(await ListAsync($"/api/v1/units/{project.Code}/issues"));
        Assert.Single(await ListAsync($"/api/v1/units/{project.Code}/issues?status=all"));
    }

    [Fact]
    public async Task AnItemIsFoundOnlyUnderItsOwnUnit_AndAStaleEditIsRefused()
    {
        var (_, programme, project) = await app.CreateTreeAsync();
        var owner = await app.CreatePersonAsync();
        var risk = await app.CreateRiskAsync(project.Code, owner.Id);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Api().GetAsync($"/api/v1/units/{programme.Code}/risks/{risk.Reference}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Api().GetAsync($"/api/v1/units/{project.Code}/risks/not-a-reference", Ct)).StatusCode);

        var body = new { title = "Renamed", ownerId = owner.Id, likelihood = 2, impact = 2 };
        var url = $"/api/v1/units/{project.Code}/risks/{risk.Reference}";
        Assert.Equal(HttpStatusCode.PreconditionRequired, (await app.Api().SendJsonAsync(HttpMethod.Put, url, body, null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.Api().SendJsonAsync(HttpMethod.Put, url, body, "\"1\"")).StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await app.Api().SendJsonAsync(HttpMethod.Put, url, body with { title = "Lost" }, "\"1\"")).StatusCode);
        Assert.Equal("Renamed", (await (await app.Api().GetAsync(url, Ct)).ReadAsync<RiskView>()).Title);
    }

    [Fact]
    public async Task AViewer_ReadsTheRegister_ButCannotRaise()
    {
        var (_, programme, project) = await app.CreateTreeAsync();
        var owner = await app.CreatePersonAsync();
        await app.CreateRiskAsync(project.Code, owner.Id);
        var viewer = app.Api(await app.CreateTokenAsync(await app.AddAccountWithRoleAsync(Steward.Features.Access.StewardRole.Viewer, programme.Code)));
        Assert.Single(await ListAsync($"/api/v1/units/{programme.Code}/risks", viewer));
        var refused = await viewer.PostJsonAsync($"/api/v1/units/{project.Code}/risks", new { title = "Not mine to raise", ownerId = owner.Id, likelihood = 1, impact = 1 });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task AnArchivedUnitsLog_IsKeptButNoLongerChanged()
    {
        var (portfolio, _, project) = await app.CreateTreeAsync();
        var owner = await app.CreatePersonAsync();
        var risk = await app.CreateRiskAsync(project.Code, owner.Id);
        var close = await app.Api().SendJsonAsync(HttpMethod.Post, $"/api/v1/units/{project.Code}/risks/{risk.Reference}/close", new { reason = "Checked at the RAID review" }, "\"1\"");
        Assert.Equal(HttpStatusCode.OK, close.StatusCode);
        foreach (var step in new[] { "close", "archive" })
        {
            var unit = await app.Api().GetUnitAsync(project.Code);
            Assert.True((await app.Api().SendJsonAsync(HttpMethod.Post, $"/api/v1/units/{project.Code}/{step}", null, $"\"{unit.Version}\"")).IsSuccessStatusCode);
        }

        var raise = await app.Api().PostJsonAsync($"/api/v1/units/{project.Code}/risks", new { title = "Too late", ownerId = owner.Id, likelihood = 1, impact = 1 });
        Assert.Equal(HttpStatusCode.Conflict, raise.StatusCode);
        var edit = await app.Api().SendJsonAsync(HttpMethod.Put, $"/api/v1/units/{project.Code}/risks/{risk.Reference}",
            new { title = "Rewritten after the fact", ownerId = owner.Id, likelihood = 1, impact = 1 }, "\"2\"");
        Assert.Equal(HttpStatusCode.Conflict, edit.StatusCode);
        Assert.Single(await ListAsync($"/api/v1/units/{project.Code}/risks?status=all"));
        Assert.Single(await ListAsync($"/api/v1/units/{portfolio.Code}/risks?status=all"));
    }

    private async Task<List<JsonElement>> ListAsync(string url, HttpClient? client = null)
    {
        var response = await (client ?? app.Api()).GetAsync(url, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.ReadJsonAsync()).GetProperty("items").EnumerateArray().ToList();
    }

    private async Task AssertNoRisksAsync(string unitCode) => Assert.Empty(await ListAsync($"/api/v1/units/{unitCode}/risks?status=all"));
}

public sealed class RaidApiOnSqlite(SqliteApp app) : RaidApiTests<SqliteApp>(app);

public sealed class RaidApiOnPostgres(PostgresApp app) : RaidApiTests<PostgresApp>(app);
