using System.Net;
using System.Text.Json;
using Steward.Features.Raid;
using Steward.Features.Tolerances;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Raid;

public abstract class EscalationTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : StewardApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // The project holds risks below 12 and the programme below 20. A 12 goes to the programme; a 20
    // is outside the programme's tolerance too and goes on to the portfolio.
    [Fact]
    public async Task ByTolerance_ARiskGoesUpOneOrTwoLevels_AndComesBackWhenRescored()
    {
        var (portfolio, programme, project) = await app.CreateTreeAsync();
        var owner = await app.CreatePersonAsync();
        await SetTolerancesAsync(programme.Code, new { riskScore = 20, issuePriority = "critical" });
        await SetTolerancesAsync(project.Code, new { riskScore = 12 });

        var small = await app.CreateRiskAsync(project.Code, owner.Id, 2, 3);
        var middling = await app.CreateRiskAsync(project.Code, owner.Id, 3, 4);
        var severe = await app.CreateRiskAsync(project.Code, owner.Id, 4, 5);

        Assert.Null((await GetRiskAsync(project.Code, small.Reference)).Escalation);
        Assert.Equal(programme.Code, (await GetRiskAsync(project.Code, middling.Reference)).Escalation!.To.Code);
        var top = (await GetRiskAsync(project.Code, severe.Reference)).Escalation!;
        Assert.Equal(portfolio.Code, top.To.Code);
        Assert.False(top.ByHand);

        Assert.Equal([middling.Reference], await ReferencesAsync($"/api/v1/units/{programme.Code}/risks?escalated=true"));
        Assert.Equal([severe.Reference], await ReferencesAsync($"/api/v1/units/{portfolio.Code}/risks?escalated=true"));

        // Rescored below the programme's line, it goes back to its project.
        var rescored = await app.Api().SendJsonAsync(HttpMethod.Put, $"/api/v1/units/{project.Code}/risks/{middling.Reference}",
            new { title = middling.Title, ownerId = owner.Id, likelihood = 2, impact = 4 }, "\"1\"");
        Assert.Equal(HttpStatusCode.OK, rescored.StatusCode);
        Assert.Null((await rescored.ReadAsync<RiskView>()).Escalation);

        var history = await (await app.Api().GetAsync($"/api/v1/units/{project.Code}/risks/{middling.Reference}/history", Ct)).ReadJsonAsync();
        Assert.Contains(history.GetProperty("items").EnumerateArray().SelectMany(e => e.GetProperty("changes").EnumerateArray()),
            c => c.GetProperty("field").GetString() == "EscalatedToId");
    }

    // A unit that sets no tolerance holds what the unit above it holds, so an item outside an inherited
    // tolerance goes up to the first unit that can hold it, or to the top of the tree.
    [Fact]
    public async Task ChangingATolerance_PlacesEveryItemBelowAgain_AndCriticalIssuesEscalate()
    {
        var (portfolio, programme, project) = await app.CreateTreeAsync();
        var owner = await app.CreatePersonAsync();
        var risk = await app.CreateRiskAsync(project.Code, owner.Id, 4, 4);
        var issue = await app.CreateIssueAsync(project.Code, owner.Id, IssuePriority.Critical);
        Assert.Null((await GetRiskAsync(project.Code, risk.Reference)).Escalation);

        await SetTolerancesAsync(programme.Code, new { riskScore = 15, issuePriority = "critical" });
        Assert.Equal(portfolio.Code, (await GetRiskAsync(project.Code, risk.Reference)).Escalation!.To.Code);
        await SetTolerancesAsync(portfolio.Code, new { riskScore = 25 });
        Assert.Equal(portfolio.Code, (await GetRiskAsync(project.Code, risk.Reference)).Escalation!.To.Code);
        var escalatedIssue = await (await app.Api().GetAsync($"/api/v1/units/{project.Code}/issues/{issue.Reference}", Ct)).ReadAsync<IssueView>();
        Assert.Equal(portfolio.Code, escalatedIssue.Escalation!.To.Code);
        await SetTolerancesAsync(project.Code, new { riskScore = 10 });
        await SetTolerancesAsync(programme.Code, new { riskScore = 20, issuePriority = "critical" }, "\"1\"");
        Assert.Equal(programme.Code, (await GetRiskAsync(project.Code, risk.Reference)).Escalation!.To.Code);

        var tolerances = await (await app.Api().GetAsync($"/api/v1/units/{project.Code}/raid-tolerances", Ct)).ReadAsync<ToleranceView>();
        Assert.Equal(10, tolerances.RiskScore);
        Assert.Null(tolerances.IssuePriority);
        Assert.Equal(IssuePriority.Critical, tolerances.Effective.IssuePriority);

        var stale = await app.Api().SendJsonAsync(HttpMethod.Put, $"/api/v1/units/{programme.Code}/raid-tolerances", new { riskScore = 20 }, "\"9\"");
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        var bad = await app.Api().SendJsonAsync(HttpMethod.Put, $"/api/v1/units/{programme.Code}/raid-tolerances", new { riskScore = 26 }, "\"2\"");
        Assert.Contains("A risk score tolerance must be from 1 to 25 (likelihood × impact), not 26", await bad.FieldErrorsAsync("riskScore"));
    }

    [Fact]
    public async Task ByHand_ARiskIsEscalatedTwoLevelsWithReasons_AndHandedBack()
    {
        var (portfolio, programme, project) = await app.CreateTreeAsync();
        var owner = await app.CreatePersonAsync();
        var risk = await app.CreateRiskAsync(project.Code, owner.Id, 2, 2);
        var url = $"/api/v1/units/{project.Code}/risks/{risk.Reference}";

        var noReason = await app.Api().SendJsonAsync(HttpMethod.Post, $"{url}/escalate", new { reason = " " }, "\"1\"");
        Assert.Contains("Say why it is being escalated", await noReason.FieldErrorsAsync("reason"));

        var once = await app.Api().SendJsonAsync(HttpMethod.Post, $"{url}/escalate", new { reason = "Needs a programme decision on funding" }, "\"1\"");
        Assert.Equal(HttpStatusCode.OK, once.StatusCode);
        var twice = await app.Api().SendJsonAsync(HttpMethod.Post, $"{url}/escalate", new { reason = "Crosses portfolios" }, "\"2\"");
        var escalation = (await twice.ReadAsync<RiskView>()).Escalation!;
        Assert.Equal(portfolio.Code, escalation.To.Code);
        Assert.True(escalation.ByHand);
        Assert.Equal("Crosses portfolios", escalation.Reason);

        // A project manager may not hand back what the portfolio now holds.
        var manager = app.Api(await app.CreateTokenAsync(await app.AddAccountWithRoleAsync(Steward.Features.Access.StewardRole.ProgrammeOrProjectManager, project.Code)));
        var refused = await manager.SendJsonAsync(HttpMethod.Post, $"{url}/de-escalate", new { reason = "Not yours" }, "\"3\"");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        var back = await app.Api().SendJsonAsync(HttpMethod.Post, $"{url}/de-escalate", new { reason = "Portfolio board agreed the programme can hold it" }, "\"3\"");
        Assert.Equal(programme.Code, (await back.ReadAsync<RiskView>()).Escalation!.To.Code);
        var home = await app.Api().SendJsonAsync(HttpMethod.Post, $"{url}/de-escalate", new { reason = "Mitigated" }, "\"4\"");
        Assert.Null((await home.ReadAsync<RiskView>()).Escalation);
        var nothing = await app.Api().SendJsonAsync(HttpMethod.Post, $"{url}/de-escalate", new { reason = "Again" }, "\"5\"");
        Assert.Equal(HttpStatusCode.Conflict, nothing.StatusCode);

        var top = await app.Api().PostJsonAsync($"/api/v1/units/{portfolio.Code}/risks", new { title = "Portfolio-wide", ownerId = owner.Id, likelihood = 1, impact = 1 });
        var topRisk = await top.ReadAsync<RiskView>();
        var nowhere = await app.Api().SendJsonAsync(HttpMethod.Post, $"/api/v1/units/{portfolio.Code}/risks/{topRisk.Reference}/escalate", new { reason = "Up" }, "\"1\"");
        Assert.Equal(HttpStatusCode.Conflict, nowhere.StatusCode);
    }

    [Fact]
    public void TheRule_StopsAtTheFirstLevelThatCanHoldIt()
    {
        var project = Guid.NewGuid();
        var programme = Guid.NewGuid();
        var portfolio = Guid.NewGuid();
        var own = new Dictionary<Guid, UnitTolerances>
        {
            [project] = new() { UnitId = project, RiskOver = 9 },
            [programme] = new() { UnitId = programme, RiskOver = 19 },
            [portfolio] = new() { UnitId = portfolio, RiskOver = 4 },
        };
        var chain = new ToleranceLadder([portfolio, programme, project], own).For(ToleranceDimension.Risk);
        Assert.Null(chain.EscalatesTo(8));
        Assert.Equal(programme, chain.EscalatesTo(12));
        Assert.Equal(portfolio, chain.EscalatesTo(25));
        Assert.Null(new ToleranceLadder([project], new Dictionary<Guid, UnitTolerances>()).For(ToleranceDimension.Risk).EscalatesTo(25));
    }

    private async Task SetTolerancesAsync(string unitCode, object body, string? ifMatch = null)
    {
        var response = await app.Api().SendJsonAsync(HttpMethod.Put, $"/api/v1/units/{unitCode}/raid-tolerances", body, ifMatch);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<RiskView> GetRiskAsync(string unitCode, string reference) =>
        await (await app.Api().GetAsync($"/api/v1/units/{unitCode}/risks/{reference}", Ct)).ReadAsync<RiskView>();

    private async Task<List<string?>> ReferencesAsync(string url) =>
        (await (await app.Api().GetAsync(url, Ct)).ReadJsonAsync()).GetProperty("items").EnumerateArray()
            .Select(r => r.GetProperty("reference").GetString()).ToList();
}

public sealed class EscalationOnSqlite(SqliteApp app) : EscalationTests<SqliteApp>(app);

public sealed class EscalationOnPostgres(PostgresApp app) : EscalationTests<PostgresApp>(app);
