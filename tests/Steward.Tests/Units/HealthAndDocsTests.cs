using System.Net;
using System.Text.Json;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Units;

public abstract class HealthAndDocsTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : StewardApp
{
    [Fact]
    public async Task HealthLive_ReturnsHealthy()
    {
        var response = await app.Api().GetAsync("/health/live", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task HealthReady_ChecksTheDatabase()
    {
        var response = await app.Api().GetAsync("/health/ready", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheUnitsApi()
    {
        var response = await app.Api().GetAsync("/openapi/v1.json", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var paths = document.RootElement.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/units", out _));
        Assert.True(paths.TryGetProperty("/api/v1/units/{unit}/move", out _));
        Assert.Equal("Steward API", document.RootElement.GetProperty("info").GetProperty("title").GetString());
    }

    [Fact]
    public async Task ApiReference_IsServed()
    {
        var client = app.Browser();
        var response = await client.GetAsync("/api/docs", TestContext.Current.CancellationToken);
        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            response = await client.GetAsync(new Uri(response.RequestMessage!.RequestUri!, response.Headers.Location!), TestContext.Current.CancellationToken);
        }

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Steward API", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }
}

public sealed class HealthAndDocsOnSqlite(SqliteApp app) : HealthAndDocsTests<SqliteApp>(app);

public sealed class HealthAndDocsOnPostgres(PostgresApp app) : HealthAndDocsTests<PostgresApp>(app);
