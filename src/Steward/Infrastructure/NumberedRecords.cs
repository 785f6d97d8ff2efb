using Microsoft.EntityFrameworkCore;
using Steward.Data;

namespace Steward.Infrastructure;

// A record people quote by a short number (R-0042, DEC-0007): unique within its kind.
public interface INumberedRecord
{
    int Number { get; set; }
}

public static class NumberedRecords
{
    // A dozen people saving at one instant still all get a number; past that the error is real.
    private const int Attempts = 20;

    // Numbers are the highest so far plus one. Two people adding at once collide on the unique index,
    // and the later one takes the next number. Inside a caller's transaction (realising a risk raises its
    // issue) this works too: EF Core saves to a savepoint there and rolls back to it when the insert
    // fails, so PostgreSQL's transaction is not left aborted, and each retry reads the highest number
    // committed since (read committed). SQLite's transactions are IMMEDIATE and never collide.
    public static async Task<T> AddNumberedAsync<T>(this StewardDbContext db, DbSet<T> records, T record, CancellationToken ct)
        where T : class, INumberedRecord
    {
        for (var attempt = 1; ; attempt++)
        {
            record.Number = (await records.MaxAsync(r => (int?)r.Number, ct) ?? 0) + 1;
            records.Add(record);
            try
            {
                await db.SaveChangesAsync(ct);
                return record;
            }
            catch (DbUpdateException e) when (e.IsUniqueViolation() && attempt < Attempts && (db.Database.CurrentTransaction is null || db.Database.AutoSavepointsEnabled))
            {
                db.Entry(record).State = EntityState.Detached;
                // Those who collided would otherwise retry in step and collide again.
                await Task.Delay(Random.Shared.Next(1, 5 * attempt), ct);
            }
        }
    }
}
