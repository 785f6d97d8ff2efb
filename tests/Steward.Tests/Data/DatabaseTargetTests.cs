using Steward.Data;

namespace Steward.Tests.Data;

public sealed class DatabaseTargetTests
{
    [Fact]
    public void Nothing_MeansTheDefaultSqliteFile()
    {
        var target = DatabaseTarget.Parse(null);
        Assert.Equal(DatabaseProvider.Sqlite, target.Provider);
        Assert.EndsWith("data/steward.db", target.Description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Host=db.internal;Database=steward;Username=app", "db.internal", "steward")]
    [InlineData("postgres://app:s%40cret@db.internal:6432/pmo", "db.internal", "pmo")]
    [InlineData("postgresql://db.internal/pmo", "db.internal", "pmo")]
    public void ConnectionStringsAndUrls_MeanPostgreSql(string value, string host, string database)
    {
        var target = DatabaseTarget.Parse(value);
        Assert.Equal(DatabaseProvider.PostgreSql, target.Provider);
        Assert.Contains($"Host={host}", target.ConnectionString, StringComparison.Ordinal);
        Assert.Contains($"Database={database}", target.ConnectionString, StringComparison.Ordinal);
    }

    [Fact]
    public void PostgresUrl_KeepsAnEscapedPassword()
    {
        var target = DatabaseTarget.Parse("postgres://app:s%40cret@db.internal:6432/pmo");
        Assert.Contains("Password=s@cret", target.ConnectionString, StringComparison.Ordinal);
        Assert.Contains("Port=6432", target.ConnectionString, StringComparison.Ordinal);
    }
}
