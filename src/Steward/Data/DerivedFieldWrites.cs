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

    // An untracked entity whose only changes are derived (the caller compared it with what was stored).
    public void Add(IEntityType type, object entity) => pending.Add((type, entity));

    // A save that failed before writing leaves nothing pending for the next one.
    public void Clear() => pending.Clear();

    // Within the save's transaction, after EF's own statements: a conflict there leaves these unwritten.
    // Throws DbUpdateConcurrencyException when a row was changed or removed meanwhile.
    public async Task WriteAsync(CancellationToken ct)
    {
        var transaction = (db.Database.CurrentTransaction ?? throw new InvalidOperationException("Derived fields are written inside the save's transaction.")).GetDbTransaction();
        foreach (var group in pending.GroupBy(e => e.Type, e => e.Entity))
        {
            var rows = group.ToList();
            var columns = group.Key.GetProperties().Where(p => p.FindAnnotation(HistoryAnnotations.Derived) is not null && !p.IsConcurrencyToken).ToList();
            var match = group.Key.FindPrimaryKey()!.Properties.Concat(group.Key.GetProperties().Where(p => p.IsConcurrencyToken)).ToList();
            var written = transaction.Connection is Npgsql.NpgsqlConnection && columns.Concat(match).All(Unnestable)
                ? await UnnestAsync(transaction, group.Key, rows, columns, match, ct)
                : await StatementsAsync(transaction, group.Key, rows, columns, match, ct);
            if (written != rows.Count)
            {
                throw new DbUpdateConcurrencyException($"{rows.Count - written} of {rows.Count} {group.Key.DisplayName()} rows were changed or removed while this change was saved.");
            }
        }

        pending.Clear();
    }

    // PostgreSQL: one statement for all the rows, each column's values as one text array cast to the column's
    // type. 1,700 single-row UPDATEs were most of a large plan's save there.
    private async Task<int> UnnestAsync(DbTransaction transaction, IEntityType type, List<object> rows, List<IProperty> columns, List<IProperty> match, CancellationToken ct)
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        var all = columns.Concat(match).ToList();
        string Column(IProperty p) => sql.DelimitIdentifier(p.GetColumnName(table)!);
        await using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText =
            $"UPDATE {sql.DelimitIdentifier(table.Name, table.Schema)} AS t SET {string.Join(", ", columns.Select(p => $"{Column(p)} = v.{Column(p)}"))} " +
            $"FROM unnest({string.Join(", ", all.Select((p, i) => $"@v{i}::text[]::{p.GetColumnType().Split('(')[0]}[]"))}) AS v({string.Join(", ", all.Select(Column))}) " +
            $"WHERE {string.Join(" AND ", match.Select(p => $"t.{Column(p)} = v.{Column(p)}"))}";
        for (var i = 0; i < all.Count; i++)
        {
            var property = all[i];
            var parameter = command.CreateParameter();
            parameter.ParameterName = $"v{i}";
            parameter.Value = rows.Select(r => Text(property, property.GetGetter().GetClrValue(r))).ToArray();
            command.Parameters.Add(parameter);
        }

        return await command.ExecuteNonQueryAsync(ct);
    }

    private static readonly Type[] TextTypes = [typeof(DateTime), typeof(long), typeof(int), typeof(bool), typeof(Guid)];

    private static bool Unnestable(IProperty property) =>
        TextTypes.Contains(property.GetTypeMapping().Converter?.ProviderClrType is { } provider ? Nullable.GetUnderlyingType(provider) ?? provider : Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType);

    // The value as PostgreSQL reads it from text, after the column's own converter; null stays null.
    private static string? Text(IProperty property, object? value)
    {
        if (value is not null && property.GetTypeMapping().Converter is { } converter)
        {
            value = converter.ConvertToProvider(value);
        }

        return value switch
        {
            null => null,
            DateTime at => at.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", System.Globalization.CultureInfo.InvariantCulture),
            long n => n.ToString(System.Globalization.CultureInfo.InvariantCulture),
            int n => n.ToString(System.Globalization.CultureInfo.InvariantCulture),
            bool b => b ? "true" : "false",
            Guid id => id.ToString(),
            _ => throw new InvalidOperationException($"{property.Name} cannot be written as text."),
        };
    }

    // One UPDATE per row: on SQLite one statement compiled once and run for each row (it finds a statement's
    // parameters by name in the whole command's list, so many statements in one command cost the square);
    // elsewhere a hundred statements a round trip.
    private async Task<int> StatementsAsync(DbTransaction transaction, IEntityType type, List<object> rows, List<IProperty> columns, List<IProperty> match, CancellationToken ct)
    {
        var rowsPerCommand = db.Database.IsSqlite() ? 1 : 100;
        var written = 0;
        DbCommand? full = null;
        try
        {
            for (var start = 0; start < rows.Count; start += rowsPerCommand)
            {
                var chunk = rows.GetRange(start, Math.Min(rowsPerCommand, rows.Count - start));
                var command = chunk.Count == rowsPerCommand ? full ??= Command(transaction, type, columns, match, rowsPerCommand)
                    : Command(transaction, type, columns, match, chunk.Count);
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

        return written;
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
