using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Steward.Cli;
using Steward.Data;
using Steward.Features.History.Digests;
using Steward.Tests.Cli;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.History;

// A demo department with one digest taken, kept untouched as a template: each adversarial test tampers with
// a copy of its own, as someone who can write the database file (or holds its server's superuser) would,
// and verifies the copy against digests kept outside it. Two keys: the one Steward signs with, and another.
public abstract class DigestLab : IAsyncLifetime
{
    private string? _template;

    public abstract DatabaseProvider Provider { get; }

    public virtual string? SkipReason => null;

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "steward-tests", $"digests-{Guid.NewGuid():N}");

    public string KeyPath => Path.Combine(Folder, "signing.pem");

    public string OtherKeyPath => Path.Combine(Folder, "other.pem");

    public HistoryDigestDocument First { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        if (SkipReason is not null)
        {
            return;
        }

        Directory.CreateDirectory(Folder);
        foreach (var path in new[] { KeyPath, OtherKeyPath })
        {
            using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            await File.WriteAllTextAsync(path, key.ExportPkcs8PrivateKeyPem());
            await File.WriteAllTextAsync(path + ".pub", key.ExportSubjectPublicKeyInfoPem());
        }

        _template = await CreateDatabaseAsync();
        var seeded = await StewardProcess.RunAsync("seed", "--demo", "--database", _template);
        Assert.True(seeded.ExitCode == 0, seeded.Error);
        First = await TakeDigestAsync(_template);
    }

    public async ValueTask DisposeAsync()
    {
        if (_template is not null)
        {
            await DropDatabaseAsync(_template);
        }

        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }

        GC.SuppressFinalize(this);
    }

    // A copy of the template, dropped with the lab.
    public async Task<string> CopyAsync()
    {
        if (SkipReason is not null)
        {
            Assert.Skip(SkipReason);
        }

        ClearPools();
        return await CopyDatabaseAsync(_template!);
    }

    public async Task<T> WithServicesAsync<T>(string database, Func<IServiceProvider, Task<T>> work, string? signingKey = null)
    {
        using var host = CliHost.Build(new Dictionary<string, string?>
        {
            [DatabaseTarget.ConfigurationKey] = database,
            [DigestKeys.SigningKeyPathSetting] = signingKey ?? KeyPath,
        });
        try
        {
            await using var scope = host.Services.CreateAsyncScope();
            return await work(scope.ServiceProvider);
        }
        finally
        {
            ClearPools();
        }
    }

    public Task<HistoryDigestDocument> TakeDigestAsync(string database, string? signingKey = null) =>
        WithServicesAsync(database, sp => sp.GetRequiredService<HistoryDigests>().TakeAsync(), signingKey);

    public Task<DigestCheck> VerifyAsync(string database, params HistoryDigestDocument[] published) =>
        WithServicesAsync(database, sp => sp.GetRequiredService<DigestVerification>()
            .VerifyAsync(published.Select(d => new PublishedDigest(d, DigestPublication.FileName(d))).ToList(), []));

    // What an attacker does first: switch off the database's refusal to change history and digests.
    public Task TamperAsync(string database, string sql, params object[] parameters) =>
        WithServicesAsync(database, async sp =>
        {
            var db = sp.GetRequiredService<StewardDbContext>();
            var unguard = Provider == DatabaseProvider.Sqlite
                ? "DROP TRIGGER IF EXISTS history_events_no_update; DROP TRIGGER IF EXISTS history_events_no_delete; " +
                  "DROP TRIGGER IF EXISTS history_digests_no_update; DROP TRIGGER IF EXISTS history_digests_no_delete; " +
                  "DROP TRIGGER IF EXISTS history_digest_heads_no_update; DROP TRIGGER IF EXISTS history_digest_heads_no_delete;"
                : "ALTER TABLE history_events DISABLE TRIGGER history_events_no_change; " +
                  "ALTER TABLE history_digests DISABLE TRIGGER history_digests_no_change; " +
                  "ALTER TABLE history_digest_heads DISABLE TRIGGER history_digest_heads_no_change;";
            await db.Database.ExecuteSqlRawAsync(unguard);
            return await db.Database.ExecuteSqlRawAsync(sql, parameters);
        });

    protected abstract Task<string> CreateDatabaseAsync();

    protected abstract Task<string> CopyDatabaseAsync(string template);

    protected abstract Task DropDatabaseAsync(string database);

    protected abstract void ClearPools();
}

public sealed class SqliteDigestLab : DigestLab
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override Task<string> CreateDatabaseAsync() => Task.FromResult(Path.Combine(Folder, "template.db"));

    protected override Task<string> CopyDatabaseAsync(string template)
    {
        var copy = Path.Combine(Folder, $"{Guid.NewGuid():N}.db");
        File.Copy(template, copy);
        return Task.FromResult(copy);
    }

    protected override Task DropDatabaseAsync(string database)
    {
        ClearPools();
        return Task.CompletedTask; // the folder goes with the lab
    }

    protected override void ClearPools() => SqliteConnection.ClearAllPools();
}

public sealed class PostgresDigestLab : DigestLab
{
    private readonly List<string> _copies = [];

    public override DatabaseProvider Provider => DatabaseProvider.PostgreSql;

    public override string? SkipReason => PostgresServer.Shared.UnavailableBecause;

    protected override Task<string> CreateDatabaseAsync() => PostgresServer.Shared.CreateDatabaseAsync();

    // A PostgreSQL database is copied by making a new one from it as a template (nobody may be connected to it).
    protected override async Task<string> CopyDatabaseAsync(string template)
    {
        var copy = await PostgresServer.Shared.CreateDatabaseAsync();
        var (from, to) = (new NpgsqlConnectionStringBuilder(template).Database, new NpgsqlConnectionStringBuilder(copy).Database);
        await using var connection = new NpgsqlConnection(PostgresServer.Shared.AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE \"{to}\"; ", connection);
        await command.ExecuteNonQueryAsync();
        command.CommandText = $"CREATE DATABASE \"{to}\" TEMPLATE \"{from}\"";
        await command.ExecuteNonQueryAsync();
        _copies.Add(copy);
        return copy;
    }

    protected override async Task DropDatabaseAsync(string database)
    {
        foreach (var copy in _copies)
        {
            await PostgresServer.Shared.DropDatabaseAsync(copy);
        }

        await PostgresServer.Shared.DropDatabaseAsync(database);
    }

    protected override void ClearPools() => NpgsqlConnection.ClearAllPools();
}
