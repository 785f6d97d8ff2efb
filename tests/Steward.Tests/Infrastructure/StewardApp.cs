using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Steward.Data;
using Steward.Infrastructure;

namespace Steward.Tests.Infrastructure;

// Steward running in memory on a database of its own, created for one test class and dropped after it.
public abstract class StewardApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public static readonly JsonSerializerOptions Json = CreateJson();

    private string? _connectionString;

    public abstract DatabaseProvider Provider { get; }

    public string ConnectionString => _connectionString ?? throw new InvalidOperationException("The database has not been created.");

    // Null when the database can be had; otherwise why its tests are skipped.
    public virtual string? SkipReason => null;

    public async ValueTask InitializeAsync()
    {
        if (SkipReason is null)
        {
            _connectionString = await CreateDatabaseAsync();
            StartHost();
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_connectionString is not null)
        {
            await DropDatabaseAsync(_connectionString);
        }

        GC.SuppressFinalize(this);
    }

    // A browser-like client: cookies kept, redirects not followed so tests can see them.
    public HttpClient Browser()
    {
        RequireDatabase();
        return CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
    }

    public HttpClient Api()
    {
        RequireDatabase();
        return CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
    }

    public async Task<T> WithServicesAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        RequireDatabase();
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public void RequireDatabase()
    {
        if (SkipReason is not null)
        {
            Assert.Skip(SkipReason);
        }
    }

    // Starts the in-memory test server, whose start-up migrates the database.
    protected virtual void StartHost() => _ = Server;

    protected abstract Task<string> CreateDatabaseAsync();

    protected abstract Task DropDatabaseAsync(string connectionString);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting(DatabaseTarget.ConfigurationKey, ConnectionString);
    }

    private static JsonSerializerOptions CreateJson()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        StewardWebHost.ConfigureJson(options);
        options.UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Skip;
        return options;
    }
}

public class SqliteApp : StewardApp
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override Task<string> CreateDatabaseAsync() =>
        Task.FromResult(Path.Combine(Path.GetTempPath(), "steward-tests", $"{Guid.NewGuid():N}.db"));

    protected override Task DropDatabaseAsync(string connectionString)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
        {
            File.Delete(connectionString + suffix);
        }

        return Task.CompletedTask;
    }
}

public sealed class PostgresApp : StewardApp
{
    public override DatabaseProvider Provider => DatabaseProvider.PostgreSql;

    public override string? SkipReason => PostgresServer.Shared.UnavailableBecause;

    protected override Task<string> CreateDatabaseAsync() => PostgresServer.Shared.CreateDatabaseAsync();

    protected override Task DropDatabaseAsync(string connectionString) => PostgresServer.Shared.DropDatabaseAsync(connectionString);
}
