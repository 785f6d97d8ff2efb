namespace Steward.Data;

public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}
