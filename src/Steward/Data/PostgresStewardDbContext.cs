using Microsoft.EntityFrameworkCore;
using Steward.Features.Units;

namespace Steward.Data;

public sealed class PostgresStewardDbContext(DbContextOptions<PostgresStewardDbContext> options) : StewardDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        // Unit paths compare byte by byte, as in SQLite: a subtree is then one range of the Path index
        // (UnitSubtree), whatever collation the database was created with. A language collation would
        // sort "/a/b/" and "/a/b0" by their letters alone and break the range.
        builder.Entity<DeliveryUnit>().Property(u => u.Path).UseCollation("C");
    }
}
