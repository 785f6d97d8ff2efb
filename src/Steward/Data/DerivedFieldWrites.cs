using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Steward.Features.History;

namespace Steward.Data;

// Rows whose only change is to fields worked out from others (a task's scheduled dates), written in a few
// statements after EF's own save instead of one statement each by EF. One edit early in a 5,000-task plan
// moves 1,700 tasks; EF's per-row UPDATEs were a third of that edit's time. Such a change bumps no version
// and records no history (VersionStampInterceptor, HistoryInterceptor), so nothing is lost by writing it
// here. Each row is matched on its key and its concurrency tokens, as EF would match it.
public sealed class DerivedFieldWrites(StewardDbContext db)
{
    private readonly List<(IEntityType Type, object Entity)> pending = [];

    // Whether the entry's only changes (as last detected) are derived; if so it is written by WriteAsync, from
    // the entity itself, and the caller takes it out of EF's save by detaching it.
    public bool Take(EntityEntry entry)
    {
        if (entry.State != EntityState.Modified)
        {
            return false;
        }

        foreach (var property in entry.Properties)
        {
            if (property.IsModified && property.Metadata.FindAnnotation(HistoryAnnotations.Derived) is null)
            {
                return false;
            }
        }

        pending.Add((entry.Metadata, entry.Entity));
        return true;
    }

    // A save that failed before writing leaves nothing pending for the next one.
    public void Clear() => pending.Clear();

    // Within the save's transaction, after EF's own statements: a conflict there leaves these unwritten.
    // Throws DbUpdateConcurrencyException when a row was changed or removed meanwhile.
    public async Task WriteAsync(CancellationToken ct)
    {
        var transaction = db.Database.CurrentTransaction ?? throw new InvalidOperationException("Derived fields are written inside the save's transaction.");

        // SQLite runs one statement compiled once for every row (it finds each statement's parameters by
        // name in the whole command's list, so many statements in a command cost the square); PostgreSQL
        // takes a hundred statements a round trip.
        var rowsPerCommand = db.Database.IsSqlite() ? 1 : 100;
        foreach (var group in pending.GroupBy(e => e.Type, e => e.Entity))
        {
            var rows = group.ToList();
            var columns = group.Key.GetProperties().Where(p => p.FindAnnotation(HistoryAnnotations.Derived) is not null && !p.IsConcurrencyToken).ToList();
            var match = group.Key.FindPrimaryKey()!.Properties.Concat(group.Key.GetProperties().Where(p => p.IsConcurrencyToken)).ToList();
            var written = 0;
            DbCommand? full = null;
            try
            {
                for (var start = 0; start < rows.Count; start += rowsPerCommand)
                {
                    var chunk = rows.GetRange(start, Math.Min(rowsPerCommand, rows.Count - start));
                    var command = chunk.Count == rowsPerCommand ? full ??= Command(transaction.GetDbTransaction(), group.Key, columns, match, rowsPerCommand)
                        : Command(transaction.GetDbTransaction(), group.Key, columns, match, chunk.Count);
                    command.Parameters.Clear();
                    foreach (var (entity, row) in chunk.Select((e, i) => (e, i)))
                    {
                        foreach (var (property, i) in columns.Concat(match).Select((p, i) => (p, i)))
                        {
                            // Keys and concurrency tokens are as loaded: only derived fields changed.
                            var value = property.GetGetter().GetClrValue(entity);
                            command.Parameters.Add(property.GetRelationalTypeMapping().CreateParameter(command, $"@p{row}_{i}", value, property.IsNullable));
                        }
                    }

                    if (start == 0)
                    {
                        await command.PrepareAsync(ct);
                    }

                    written += await command.ExecuteNonQueryAsync(ct);
                    if (command != full)
                    {
                        await command.DisposeAsync();
                    }
                }
            }
            finally
            {
                if (full is not null)
                {
                    await full.DisposeAsync();
                }
            }

            if (written != rows.Count)
            {
                throw new DbUpdateConcurrencyException($"{rows.Count - written} of {rows.Count} {group.Key.DisplayName()} rows were changed or removed while this change was saved.");
            }
        }

        pending.Clear();
    }

    // One UPDATE per row, as many as the command carries; a command of the same size is reused, so SQLite
    // compiles its statements once.
    private DbCommand Command(DbTransaction transaction, IEntityType type, List<IProperty> columns, List<IProperty> match, int rows)
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        var name = sql.DelimitIdentifier(table.Name, table.Schema);
        var statements = Enumerable.Range(0, rows).Select(row =>
        {
            string Parameter(IProperty property, int i) => $"{sql.DelimitIdentifier(property.GetColumnName(table)!)} = @p{row}_{i}";
            var set = string.Join(", ", columns.Select((p, i) => Parameter(p, i)));
            var where = string.Join(" AND ", match.Select((p, i) => Parameter(p, columns.Count + i)));
            return $"UPDATE {name} SET {set} WHERE {where};";
        });
        var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = string.Join("\n", statements);
        return command;
    }
}
