using System.Net;
using Steward.Features.Access;
using Steward.Features.Finance;
using Steward.Features.Finance.BusinessCases;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Finance;

// A business case through the API on both databases, with its appraisal worked by hand.
public abstract class BusinessCaseApiTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : StewardApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly FinancialYear Base = FinancialYear.Of(DateOnly.FromDateTime(DateTime.UtcNow));

    private static object Case(string? baseYear = null, params object[] options) => new
    {
        stage = "obc", strategic = "Why", economic = "Options", commercial = "Deal", financial = "Money", management = "Governance",
        links = "https://example.org/obc.pdf", projectType = "standard-buildings", baseYear = baseYear ?? Base.ToString(),
        options = options.Length > 0 ? options : Options(), preferred = "New hub",
    };

    private static object[] Options() =>
    [
        new { name = "Business as usual", kind = "business-as-usual", optimismBias = 2, optimismBiasReason = "Known costs", years = new[] { Year(0, "100", "0"), Year(1, "100", "0") } },
        new { name = "Do minimum", kind = "do-minimum", years = new[] { Year(0, "150", "0"), Year(1, "50", "100") } },
        new { name = "New hub", kind = "option", optimismBias = 10, optimismBiasReason = "Design complete", years = new[] { Year(0, "100", "0"), Year(1, "100", "300") } },
    ];

    private static object Year(int offset, string costs, string benefits) => new { year = new FinancialYear(Base.Start + offset).ToString(), costs, benefits };

    [Fact]
    public async Task TheOptionsAreAppraisedSideBySide_AsWorkedByHand()
    {
        var (_, _, project) = await app.CreateTreeAsync();
        var saved = await app.Api().SendJsonAsync(HttpMethod.Put, $"/api/v1/units/{project.Code}/business-case", Case(), null);
        Assert.True(saved.StatusCode == HttpStatusCode.OK, await saved.Content.ReadAsStringAsync(Ct));
        var view = await saved.ReadAsync<BusinessCaseView>();
        var hub = view.Options.Single(o => o.Name == "New hub");
        // 110 + 110/1.035 = 216.28; 300/1.035 = 289.86.
        Assert.Equal((216.28m, 289.86m, 73.58m, 1.34m, true), (hub.Appraisal.PresentCosts, hub.Appraisal.PresentBenefits, hub.Appraisal.Npsv, hub.Appraisal.Bcr!.Value, hub.Preferred));
        // The do-minimum starts at the upper bound for standard buildings (24%).
        Assert.Equal(24m, view.Options.Single(o => o.Name == "Do minimum").OptimismBias);
        Assert.Equal((0, 1), (hub.Years[0].DiscountYear, hub.Years[1].DiscountYear));
    }

    [Fact]
    public async Task BadInput_NamesTheFieldAndReason_AndWritesNothing()
    {
        var (_, _, project) = await app.CreateTreeAsync();
        var url = $"/api/v1/units/{project.Code}/business-case";
        var early = new FinancialYear(Base.Start - 1);
        var bad = await app.Api().SendJsonAsync(HttpMethod.Put, url, Case(null,
            new { name = "Business as usual", kind = "business-as-usual", optimismBias = 2, optimismBiasReason = "Known", years = new[] { new { year = early.ToString(), costs = "100", benefits = "0" } } },
            new { name = "Do minimum", kind = "do-minimum", optimismBias = 30, years = new[] { Year(0, "0", "100") } },
            new { name = "New hub", kind = "option", optimismBias = 10, years = new[] { Year(0, "12e99", "0") } }), null);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains($"The base year {Base} is after the appraisal's first year {early}", (await bad.FieldErrorsAsync("baseYear")).Single(), StringComparison.Ordinal);
        Assert.Contains("'Do minimum' has no costs", (await bad.FieldErrorsAsync("options[1].years")).Single(), StringComparison.Ordinal);
        Assert.Contains("runs from 2% to 24%, not 30%", (await bad.FieldErrorsAsync("options[1].optimismBias")).Single(), StringComparison.Ordinal);
        Assert.Contains("below the upper bound of 24%", (await bad.FieldErrorsAsync("options[2].optimismBiasReason")).Single(), StringComparison.Ordinal);
        Assert.Contains("'12e99' is not an amount", (await bad.FieldErrorsAsync("options[2].years[0].costs")).Single(), StringComparison.Ordinal);

        var noBau = await app.Api().SendJsonAsync(HttpMethod.Put, url, Case(null, Options()[1], Options()[2]), null);
        Assert.Contains("An appraisal has exactly one business as usual (or do nothing) option, not 0", await noBau.FieldErrorsAsync("options"));
        Assert.Equal(0, (await (await app.Api().GetAsync(url, Ct)).ReadAsync<BusinessCaseView>()).Version);
    }

    [Fact]
    public async Task AnApprovedFullBusinessCase_SetsTheFinanceBaseline_FromItsPreferredOption()
    {
        var (portfolio, programme, project) = await app.CreateTreeAsync();
        var url = $"/api/v1/units/{project.Code}/business-case";
        var saved = await app.Api().SendJsonAsync(HttpMethod.Put, url, Case(), null);
        var version = (await saved.ReadAsync<BusinessCaseView>()).Version;
        var person = await app.CreatePersonAsync();
        var decision = (await app.CreateDecisionAsync(portfolio.Code, person.Id)).Reference;

        var early = await app.Api().PostJsonAsync($"{url}/finance-baseline", new { category = "cdel" });
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);

        var contributor = app.Api(await app.CreateTokenAsync(await app.AddAccountWithRoleAsync(StewardRole.ProgrammeOrProjectManager, programme.Code)));
        Assert.Equal(HttpStatusCode.Forbidden, (await contributor.SendJsonAsync(HttpMethod.Post, $"{url}/approval", new { stage = "fbc", decision }, $"\"{version}\"")).StatusCode);
        var approved = await app.Api().SendJsonAsync(HttpMethod.Post, $"{url}/approval", new { stage = "fbc", decision }, $"\"{version}\"");
        Assert.True(approved.StatusCode == HttpStatusCode.OK, await approved.Content.ReadAsStringAsync(Ct));
        var view = await approved.ReadAsync<BusinessCaseView>();
        Assert.Equal(("fbc", decision, new DateOnly(2027, 1, 15), person.Name), (view.ApprovedStage, view.ApprovalDecision, view.ApprovedOn!.Value, view.ApprovedBy));

        var baseline = await app.Api().PostJsonAsync($"{url}/finance-baseline", new { category = "cdel" });
        Assert.True(baseline.StatusCode == HttpStatusCode.OK, await baseline.Content.ReadAsStringAsync(Ct));
        var finance = await (await app.Api().GetAsync($"/api/v1/units/{project.Code}/finance?year={Base.Next}", Ct)).ReadAsync<FinanceView>();
        Assert.Equal((200m, 100m), (finance.WholeLife.Budget.Pounds, finance.YearPosition.Budget.Pounds));
        Assert.Equal(decision, (await baseline.ReadAsync<List<FinanceBaselineView>>()).First().Decision);
    }
}

public sealed class BusinessCaseApiOnSqlite(SqliteApp app) : BusinessCaseApiTests<SqliteApp>(app);

public sealed class BusinessCaseApiOnPostgres(PostgresApp app) : BusinessCaseApiTests<PostgresApp>(app);
