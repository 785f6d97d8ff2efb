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

        // Editing one task reschedules hundreds of others: their dates (no index holds them) are rewritten in
        // place. Room left on each page lets PostgreSQL make those heap-only updates, which skip the table's
        // four indexes, instead of writing every index again for every moved task.
        builder.Entity<Features.Plans.PlannedTask>().HasStorageParameter("fillfactor", 70);
    }
}
