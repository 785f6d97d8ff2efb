using System.Net;
using Steward.Features.Raid;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Raid;

public abstract class RiskScaleTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : StewardApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static object Levels(string prefix) => Enumerable.Range(1, 5).Select(i => new { name = $"{prefix} {i}", definition = $"What {prefix.ToLowerInvariant()} {i} means" }).ToArray();

    [Fact]
    public async Task APortfoliosLevelNames_AreUsedEverywhereBelowIt()
    {
        var (portfolio, programme, project) = await app.CreateTreeAsync();
        var owner = await app.CreatePersonAsync();
        var before = await (await app.Api().GetAsync($"/api/v1/units/{project.Code}/risk-scale", Ct)).ReadAsync<RiskScaleView>();
        Assert.Null(before.SetOn);
        Assert.Equal("Almost certain", before.Likelihood[4].Name);

        var set = await app.Api().SendJsonAsync(HttpMethod.Put, $"/api/v1/units/{portfolio.Code}/risk-scale", new { likelihood = Levels("Chance"), impact = Levels("Harm") }, null);
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        var inherited = await (await app.Api().GetAsync($"/api/v1/units/{project.Code}/risk-scale", Ct)).ReadAsync<RiskScaleView>();
        Assert.Equal(portfolio.Code, inherited.SetOn?.Code);
        Assert.Equal("Harm 4", inherited.Impact[3].Name);
        Assert.Equal("What chance 2 means", inherited.Likelihood[1].Definition);

        await app.CreateRiskAsync(project.Code, owner.Id, 4, 5);
        var register = await app.Browser().GetPageAsync($"/units/{programme.Code}/raid");
        Assert.Contains("Likelihood 4 Chance 4", register.QuerySelector("table.steward-heat-map")!.TextContent, StringComparison.Ordinal);
        var form = await app.Browser().GetPageAsync($"/units/{project.Code}/risks/new");
        Assert.Contains("5 Harm 5", form.QuerySelector("#Input_Impact")!.TextContent, StringComparison.Ordinal);

        var again = await app.Api().SendJsonAsync(HttpMethod.Put, $"/api/v1/units/{portfolio.Code}/risk-scale", new { likelihood = Levels("Odds"), impact = Levels("Harm") }, null);
        Assert.Equal(HttpStatusCode.PreconditionRequired, again.StatusCode);
        var scaleUrl = $"/api/v1/units/{portfolio.Code}/risk-scale";
        Assert.Equal(HttpStatusCode.PreconditionRequired, (await app.Api().DeleteAsync(scaleUrl, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await app.Api().SendJsonAsync(HttpMethod.Delete, scaleUrl, null, "\"99\"")).StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await app.Api().SendJsonAsync(HttpMethod.Delete, scaleUrl, null, "\"bogus\"")).StatusCode);
        Assert.Equal(portfolio.Code, (await (await app.Api().GetAsync($"/api/v1/units/{project.Code}/risk-scale", Ct)).ReadAsync<RiskScaleView>()).SetOn?.Code);
        var cleared = await app.Api().SendJsonAsync(HttpMethod.Delete, scaleUrl, null, set.Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.NoContent, cleared.StatusCode);
        Assert.Null((await (await app.Api().GetAsync($"/api/v1/units/{project.Code}/risk-scale", Ct)).ReadAsync<RiskScaleView>()).SetOn);
    }

    [Fact]
    public async Task AScaleWithoutFiveNamedLevels_OrOnAProgramme_IsRefused()
    {
        var (portfolio, programme, _) = await app.CreateTreeAsync();
        var four = await app.Api().SendJsonAsync(HttpMethod.Put, $"/api/v1/units/{portfolio.Code}/risk-scale",
            new { likelihood = new[] { new { name = "Low" }, new { name = "High" } }, impact = new[] { new { name = "" }, new { name = "" }, new { name = "" }, new { name = "" }, new { name = "" } } }, null);
        Assert.Contains("Give the five likelihood levels, lowest first", await four.FieldErrorsAsync("likelihood"));
        Assert.Contains("Name every impact level", await four.FieldErrorsAsync("impact"));
        var onProgramme = await app.Api().SendJsonAsync(HttpMethod.Put, $"/api/v1/units/{programme.Code}/risk-scale", new { likelihood = Levels("Chance"), impact = Levels("Harm") }, null);
        Assert.Contains($"{programme.Code} is a programme; the risk scale is set on its portfolio and used by everything below it", await onProgramme.FieldErrorsAsync("unit"));
        Assert.Null((await (await app.Api().GetAsync($"/api/v1/units/{programme.Code}/risk-scale", Ct)).ReadAsync<RiskScaleView>()).SetOn);
    }
}

public sealed class RiskScaleOnSqlite(SqliteApp app) : RiskScaleTests<SqliteApp>(app);

public sealed class RiskScaleOnPostgres(PostgresApp app) : RiskScaleTests<PostgresApp>(app);
