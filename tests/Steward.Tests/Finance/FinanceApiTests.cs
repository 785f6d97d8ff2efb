using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Steward.Data;
using Steward.Features.Access;
using Steward.Features.Finance;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Finance;

// Money through the API on both databases. Years are counted from today's financial year, so every month
// of next year is still to come and every month of last year has ended, whenever the tests run.
public abstract class FinanceApiTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : StewardApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly FinancialYear ThisYear = FinancialYear.Of(DateOnly.FromDateTime(DateTime.UtcNow));
    private static readonly FinancialYear NextYear = ThisYear.Next;
    private static readonly FinancialYear LastYear = new(ThisYear.Start - 1);

    [Fact]
    public async Task MoneyRollsUpThroughThreeLevels_AndMatchesARecomputationFromTheLines()
    {
        var (portfolio, programme, project) = await app.CreateTreeAsync();
        var decision = await DecisionAsync(portfolio.Code);
        var version = await BaselineAsync(project.Code, decision, null, Line("cdel", NextYear, ("P1", "1000"), ("P2", "£2k")), Line("rdel-programme", NextYear, ("P3", "500.50")));
        var programmeVersion = await BaselineAsync(programme.Code, decision, null, Line("rdel-administration", NextYear, ("P12", "300")));
        await ChangeAsync(programme.Code, "forecast", programmeVersion, true, Line("rdel-administration", NextYear, ("P12", "300")));
        version = await ChangeAsync(project.Code, "forecast", version, true, Line("cdel", NextYear, ("P1", "1100"), ("P2", "2000")), Line("rdel-programme", NextYear, ("P3", "500.50")));
        await ChangeAsync(project.Code, "actuals", version, false, Line("cdel", LastYear, ("P6", "(250.25)"), ("P7", "750")));

        var top = await ViewAsync(portfolio.Code, NextYear);
        Assert.Equal((3800.50m, 3900.50m, 0m), (top.YearPosition.Budget.Pounds, top.YearPosition.Forecast.Pounds, top.YearPosition.Actuals.Pounds));
        Assert.Equal((100m, 2.6m), (top.YearPosition.Variance.Pounds, top.YearPosition.VariancePercent!.Value));
        // Whole life: last year's actuals are outturn (the forecast had nothing for those months).
        Assert.Equal((3800.50m, 3900.50m + 499.75m, 499.75m), (top.WholeLife.Budget.Pounds, top.WholeLife.Forecast.Pounds, top.WholeLife.Actuals.Pounds));
        var below = Assert.Single(top.Below);
        Assert.Equal((programme.Code, 3800.50m, 3900.50m), (below.Unit.Code, below.Year.Budget.Pounds, below.Year.Forecast.Pounds));
        var middle = await ViewAsync(programme.Code, NextYear);
        Assert.Equal(top.YearPosition, middle.YearPosition);
        Assert.Equal((project.Code, 3500.50m), (middle.Below.Single().Unit.Code, middle.Below.Single().Year.Budget.Pounds));
        Assert.Equal(2, (await ViewAsync(project.Code, NextYear)).Lines.Count(l => l.Layer == "forecast"));

        // The roll-up is the sum of the lines, recomputed here one line at a time.
        var recomputed = await app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<StewardDbContext>();
            var ids = new[] { portfolio.Id, programme.Id, project.Id };
            var lines = await db.FinanceLines.Where(l => ids.Contains(l.UnitId) && l.Current && l.Year == NextYear.Start).ToListAsync(Ct);
            return lines.Where(l => l.Layer == FinanceLayer.Budget).Sum(l => l.Total);
        });
        Assert.Equal(recomputed, top.YearPosition.Budget.Pence);

        var phasing = top.Phasing.Single(p => p.Year == NextYear.ToString());
        Assert.Equal(3000m, phasing.Categories.Single(c => c.Category == SpendingCategory.Cdel).Position.Budget.Pounds);
        Assert.Equal(top.WholeLife.Budget, top.Curve[^1].Budget);
        Assert.Equal(top.WholeLife.Forecast, top.Curve[^1].Forecast);

        var cdelOnly = await (await app.Api().GetAsync($"/api/v1/units/{portfolio.Code}/finance?year={NextYear}&category=cdel", Ct)).ReadAsync<FinanceView>();
        Assert.Equal(3000m, cdelOnly.YearPosition.Budget.Pounds);
        Assert.Null(cdelOnly.InYear.Evaluation);
    }

    [Fact]
    public async Task StoredRollUps_MatchARecomputationFromTheLines_AfterChanges_ConcurrentWrites_AndAMove()
    {
        var (portfolio, programme, project) = await app.CreateTreeAsync();
        var sibling = await app.CreateUnitAsync(Steward.Features.Units.UnitKind.Project, programme.Id);
        var otherProgramme = await app.CreateUnitAsync(Steward.Features.Units.UnitKind.Programme, portfolio.Id);
        var decision = await DecisionAsync(portfolio.Code);
        var version = await BaselineAsync(project.Code, decision, null, Line("cdel", NextYear, ("P1", "1000")));
        await BaselineAsync(project.Code, decision, version, Line("cdel", NextYear, ("P1", "1500")), Line("ame", NextYear.Next, ("P2", "20")));
        // Two projects under the same programme changed at once: the programme's sums take both.
        await Task.WhenAll(
            ChangeAsync(project.Code, "forecast", version + 1, true, Line("cdel", NextYear, ("P1", "1400"))),
            ChangeAsync(sibling.Code, "forecast", null, true, Line("cdel", NextYear, ("P1", "600"))));
        await ChangeAsync(sibling.Code, "actuals", 1, false, Line("rdel-programme", LastYear, ("P4", "(75.25)")));
        Assert.Equal(2000m, (await ViewAsync(programme.Code, NextYear)).YearPosition.Forecast.Pounds);
        await AssertRollUpsMatchAsync(portfolio.Id);

        var unit = await app.Api().GetUnitAsync(sibling.Code);
        var moved = await app.Api().SendJsonAsync(HttpMethod.Post, $"/api/v1/units/{sibling.Code}/move", new { parentId = otherProgramme.Id }, $"\"{unit.Version}\"");
        Assert.True(moved.IsSuccessStatusCode, await moved.Content.ReadAsStringAsync(Ct));
        Assert.Equal(1400m, (await ViewAsync(programme.Code, NextYear)).YearPosition.Forecast.Pounds);
        Assert.Equal(600m, (await ViewAsync(otherProgramme.Code, NextYear)).YearPosition.Forecast.Pounds);
        Assert.Equal(2000m, (await ViewAsync(portfolio.Code, NextYear)).YearPosition.Forecast.Pounds);
        await AssertRollUpsMatchAsync(portfolio.Id);
    }

    private async Task AssertRollUpsMatchAsync(Guid portfolioId)
    {
        var (stored, recomputed) = await app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<StewardDbContext>();
            var expected = await FinanceRollups.Recomputed(db, Ct);
            var actual = await db.FinanceRollups.AsNoTracking().ToListAsync(Ct);
            return (actual.ToDictionary(r => (r.UnitId, r.Layer, r.Category, r.Year), r => Enumerable.Range(1, 12).Select(p => r[p]).ToArray()), expected);
        });
        var ofTree = recomputed.Keys.Where(k => k.Unit == portfolioId || stored.ContainsKey(k)).ToList();
        Assert.NotEmpty(ofTree);
        foreach (var key in recomputed.Keys)
        {
            Assert.True(stored.TryGetValue(key, out var months), $"no stored roll-up for {key}");
            Assert.Equal(recomputed[key], months);
        }

        foreach (var (key, months) in stored.Where(s => !recomputed.ContainsKey(s.Key)))
        {
            Assert.All(months, m => Assert.Equal(0, m));
        }
    }

    [Fact]
    public async Task RePhasingKeepsTheTotal_UnlessItSaysItChangesIt()
    {
        var (_, _, project) = await app.CreateTreeAsync();
        var version = await ChangeAsync(project.Code, "forecast", null, true, Line("cdel", NextYear, ("P1", "1000"), ("P2", "1000")), Line("cdel", NextYear.Next, ("P1", "500")));

        // Moving £400 from P1 to next year's P1, across years: the total holds.
        version = await ChangeAsync(project.Code, "forecast", version, false, Line("cdel", NextYear, ("P1", "600")), Line("cdel", NextYear.Next, ("P1", "900")));
        var bad = await SendAsync(project.Code, "forecast", version, new { reason = "Re-phase", lines = new[] { Line("cdel", NextYear, ("P1", "700")) } });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("changes the total of the lines it names from £1,600.00 to £1,700.00", (await bad.FieldErrorsAsync("changeTotal")).Single(), StringComparison.Ordinal);
        await ChangeAsync(project.Code, "forecast", version, true, Line("cdel", NextYear, ("P1", "700")));

        var view = await ViewAsync(project.Code, NextYear);
        Assert.Equal(1700m + 900m, view.WholeLife.Forecast.Pounds);
        var changes = await (await app.Api().GetAsync($"/api/v1/units/{project.Code}/finance/changes", Ct)).ReadAsync<List<FinanceChangeView>>();
        Assert.Equal([(1600m, 1700m), (2500m, 2500m), (0m, 2500m)], changes.Select(c => (c.Before.Pounds, c.After.Pounds)));
        Assert.All(changes, c => Assert.Equal("Month-end forecast", c.Reason));
        var months = await app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<StewardDbContext>();
            var id = await db.FinanceLines.Where(l => l.UnitId == project.Id && l.Year == NextYear.Start).Select(l => l.Id).SingleAsync(Ct);
            return await db.History.Where(h => h.RecordId == id).OrderBy(h => h.Id).Select(h => h.Changes).ToListAsync(Ct);
        });
        Assert.Equal(3, months.Count);
        Assert.Contains("{\"field\":\"P1\",\"from\":\"100000\",\"to\":\"60000\"}", months[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task MovingForecastMoney_BetweenYears_KeepsTheTotal_AndRefusesWhatItCannotDo()
    {
        var (_, _, project) = await app.CreateTreeAsync();
        var version = await ChangeAsync(project.Code, "forecast", null, true, Line("cdel", NextYear, ("P4", "1000")));
        var move = (object body, int? v) => app.Api().SendJsonAsync(HttpMethod.Post, $"/api/v1/units/{project.Code}/finance/forecast/moves", body, v is null ? null : $"\"{v}\"");
        var moved = await move(new { category = "cdel", fromYear = NextYear.ToString(), fromPeriod = "P4", toYear = NextYear.Next.ToString(), toPeriod = "P2", amount = "£400", reason = "Fit-out slips" }, version);
        Assert.True(moved.IsSuccessStatusCode, await moved.Content.ReadAsStringAsync(Ct));
        Assert.Equal(1000m, (await ViewAsync(project.Code, NextYear)).WholeLife.Forecast.Pounds);
        var lines = await (await app.Api().GetAsync($"/api/v1/units/{project.Code}/finance/lines", Ct)).ReadAsync<List<FinanceLineView>>();
        Assert.Equal([(NextYear.ToString(), 3, 600m), (NextYear.Next.ToString(), 1, 400m)], lines.Select(l => (l.Year, l.Months.ToList().FindIndex(m => !m.IsZero), l.Total.Pounds)));

        var tooMuch = await move(new { category = "cdel", fromYear = NextYear.ToString(), fromPeriod = "P4", toYear = NextYear.ToString(), toPeriod = "P5", amount = "700", reason = "More" }, version + 1);
        Assert.Contains("holds £600.00 of CDEL forecast: move at most that", (await tooMuch.FieldErrorsAsync("amount")).Single(), StringComparison.Ordinal);
        var ended = await move(new { category = "cdel", fromYear = NextYear.ToString(), fromPeriod = "P4", toYear = LastYear.ToString(), toPeriod = "P1", amount = "1", reason = "Back" }, version + 1);
        Assert.Contains("has ended", (await ended.FieldErrorsAsync("toPeriod")).Single(), StringComparison.Ordinal);
        var blank = await move(new { category = "gold", fromYear = "2026-28", fromPeriod = "P13", amount = "-5" }, version + 1);
        Assert.Equal(HttpStatusCode.BadRequest, blank.StatusCode);
        foreach (var field in new[] { "category", "fromYear", "fromPeriod", "toYear", "toPeriod", "amount", "reason" })
        {
            Assert.NotEmpty(await blank.FieldErrorsAsync(field));
        }

        // Someone who read the money before the move is told it changed, and nothing moves.
        var stale = await move(new { category = "cdel", fromYear = NextYear.ToString(), fromPeriod = "P4", toYear = NextYear.ToString(), toPeriod = "P5", amount = "100", reason = "Late" }, version);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal(1000m, (await ViewAsync(project.Code, NextYear)).WholeLife.Forecast.Pounds);
    }

    [Fact]
    public async Task ReBaselining_KeepsTheOldBaseline_NeedsTheRightToApprove_AndNamesItsDecision()
    {
        var (portfolio, programme, project) = await app.CreateTreeAsync();
        var decision = await DecisionAsync(portfolio.Code);
        var version = await BaselineAsync(project.Code, decision, null, Line("cdel", NextYear, ("P1", "1000")), Line("cdel", NextYear.Next, ("P1", "2000")));

        var manager = app.Api(await app.CreateTokenAsync(await app.AddAccountWithRoleAsync(StewardRole.ProgrammeOrProjectManager, programme.Code)));
        var refused = await manager.SendJsonAsync(HttpMethod.Post, $"/api/v1/units/{project.Code}/finance/baselines",
            new { reason = "More", decision, lines = new[] { Line("cdel", NextYear, ("P1", "5000")) } }, $"\"{version}\"");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var finance = app.Api(await app.CreateTokenAsync(await app.AddAccountWithRoleAsync(StewardRole.FinanceAndBusinessCaseManager, programme.Code)));
        var noDecision = await finance.SendJsonAsync(HttpMethod.Post, $"/api/v1/units/{project.Code}/finance/baselines",
            new { reason = "More", decision = "DEC-99999", lines = new[] { Line("cdel", NextYear, ("P1", "5000")) } }, $"\"{version}\"");
        Assert.Contains($"No decision 'DEC-99999' is recorded on {project.Code} or a unit above it", await noDecision.FieldErrorsAsync("decision"));

        var second = await finance.SendJsonAsync(HttpMethod.Post, $"/api/v1/units/{project.Code}/finance/baselines",
            new { reason = "Change request CR-12 approved", decision, lines = new[] { Line("cdel", NextYear, ("P1", "5000")) } }, $"\"{version}\"");
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        var baselines = await second.ReadAsync<List<FinanceBaselineView>>();
        Assert.Equal([(2, true, 7000m), (1, false, 3000m)], baselines.Select(b => (b.Number, b.Current, b.WholeLife.Pounds)));
        Assert.Equal(decision, baselines[0].Decision);

        var old = await (await app.Api().GetAsync($"/api/v1/units/{project.Code}/finance/lines?baseline=1", Ct)).ReadAsync<List<FinanceLineView>>();
        Assert.Equal([1000m, 2000m], old.Select(l => l.Total.Pounds));
        var view = await ViewAsync(project.Code, NextYear);
        Assert.Equal((2, 5000m, 7000m), (view.Baseline, view.YearPosition.Budget.Pounds, view.WholeLife.Budget.Pounds));
    }

    [Fact]
    public async Task AForecastBeyondCostTolerance_IsABreach_HeldByTheLevelThatCanHoldIt()
    {
        var (portfolio, programme, project) = await app.CreateTreeAsync();
        await SetCostToleranceAsync(portfolio.Code, 20);
        await SetCostToleranceAsync(programme.Code, 5);
        var decision = await DecisionAsync(portfolio.Code);
        var version = await BaselineAsync(project.Code, decision, null, Line("cdel", NextYear, ("P1", "10000")));
        await ChangeAsync(project.Code, "forecast", version, true, Line("cdel", NextYear, ("P1", "11000")));

        var view = await ViewAsync(project.Code, NextYear);
        Assert.True(view.InYear.Breached);
        var evaluation = view.InYear.Evaluation!;
        Assert.Equal((10m, 5m, programme.Code, portfolio.Code), (evaluation.Value, evaluation.Limit!.Value, evaluation.LimitSetAt!.Code, evaluation.HeldAt!.Code));
        Assert.True(view.WholeLifeGrowth.Breached);
        // Listed from above: the programme's page flags the project, the portfolio's the programme.
        Assert.True((await ViewAsync(programme.Code, NextYear)).Below.Single().BeyondTolerance);
        Assert.True((await ViewAsync(portfolio.Code, NextYear)).Below.Single().BeyondTolerance);
        // And in one list for the subtree, with where each breach is escalated to: the project and the
        // programme (its money is the project's) break their 5%; the portfolio's 20% holds both.
        var breaches = await (await app.Api().GetAsync($"/api/v1/units/{portfolio.Code}/finance/breaches", Ct)).ReadAsync<CostBreachesView>();
        Assert.Equal(
            [(programme.Code, CostToleranceBreaches.WholeLifeMeasure, 10m, programme.Code, portfolio.Code), (project.Code, CostToleranceBreaches.WholeLifeMeasure, 10m, programme.Code, portfolio.Code)],
            breaches.Breaches.Select(b => (b.Unit.Code, b.Measure, b.VariancePercent, b.LimitSetAt.Code, b.EscalatedTo!.Code)).ToArray());
        Assert.Equal(3, breaches.UnitsJudged);

        // An underspend beyond tolerance counts too.
        await ChangeAsync(project.Code, "forecast", version + 1, true, Line("cdel", NextYear, ("P1", "8000")));
        var under = (await ViewAsync(project.Code, NextYear)).InYear;
        Assert.True(under.Breached);
        Assert.Equal(-20m, under.Evaluation!.Value);
    }

    [Fact]
    public async Task WhereTheDepartmentSaysSo_ViewersSeeTotalsOnly_ContributorsSeeEverything()
    {
        var (portfolio, programme, project) = await app.CreateTreeAsync();
        await ChangeAsync(project.Code, "forecast", null, true, Line("cdel", NextYear, ("P1", "1000")), Line("rdel-programme", NextYear, ("P2", "500")));
        var viewer = app.Api(await app.CreateTokenAsync(await app.AddAccountWithRoleAsync(StewardRole.Viewer, portfolio.Code)));
        // A Contributor here and a Viewer above: on the project they are a contributor.
        var contributorEmail = await app.AddAccountWithRoleAsync(StewardRole.Contributor, project.Code);
        await app.WithServicesAsync(sp => sp.GetRequiredService<RoleService>().GrantAsync(contributorEmail, StewardRole.Viewer, portfolio.Code, Ct));
        var contributor = app.Api(await app.CreateTokenAsync(contributorEmail));
        Assert.Equal(2, (await (await viewer.GetAsync($"/api/v1/units/{project.Code}/finance?year={NextYear}", Ct)).ReadAsync<FinanceView>()).Lines.Count);

        // Only someone who may approve the programme's money chooses, and the choice covers the units below.
        var choose = (HttpClient client) => client.SendJsonAsync(HttpMethod.Put, $"/api/v1/units/{programme.Code}/finance/viewers", new { totalsOnly = true }, null);
        Assert.Equal(HttpStatusCode.Forbidden, (await choose(contributor)).StatusCode);
        var missing = await app.Api().SendJsonAsync(HttpMethod.Put, $"/api/v1/units/{programme.Code}/finance/viewers", new { }, null);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.NotEmpty(await missing.FieldErrorsAsync("totalsOnly"));
        Assert.Equal(HttpStatusCode.OK, (await choose(app.Api())).StatusCode);

        var seen = await (await viewer.GetAsync($"/api/v1/units/{project.Code}/finance?year={NextYear}", Ct)).ReadAsync<FinanceView>();
        Assert.True(seen.TotalsOnly);
        Assert.Equal((1500m, 0, 0, 0), (seen.YearPosition.Forecast.Pounds, seen.Lines.Count, seen.Curve.Count, seen.Phasing.Sum(y => y.Categories.Count)));
        foreach (var refused in new[] { "lines", "export?format=csv", $"?year={NextYear}&category=cdel" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await viewer.GetAsync($"/api/v1/units/{project.Code}/finance/{refused}".Replace("/?", "?"), Ct)).StatusCode);
        }

        var detail = await (await contributor.GetAsync($"/api/v1/units/{project.Code}/finance?year={NextYear}", Ct)).ReadAsync<FinanceView>();
        Assert.Equal((false, 2), (detail.TotalsOnly, detail.Lines.Count));
        // The portfolio above the choice is not covered by it.
        Assert.False((await (await viewer.GetAsync($"/api/v1/units/{portfolio.Code}/finance", Ct)).ReadAsync<FinanceView>()).TotalsOnly);
    }

    [Fact]
    public async Task BadInput_NamesTheFieldAndReason_AndWritesNothing()
    {
        var (portfolio, _, project) = await app.CreateTreeAsync();
        var version = await ChangeAsync(project.Code, "actuals", null, false, Line("cdel", LastYear, ("P1", "100")));
        var before = await ViewAsync(project.Code, LastYear);

        var future = await SendAsync(project.Code, "actuals", version, new { reason = "Typed ahead", lines = new[] { Line("cdel", LastYear, ("P2", "5")), Line("cdel", NextYear, ("P1", "100")) } });
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        Assert.Contains($"P1 April {NextYear.Start} has not started", (await future.FieldErrorsAsync("lines[1].months.p1")).Single(), StringComparison.Ordinal);

        var bad = await SendAsync(project.Code, "forecast", version, new
        {
            reason = "",
            lines = new object[]
            {
                new { category = "cdel", year = NextYear.ToString(), months = new Dictionary<string, object> { ["P13"] = 5, ["P1"] = "£1.2.3m", ["P2"] = "12e99" } },
                new { category = "gold", year = "2026-28", months = new Dictionary<string, object> { ["P1"] = 1 } },
            },
        });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("There is no period 'P13': periods run P1 (April) to P12 (March)", await bad.FieldErrorsAsync("lines[0].months.p13"));
        Assert.Contains("P1: '£1.2.3m' is not an amount", (await bad.FieldErrorsAsync("lines[0].months.p1")).Single(), StringComparison.Ordinal);
        Assert.Contains("P2: '12e99' is not an amount", (await bad.FieldErrorsAsync("lines[0].months.p2")).Single(), StringComparison.Ordinal);
        Assert.Contains("'gold' is not one of", (await bad.FieldErrorsAsync("lines[1].category")).Single(), StringComparison.Ordinal);
        Assert.Contains("'2026-28' is not a financial year", (await bad.FieldErrorsAsync("lines[1].year")).Single(), StringComparison.Ordinal);
        Assert.NotEmpty(await bad.FieldErrorsAsync("reason"));

        Assert.Equal(HttpStatusCode.PreconditionRequired, (await SendAsync(project.Code, "actuals", null, new { reason = "x", lines = new[] { Line("cdel", LastYear, ("P1", "1")) } })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await app.Api().GetAsync($"/api/v1/units/{project.Code}/finance?year=next", Ct)).StatusCode);
        Assert.Equal(before.WholeLife, (await ViewAsync(project.Code, LastYear)).WholeLife);
        Assert.Equal(version, (await ViewAsync(project.Code, LastYear)).Version);

        // An archived unit's budget is kept, not changed.
        var decision = await DecisionAsync(portfolio.Code);
        foreach (var step in new[] { "close", "archive" })
        {
            var unit = await app.Api().GetUnitAsync(project.Code);
            Assert.True((await app.Api().SendJsonAsync(HttpMethod.Post, $"/api/v1/units/{project.Code}/{step}", null, $"\"{unit.Version}\"")).IsSuccessStatusCode);
        }

        var archived = await app.Api().SendJsonAsync(HttpMethod.Post, $"/api/v1/units/{project.Code}/finance/baselines",
            new { reason = "Late", decision, lines = new[] { Line("cdel", NextYear, ("P1", "1")) } }, $"\"{version}\"");
        Assert.Equal(HttpStatusCode.Conflict, archived.StatusCode);
        Assert.Equal(version, (await ViewAsync(project.Code, LastYear)).Version);
    }

    [Fact]
    public async Task TwoPeopleChangingTheSameMoneyAtOnce_OneIsToldToReload_NothingIsLost()
    {
        var (_, _, project) = await app.CreateTreeAsync();
        var version = await ChangeAsync(project.Code, "forecast", null, true, Line("cdel", NextYear, ("P1", "1000"), ("P2", "1000")));
        var body = new { reason = "Re-phase", lines = new[] { Line("cdel", NextYear, ("P1", "500"), ("P2", "1500")) } };
        var other = new { reason = "Re-phase the other way", lines = new[] { Line("cdel", NextYear, ("P1", "1500"), ("P2", "500")) } };
        var answers = await Task.WhenAll(SendAsync(project.Code, "forecast", version, body), SendAsync(project.Code, "forecast", version, other));
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.PreconditionFailed], answers.Select(a => a.StatusCode).Order());
        var line = (await ViewAsync(project.Code, NextYear)).Lines.Single();
        Assert.Equal(2000m, line.Total.Pounds);
        Assert.Contains(line.Months[0].Pounds, new[] { 500m, 1500m });
    }

    [Fact]
    public async Task ADownloadListsEveryLineOfTheUnitAndBelow()
    {
        var (_, programme, project) = await app.CreateTreeAsync();
        await ChangeAsync(project.Code, "forecast", null, true, Line("cdel", NextYear, ("P1", "1234.5")));
        var csv = await app.Api().GetAsync($"/api/v1/units/{programme.Code}/finance/export?format=csv&year={NextYear}", Ct);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var text = await csv.Content.ReadAsStringAsync(Ct);
        Assert.Contains("\"Unit\",\"Unit name\",\"Layer\"", text, StringComparison.Ordinal);
        Assert.Contains($"\"{project.Code}\"", text, StringComparison.Ordinal);
        Assert.Contains("\"1234.50\"", text, StringComparison.Ordinal);
        var xlsx = await app.Api().GetAsync($"/api/v1/units/{programme.Code}/finance/export?format=xlsx", Ct);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType!.MediaType);
    }

    private static object Line(string category, FinancialYear year, params (string Period, string Amount)[] months) =>
        new { category, year = year.ToString(), months = months.ToDictionary(m => m.Period, m => m.Amount) };

    private async Task<string> DecisionAsync(string unitCode)
    {
        var person = await app.CreatePersonAsync();
        return (await app.CreateDecisionAsync(unitCode, person.Id)).Reference;
    }

    private Task<HttpResponseMessage> SendAsync(string unitCode, string layer, int? version, object body) =>
        app.Api().SendJsonAsync(HttpMethod.Put, $"/api/v1/units/{unitCode}/finance/{layer}", body, version is null ? null : $"\"{version}\"");

    private async Task<int> ChangeAsync(string unitCode, string layer, int? version, bool changeTotal, params object[] lines)
    {
        var response = await SendAsync(unitCode, layer, version, new { reason = "Month-end forecast", changeTotal, lines });
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        return int.Parse(response.Headers.ETag!.Tag.Trim('"'), System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<int> BaselineAsync(string unitCode, string decision, int? version, params object[] lines)
    {
        var response = await app.Api().SendJsonAsync(HttpMethod.Post, $"/api/v1/units/{unitCode}/finance/baselines",
            new { reason = "Budget approved", decision, lines }, version is null ? null : $"\"{version}\"");
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        return int.Parse(response.Headers.ETag!.Tag.Trim('"'), System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task SetCostToleranceAsync(string unitCode, decimal percent)
    {
        var response = await app.Api().SendJsonAsync(HttpMethod.Put, $"/api/v1/units/{unitCode}/tolerances", new { cost = new { over = percent, under = percent } }, null);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Ct));
    }

    private async Task<FinanceView> ViewAsync(string unitCode, FinancialYear year) =>
        await (await app.Api().GetAsync($"/api/v1/units/{unitCode}/finance?year={year}", Ct)).ReadAsync<FinanceView>();
}

public sealed class FinanceApiOnSqlite(SqliteApp app) : FinanceApiTests<SqliteApp>(app);

public sealed class FinanceApiOnPostgres(PostgresApp app) : FinanceApiTests<PostgresApp>(app);
