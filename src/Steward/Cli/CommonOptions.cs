using System.CommandLine;

namespace Steward.Cli;

internal static class CommonOptions
{
    public static readonly Option<string?> Database = new("--database")
    {
        Description = "A SQLite file path (default data/steward.db) or a PostgreSQL connection string or postgres:// URL. Also STEWARD_DATABASE.",
        HelpName = "SQLITE_PATH|POSTGRES_CONNECTION_STRING",
        Recursive = true,
    };

    public static readonly Option<bool> Json = new("--json") { Description = "Write JSON instead of a table." };

    public static Dictionary<string, string?> Overrides(ParseResult parse) => new()
    {
        [Data.DatabaseTarget.ConfigurationKey] = parse.GetValue(Database),
    };
}
