using Microsoft.EntityFrameworkCore;
using Steward.Data;

namespace Steward.Tests.Data;

// Each provider keeps its own migration set; a model change without a migration for both fails here.
public sealed class MigrationTests
{
    [Fact]
    public void SqliteMigrations_MatchTheModel()
    {
        using var db = new SqliteStewardDbContext(new DbContextOptionsBuilder<SqliteStewardDbContext>().UseSqlite("Data Source=:memory:").Options);
        Assert.False(db.Database.HasPendingModelChanges(), "Run: dotnet ef migrations add NAME --project src/Steward --context SqliteStewardDbContext --output-dir Data/Migrations/Sqlite --namespace Steward.Data.Migrations.Sqlite");
    }

    [Fact]
    public void PostgresMigrations_MatchTheModel()
    {
        using var db = new PostgresStewardDbContext(new DbContextOptionsBuilder<PostgresStewardDbContext>().UseNpgsql("Host=localhost").Options);
        Assert.False(db.Database.HasPendingModelChanges(), "Run: dotnet ef migrations add NAME --project src/Steward --context PostgresStewardDbContext --output-dir Data/Migrations/Postgres --namespace Steward.Data.Migrations.Postgres");
    }
}
