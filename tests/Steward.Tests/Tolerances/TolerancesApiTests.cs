using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Steward.Data;
using Steward.Features.Access;
using Steward.Features.Raid;
using Steward.Features.Tolerances;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Tolerances;

public abstract class TolerancesApiTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : StewardApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AUnitHoldsWhatItSets_AndInheritsEachSideItDoesNot_WithWhereEachIsSet()
    {
        var (_, programme, project) = await app.CreateTreeAsync();
        await SetAsync(programme.Code, new { time = new { over = 20, under = 5 }, cost = new { over = 5, under = 5 } });
        await SetAsync(project.Code, new { time = new { over = 10, under = (decimal?)null } });

        var view = await (await app.Api().GetAsync($"/api/v1/units/{project.Code}/tolerances", Ct)).ReadAsync<UnitTolerancesView>();
        var time = view[ToleranceDimension.Time];
        Assert.Equal((10m, project.Code, (decimal?)null), (time.EffectiveOver!.Value, time.OverSetAt!.Code, time.Under));
        Assert.Equal((5m, programme.Code), (time.EffectiveUnder!.Value, time.UnderSetAt!.Code));
        Assert.Equal(programme.Code, view[ToleranceDimension.Cost].OverSetAt!.Code);
        Assert.Null(view[ToleranceDimension.Benefits].EffectiveUnder);

        // Twelve working days late is beyond the project's ten, within the programme's twenty.
        var late = await (await app.Api().GetAsync($"/api/v1/units/{project.Code}/tolerances/time/evaluation?value=12", Ct)).ReadAsync<ToleranceEvaluation>();
        Assert.True(late.Breached);
        Assert.Equal((2m, project.Code, programme.Code), (late.By!.Value, late.LimitSetAt!.Code, late.HeldAt!.Code));
        Assert.Equal([true, false], late.Steps.Select(s => s.Breached));

        var early = await (await app.Api().GetAsync($"/api/v1/units/{project.Code}/tolerances/time/evaluation?value=-7", Ct)).ReadAsync<ToleranceEvaluation>();
        Assert.Equal((ToleranceSide.Under, 2m, programme.Code), (early.Side, early.By!.Value, early.LimitSetAt!.Code));
    }

    [Fact]
    public async Task BadInput_NamesTheFieldAndReason_AndChangesNothing()
    {
        var (_, programme, _) = await app.CreateTreeAsync();
        var url = $"/api/v1/units/{programme.Code}/tolerances";
        await SetAsync(programme.Code, new { cost = new { over = 5, under = 5 } });

        var bad = await app.Api().SendJsonAsync(HttpMethod.Put, url, new { cost = new { over = -1 }, time = new { over = 2.5 }, quality = new { over = 1, under = 3 } }, "\"1\"");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("Cost tolerance above plan must be from 0 to 1000 (% of budget), not -1", await bad.FieldErrorsAsync("cost.over"));
        Assert.Contains("Time tolerance above plan must be a whole number (working days), not 2.5", await bad.FieldErrorsAsync("time.over"));
        Assert.Contains("Quality has no tolerance below plan: leave it blank", await bad.FieldErrorsAsync("quality.under"));

        var noValue = await app.Api().GetAsync($"{url}/cost/evaluation", Ct);
        Assert.Contains("Give the value to evaluate (value=...)", await noValue.FieldErrorsAsync("value"));
        var noSuch = await app.Api().GetAsync($"{url}/colour/evaluation?value=1", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, noSuch.StatusCode);

        Assert.Equal(HttpStatusCode.PreconditionRequired, (await app.Api().SendJsonAsync(HttpMethod.Put, url, new { cost = new { over = 6 } }, null)).StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await app.Api().SendJsonAsync(HttpMethod.Put, url, new { cost = new { over = 6 } }, "\"7\"")).StatusCode);
        var view = await (await app.Api().GetAsync(url, Ct)).ReadAsync<UnitTolerancesView>();
        Assert.Equal((5m, 5m, 1), (view[ToleranceDimension.Cost].Over!.Value, view[ToleranceDimension.Cost].Under!.Value, view.Version!.Value));
    }

    [Fact]
    public async Task EachDimension_IsSetByThoseWhoApproveInItsArea_AndNotOnceTheUnitIsClosed()
    {
        var (_, programme, project) = await app.CreateTreeAsync();
        var url = $"/api/v1/units/{programme.Code}/tolerances";
        var riskManager = app.Api(await app.CreateTokenAsync(await app.AddAccountWithRoleAsync(StewardRole.RiskAndIssuesManager, programme.Code)));
        var financeManager = app.Api(await app.CreateTokenAsync(await app.AddAccountWithRoleAsync(StewardRole.FinanceAndBusinessCaseManager, programme.Code)));
        Assert.Equal(HttpStatusCode.Forbidden, (await riskManager.SendJsonAsync(HttpMethod.Put, url, new { cost = new { over = 5 } }, null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await financeManager.SendJsonAsync(HttpMethod.Put, url, new { cost = new { over = 5 } }, null)).StatusCode);
        // The risk manager sets RAID's through the register, which is the same record.
        var raid = await riskManager.SendJsonAsync(HttpMethod.Put, $"/api/v1/units/{programme.Code}/raid-tolerances", new { riskScore = 12, issuePriority = "high", dependencyLateDays = 4 }, null);
        Assert.Equal(HttpStatusCode.OK, raid.StatusCode);
        var view = await (await app.Api().GetAsync(url, Ct)).ReadAsync<UnitTolerancesView>();
        Assert.Equal((11m, 2m, 4m), (view[ToleranceDimension.Risk].Over!.Value, view[ToleranceDimension.Issues].Over!.Value, view[ToleranceDimension.Dependencies].Over!.Value));

        var unit = await app.Api().GetUnitAsync(project.Code);
        Assert.Equal(HttpStatusCode.OK, (await app.Api().SendJsonAsync(HttpMethod.Post, $"/api/v1/units/{project.Code}/close", null, $"\"{unit.Version}\"")).StatusCode);
        var closed = await app.Api().SendJsonAsync(HttpMethod.Put, $"/api/v1/units/{project.Code}/tolerances", new { time = new { over = 3 } }, null);
        Assert.Equal(HttpStatusCode.Conflict, closed.StatusCode);
    }

    // RAID escalation is one use of the engine: a risk limit set here moves the risks below, and the
    // register's own view of its tolerances reads the same record.
    [Fact]
    public async Task ARiskLimitSetHere_PlacesTheRisksBelowAgain_AndIsRecordedInHistory()
    {
        var (_, programme, project) = await app.CreateTreeAsync();
        var owner = await app.CreatePersonAsync();
        var risk = await app.CreateRiskAsync(project.Code, owner.Id, 4, 4);
        await SetAsync(project.Code, new { risk = new { over = 16 } });
        Assert.Null((await RiskAsync(project.Code, risk.Reference)).Escalation);

        await SetAsync(project.Code, new { risk = new { over = 11 } }, "\"1\"");
        Assert.Equal(programme.Code, (await RiskAsync(project.Code, risk.Reference)).Escalation!.To.Code);
        var raidView = await (await app.Api().GetAsync($"/api/v1/units/{project.Code}/raid-tolerances", Ct)).ReadAsync<ToleranceView>();
        Assert.Equal((12, 2), (raidView.RiskScore!.Value, raidView.Version!.Value));

        var changes = await app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<StewardDbContext>();
            var id = await db.Tolerances.Where(t => t.UnitId == project.Id).Select(t => t.Id).SingleAsync(Ct);
            return await db.History.Where(h => h.RecordId == id).OrderBy(h => h.Id).Select(h => h.Changes).ToListAsync(Ct);
        });
        Assert.Equal(2, changes.Count);
        Assert.Contains("RiskOver", changes[1], StringComparison.Ordinal);
    }

    private async Task SetAsync(string unitCode, object body, string? ifMatch = null)
    {
        var response = await app.Api().SendJsonAsync(HttpMethod.Put, $"/api/v1/units/{unitCode}/tolerances", body, ifMatch);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
    }

    private async Task<RiskView> RiskAsync(string unitCode, string reference) =>
        await (await app.Api().GetAsync($"/api/v1/units/{unitCode}/risks/{reference}", Ct)).ReadAsync<RiskView>();
}

public sealed class TolerancesApiOnSqlite(SqliteApp app) : TolerancesApiTests<SqliteApp>(app);

public sealed class TolerancesApiOnPostgres(PostgresApp app) : TolerancesApiTests<PostgresApp>(app);
