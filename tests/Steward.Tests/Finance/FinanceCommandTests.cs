using System.Text.Json;
using Steward.Features.Finance;
using Steward.Tests.Cli;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Finance;

// steward finance and steward business-case through the real command line, on both databases.
public abstract class FinanceCommandTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : StewardApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly FinancialYear NextYear = FinancialYear.Of(DateOnly.FromDateTime(DateTime.UtcNow)).Next;

    [Fact]
    public async Task ABudgetIsBaselined_TheForecastReProfiledAcrossYears_AndBreachesListed()
    {
        var (portfolio, _, project) = await app.CreateTreeAsync();
        var decision = await app.CreateDecisionAsync(portfolio.Code, (await app.CreatePersonAsync()).Id);
        var baselined = await RunAsync("finance", "rebaseline", "--unit", project.Code, "--line", $"cdel {NextYear} P1=10,000", "--reason", "Approved", "--decision", decision.Reference);
        Assert.Contains("Approved budget baseline 1", baselined, StringComparison.Ordinal);

        await RunAsync("finance", "forecast", "--unit", project.Code, "--line", $"cdel {NextYear} P1=£10k", "--reason", "First forecast", "--change-total");
        // £4,000 moved into the year after: the total is kept, so no --change-total is needed.
        await RunAsync("finance", "forecast", "--unit", project.Code, "--line", $"cdel {NextYear} P1=7000", "--line", $"cdel {NextYear.Next} P3=3000", "--reason", "Slipped");
        await RunAsync("finance", "move", "--unit", project.Code, "--category", "cdel", "--from", $"{NextYear} P1", "--to", $"{NextYear.Next} P3", "--amount", "£1k", "--reason", "Slipped again");
        var refused = await StewardProcess.RunAsync("finance", "forecast", "--unit", project.Code, "--line", $"cdel {NextYear} P1=7000", "--reason", "Dearer", "--database", app.ConnectionString);
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("changes the total of the lines it names from £6,000.00 to £7,000.00", refused.Error, StringComparison.Ordinal);
        var bad = await StewardProcess.RunAsync("finance", "actuals", "--unit", project.Code, "--line", $"cdel {NextYear} P13=£1.2.3m", "--reason", "Typed ahead", "--database", app.ConnectionString);
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("There is no period 'P13'", bad.Error, StringComparison.Ordinal);
        await RunAsync("finance", "forecast", "--unit", project.Code, "--line", $"cdel {NextYear} P1=7000", "--reason", "Dearer", "--change-total");
        (await app.Api().SendJsonAsync(HttpMethod.Put, $"/api/v1/units/{portfolio.Code}/tolerances", new { cost = new { over = 5, under = 5 } }, null)).EnsureSuccessStatusCode();

        var view = JsonSerializer.Deserialize<FinanceView>(await RunAsync("finance", "show", "--unit", project.Code, "--year", NextYear.ToString(), "--json"), StewardApp.Json)!;
        Assert.Equal((10000m, 7000m, 11000m), (view.YearPosition.Budget.Pounds, view.YearPosition.Forecast.Pounds, view.WholeLife.Forecast.Pounds));
        Assert.Contains($"{project.Code}\twhole-life cost growth\t+10.0%\tlimit 5% set at {portfolio.Code}", await RunAsync("finance", "breaches", "--unit", portfolio.Code), StringComparison.Ordinal);
        Assert.Contains("Approved", await RunAsync("finance", "baselines", "--unit", project.Code), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABusinessCaseIsLoadedFromAFile_ShownWithItsAppraisal_AndApproved()
    {
        var (portfolio, _, project) = await app.CreateTreeAsync();
        var decision = await app.CreateDecisionAsync(portfolio.Code, (await app.CreatePersonAsync()).Id);
        var file = Path.Combine(Path.GetTempPath(), $"case-{Guid.NewGuid():N}.json");
        var year = FinancialYear.Of(DateOnly.FromDateTime(DateTime.UtcNow));
        await File.WriteAllTextAsync(file, JsonSerializer.Serialize(new
        {
            stage = "obc", strategic = "Why", economic = "Options", commercial = "Deal", financial = "Money", management = "Governance",
            projectType = "standard-buildings", baseYear = year.ToString(), preferred = "New hub",
            options = new object[]
            {
                new { name = "Business as usual", kind = "business-as-usual", optimismBias = 2, optimismBiasReason = "Known costs", years = new[] { new { year = year.ToString(), costs = "100", benefits = "0" } } },
                new { name = "Do minimum", kind = "do-minimum", years = new[] { new { year = year.ToString(), costs = "150", benefits = "100" } } },
                new { name = "New hub", kind = "option", optimismBias = 10, optimismBiasReason = "Design complete", years = new[] { new { year = year.ToString(), costs = "100", benefits = "0" }, new { year = year.Next.ToString(), costs = "100", benefits = "300" } } },
            },
        }), Ct);
        try
        {
            Assert.Contains("version 1", await RunAsync("business-case", "save", "--unit", project.Code, "--file", file), StringComparison.Ordinal);
            var shown = await RunAsync("business-case", "show", "--unit", project.Code);
            Assert.Contains("* New hub", shown, StringComparison.Ordinal);
            Assert.Contains("1.34", shown, StringComparison.Ordinal);
            await RunAsync("business-case", "approve", "--unit", project.Code, "--stage", "obc", "--decision", decision.Reference);
            Assert.Contains($"approved on", await RunAsync("business-case", "show", "--unit", project.Code), StringComparison.Ordinal);

            await File.WriteAllTextAsync(file, "{ not json", Ct);
            var refused = await StewardProcess.RunAsync("business-case", "save", "--unit", project.Code, "--file", file, "--database", app.ConnectionString);
            Assert.Equal(2, refused.ExitCode);
            Assert.Contains("is not a business case in JSON", refused.Error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private async Task<string> RunAsync(params string[] arguments)
    {
        var run = await StewardProcess.RunAsync([.. arguments, "--database", app.ConnectionString]);
        Assert.True(run.ExitCode == 0, $"{string.Join(' ', arguments)}: {run.Error}");
        return run.Output;
    }
}

public sealed class FinanceCommandOnSqlite(SqliteApp app) : FinanceCommandTests<SqliteApp>(app);

public sealed class FinanceCommandOnPostgres(PostgresApp app) : FinanceCommandTests<PostgresApp>(app);
