using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Steward.Tests.Infrastructure;

// One throwaway PostgreSQL cluster for the whole test run, started with the machine's initdb and pg_ctl
// (or the server named by STEWARD_TEST_POSTGRES). Each test class gets its own database in it.
public sealed class PostgresServer
{
    private static readonly Lazy<PostgresServer> Instance = new(Start);
    private readonly string? _dataDirectory;
    private readonly string? _pgCtl;

    private PostgresServer(string? adminConnectionString, string? unavailableBecause, string? dataDirectory = null, string? pgCtl = null)
    {
        AdminConnectionString = adminConnectionString;
        UnavailableBecause = unavailableBecause;
        _dataDirectory = dataDirectory;
        _pgCtl = pgCtl;
    }

    public static PostgresServer Shared => Instance.Value;

    public string? AdminConnectionString { get; }

    public string? UnavailableBecause { get; }

    public static bool Required => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"steward_test_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(AdminConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name, Pooling = true }.ConnectionString;
    }

    public async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }

    private static PostgresServer Start()
    {
        var given = Environment.GetEnvironmentVariable("STEWARD_TEST_POSTGRES");
        if (!string.IsNullOrWhiteSpace(given))
        {
            return new PostgresServer(given, null);
        }

        var bin = FindBinDirectory();
        if (bin is null)
        {
            return Unavailable("PostgreSQL's initdb and pg_ctl were not found (install the postgresql package, or set STEWARD_TEST_POSTGRES)");
        }

        var directory = Path.Combine(Path.GetTempPath(), $"steward-pg-{Environment.ProcessId}-{Guid.NewGuid():N}"[..40]);
        Directory.CreateDirectory(directory);
        var asRoot = Environment.UserName == "root";
        if (asRoot)
        {
            // PostgreSQL refuses to run as root: the cluster belongs to the postgres system user.
            Run("chown", $"postgres:postgres {directory}", asPostgres: false);
        }

        var port = FreePort();
        var initdb = Run(Path.Combine(bin, "initdb"), $"-D {directory}/data -A trust -U steward --no-locale -E UTF8 --no-sync", asRoot);
        if (initdb.ExitCode != 0)
        {
            return Unavailable($"initdb failed: {initdb.Output}");
        }

        var pgCtl = Path.Combine(bin, "pg_ctl");
        var options = $"-p {port} -k {directory} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300";
        var start = Run(pgCtl, $"-D {directory}/data -o \"{options}\" -l {directory}/log -w start", asRoot);
        if (start.ExitCode != 0)
        {
            return Unavailable($"pg_ctl start failed: {start.Output} {TryRead($"{directory}/log")}");
        }

        var server = new PostgresServer($"Host=127.0.0.1;Port={port};Username=steward;Database=postgres;Pooling=false", null, directory, pgCtl);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Stop();
        return server;

        PostgresServer Unavailable(string reason) =>
            Required ? throw new InvalidOperationException($"CI=true needs PostgreSQL for the tests: {reason}") : new PostgresServer(null, reason);
    }

    private void Stop()
    {
        if (_pgCtl is null || _dataDirectory is null)
        {
            return;
        }

        Run(_pgCtl, $"-D {_dataDirectory}/data -m immediate stop", Environment.UserName == "root");
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static string? FindBinDirectory()
    {
        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':'))
        {
            if (File.Exists(Path.Combine(folder, "initdb")) && File.Exists(Path.Combine(folder, "pg_ctl")))
            {
                return folder;
            }
        }

        return Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(v => Path.Combine(v, "bin"))
                .Where(b => File.Exists(Path.Combine(b, "initdb"))).OrderDescending().FirstOrDefault()
            : null;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static (int ExitCode, string Output) Run(string file, string arguments, bool asPostgres)
    {
        var start = asPostgres
            ? new ProcessStartInfo("runuser", $"-u postgres -- {file} {arguments}")
            : new ProcessStartInfo(file, arguments);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.WorkingDirectory = Path.GetTempPath();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, output.Result + error.Result);
    }

    private static string TryRead(string path) => File.Exists(path) ? File.ReadAllText(path) : string.Empty;
}
