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
    private const int Attempts = 5;

    // Numbers are the highest so far plus one. Two people adding at once collide on the unique index,
    // and the later one takes the next number (outside a transaction, which a failed statement would spoil).
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
            catch (DbUpdateException e) when (e.IsUniqueViolation() && attempt < Attempts && db.Database.CurrentTransaction is null)
            {
                db.Entry(record).State = EntityState.Detached;
            }
        }
    }
}
