using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Steward.Data;

// Used only by `dotnet ef migrations add`; no database is opened.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteStewardDbContext>
{
    public SqliteStewardDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteStewardDbContext>().UseSqlite("Data Source=design.db").Options);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresStewardDbContext>
{
    public PostgresStewardDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresStewardDbContext>().UseNpgsql("Host=localhost;Database=steward").Options);
}
