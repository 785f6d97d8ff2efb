using Microsoft.Data.Sqlite;
using Npgsql;

namespace Steward.Data;

// What `--database` / STEWARD_DATABASE names: a SQLite file path, or a PostgreSQL connection string or URL.
public sealed record DatabaseTarget(DatabaseProvider Provider, string ConnectionString, string Description)
{
    public const string ConfigurationKey = "Database";
    public const string DefaultSqlitePath = "data/steward.db";

    public static DatabaseTarget Parse(string? value)
    {
        var text = string.IsNullOrWhiteSpace(value) ? DefaultSqlitePath : value.Trim();
        if (text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            return FromPostgresUrl(text);
        }

        if (LooksLikeConnectionString(text))
        {
            return ForPostgres(new NpgsqlConnectionStringBuilder(text), text);
        }

        var path = Path.GetFullPath(text);
        var sqlite = new SqliteConnectionStringBuilder { DataSource = path, ForeignKeys = true, DefaultTimeout = 30 };
        return new(DatabaseProvider.Sqlite, sqlite.ConnectionString, $"SQLite file {path}");
    }

    // A SQLite file must be creatable before the host starts, so a bad path fails with one clear line.
    public void EnsureUsable()
    {
        if (Provider != DatabaseProvider.Sqlite)
        {
            return;
        }

        var path = new SqliteConnectionStringBuilder(ConnectionString).DataSource;
        if (Directory.Exists(path))
        {
            throw new DatabaseTargetException($"--database: '{path}' is a directory; give a file path such as '{Path.Combine(path, "steward.db")}'.");
        }

        try
        {
            var folder = Path.GetDirectoryName(path);
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }

            using var probe = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.ReadWrite);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DatabaseTargetException($"--database: cannot write to '{path}': {e.Message}");
        }
    }

    private static bool LooksLikeConnectionString(string text) =>
        text.Contains('=', StringComparison.Ordinal)
        && (text.Contains("host=", StringComparison.OrdinalIgnoreCase) || text.Contains("server=", StringComparison.OrdinalIgnoreCase));

    private static DatabaseTarget FromPostgresUrl(string text)
    {
        var uri = new Uri(text);
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.IsDefaultPort || uri.Port < 0 ? 5432 : uri.Port,
            Database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')),
        };
        var userInfo = uri.UserInfo.Split(':', 2);
        if (userInfo[0].Length > 0)
        {
            builder.Username = Uri.UnescapeDataString(userInfo[0]);
        }

        if (userInfo.Length > 1)
        {
            builder.Password = Uri.UnescapeDataString(userInfo[1]);
        }

        return ForPostgres(builder, string.Empty);
    }

    // Steward runs the same few queries all day: let Npgsql prepare them on the server, and skip the
    // reset of pooled connections (Steward changes no session state), unless the operator said otherwise.
    private static DatabaseTarget ForPostgres(NpgsqlConnectionStringBuilder builder, string given)
    {
        if (!given.Contains("Max Auto Prepare", StringComparison.OrdinalIgnoreCase) && !given.Contains("MaxAutoPrepare", StringComparison.OrdinalIgnoreCase))
        {
            builder.MaxAutoPrepare = 64;
        }

        if (!given.Contains("No Reset On Close", StringComparison.OrdinalIgnoreCase) && !given.Contains("NoResetOnClose", StringComparison.OrdinalIgnoreCase))
        {
            builder.NoResetOnClose = true;
        }

        return new(DatabaseProvider.PostgreSql, builder.ConnectionString, $"PostgreSQL database '{builder.Database}' on {builder.Host}:{builder.Port}");
    }
}
