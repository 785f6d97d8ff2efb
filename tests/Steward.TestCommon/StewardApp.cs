using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;
using Steward.Data;
using Steward.Features.Access;
using Steward.Features.Accounts;
using Steward.Features.History;
using Steward.Features.Tokens;
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

    public const string AdministratorEmail = "test.administrator@steward.test";
    public const string Password = "correct horse battery";

    private string? _adminToken;
    private Cookie? _adminSession;

    public Cookie AdministratorSession => _adminSession ?? throw new InvalidOperationException("This host does not sign in on start.");

    // The Administrator of the whole department that Browser() and Api() act as.
    public string AdministratorToken => _adminToken ?? throw new InvalidOperationException("The host has not started.");

    public async ValueTask InitializeAsync()
    {
        if (SkipReason is null)
        {
            _connectionString = await CreateDatabaseAsync();
            StartHost();
            // A second node on the same database finds the Administrator already there.
            await WithServicesAsync(async sp => await sp.GetRequiredService<UserManager<StewardUser>>().FindByEmailAsync(AdministratorEmail)
                ?? (await sp.GetRequiredService<AccountService>().AddAsync(AdministratorEmail, "Test Administrator", administrator: true, Password)).User);
            _adminToken = await CreateTokenAsync(AdministratorEmail);
            if (SignsInOnStart)
            {
                _adminSession = await SignInAsync(AdministratorEmail, Password);
            }
        }
    }

    // False for a host whose test counts sign-in attempts itself.
    protected virtual bool SignsInOnStart => true;

    // Signs in through the sign-in page, as a person would, and returns the session cookie.
    public async Task<Cookie> SignInAsync(string email, string password = Password)
    {
        var cookies = new CookieContainer();
        using var client = SignInClient(cookies);
        // Read without an HTML parser, because the browser tests share this file and do not have one.
        var form = await client.GetStringAsync("/sign-in");
        var antiforgery = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var response = await client.PostAsync("/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email, ["Password"] = password, ["__RequestVerificationToken"] = antiforgery,
        }));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Signing in as {email} answered {(int)response.StatusCode}");
        return cookies.GetCookies(client.BaseAddress!)["steward_session"] ?? throw new InvalidOperationException("No session cookie");
    }

    // In memory by default; a host on a real port signs in over a real connection.
    protected virtual HttpClient SignInClient(CookieContainer cookies) =>
        CreateDefaultClient(ClientOptions.BaseAddress, new CookieContainerHandler(cookies));

    public Task<string> CreateTokenAsync(string email, bool readOnly = false) =>
        WithServicesAsync(async sp =>
        {
            var user = await sp.GetRequiredService<AccountService>().RequireAsync(email);
            return (await sp.GetRequiredService<TokenService>().CreateAsync(user.Id, "Tests", readOnly, null)).Secret;
        });

    // An account whose person holds one role on one unit (null: the whole department).
    public async Task<string> AddAccountWithRoleAsync(StewardRole role, string? unitCode, string? name = null)
    {
        var email = $"{role.ToString().ToLowerInvariant()}.{Guid.NewGuid():N}@steward.test";
        await WithServicesAsync(async sp =>
        {
            await sp.GetRequiredService<AccountService>().AddAsync(email, name ?? $"Test {role}", administrator: false, Password);
            return await sp.GetRequiredService<RoleService>().GrantAsync(email, role, unitCode);
        });
        return email;
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

    // A browser-like client signed in as the test Administrator: cookies kept, redirects not followed
    // so tests can see them. With a session of its own when given one.
    public HttpClient Browser(Cookie? session = null)
    {
        RequireDatabase();
        var cookies = new CookieContainer();
        cookies.Add(ClientOptions.BaseAddress, session ?? _adminSession ?? throw new InvalidOperationException("This host does not sign in on start."));
        return CreateDefaultClient(ClientOptions.BaseAddress, new CookieContainerHandler(cookies));
    }

    public HttpClient AnonymousBrowser()
    {
        RequireDatabase();
        return CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
    }

    // An API client with the test Administrator's token, or the token given.
    public HttpClient Api(string? token = null)
    {
        var client = AnonymousApi();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token ?? AdministratorToken);
        return client;
    }

    public HttpClient AnonymousApi()
    {
        RequireDatabase();
        return NewApiClient();
    }

    // In memory by default; a host on a real port is called over a real connection.
    protected virtual HttpClient NewApiClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    public async Task<T> WithServicesAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        RequireDatabase();
        await using var scope = Services.CreateAsyncScope();
        // Test set-up works as an operator at the server would, outside any role.
        scope.ServiceProvider.GetRequiredService<ChangeContext>().BecomeOperator("test set-up", ChangeChannel.Job);
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

    // Tests sign in many times a minute from one address; the rate limit has a test of its own.
    protected virtual int SignInAttemptsPerMinute => 10_000;

    protected abstract Task<string> CreateDatabaseAsync();

    protected abstract Task DropDatabaseAsync(string connectionString);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting(DatabaseTarget.ConfigurationKey, ConnectionString);
        builder.UseSetting("SignIn:AttemptsPerMinute", SignInAttemptsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        // No board packs are printed in the HTTP suite, whatever the machine has: it tests how the server
        // says so. The browser suite prints them with Debian's Chromium.
        builder.UseSetting(Steward.Features.Reporting.BoardPacks.BoardPackPrinter.ChromiumSetting, NoChromium);
        // Background jobs run by hand in tests (the services they call), unless a test host is about the scheduler itself.
        builder.UseSetting("Jobs:Enabled", RunsJobs ? "true" : "false");
    }

    protected virtual bool RunsJobs => false;

    public const string NoChromium = "/nonexistent/chromium-for-the-http-tests";

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

public class PostgresApp : StewardApp
{
    public override DatabaseProvider Provider => DatabaseProvider.PostgreSql;

    public override string? SkipReason => PostgresServer.Shared.UnavailableBecause;

    protected override Task<string> CreateDatabaseAsync() => PostgresServer.Shared.CreateDatabaseAsync();

    protected override Task DropDatabaseAsync(string connectionString) => PostgresServer.Shared.DropDatabaseAsync(connectionString);
}
