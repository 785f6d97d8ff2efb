using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace Steward.Data;

// A save made inside StewardDbContext.InsertingInBulk() that holds nothing but new rows (a batch of an
// import of 100,000 risks) is written table by table: by binary COPY on PostgreSQL, and on SQLite by one
// INSERT prepared once and run for each row (EF Core sends a new statement per row, which SQLite must
// compile each time). EF Core's statements were most of such an import's time. It runs last, after
// the other interceptors, so versions are stamped, roll-up keys set and history events added with their
// hash chain exactly as for any save; only the way the rows reach the database differs. Anything it
// cannot write the same way (a change or removal, a new row that refers to another new row, a value the
// database generates other than an identity key) goes through EF Core as usual.
internal sealed partial class BulkInsertInterceptor : SaveChangesInterceptor
{
    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (result.HasResult || eventData.Context is not StewardDbContext { IsInsertingInBulk: true } db || db.Database.CurrentTransaction is not { } transaction)
        {
            return result;
        }

        var entries = db.ChangeTracker.Entries().Where(e => e.State != EntityState.Unchanged).ToList();
        if (entries.Count == 0 || entries.Any(e => e.State != EntityState.Added))
        {
            return result;
        }

        var tables = entries.GroupBy(e => e.Metadata).Select(g => Table.For(g.Key, g.ToList())).ToList();
        if (tables.Any(t => t is null) || tables.Any(t => t!.ReferencesNew(tables.Select(o => o!.Type))))
        {
            return result;
        }

        foreach (var table in tables)
        {
            if (db.Database.GetDbConnection() is NpgsqlConnection connection)
            {
                await table!.CopyAsync(connection, cancellationToken);
            }
            else
            {
                await table!.InsertAsync(transaction.GetDbTransaction(), cancellationToken);
            }
        }

        return InterceptionResult<int>.SuppressWithResult(entries.Count);
    }

    private sealed class Table(IEntityType type, string name, List<(IProperty Property, string Column, string DataType)> columns, List<EntityEntry> rows)
    {
        public IEntityType Type => type;

        public static Table? For(IEntityType type, List<EntityEntry> rows)
        {
            // Values kept beside the entity's own properties (owned or complex types) are left to EF Core.
            if (type.GetTableName() is not { } name || type.IsOwned() || type.GetComplexProperties().Any() || type.GetNavigations().Any(n => n.TargetEntityType.IsOwned()))
            {
                return null;
            }

            var store = StoreObjectIdentifier.Table(name, type.GetSchema());
            var columns = new List<(IProperty, string, string)>();
            foreach (var property in type.GetProperties())
            {
                if (property.GetColumnName(store) is not { } column)
                {
                    continue;
                }

                // An identity key: the database numbers the rows, as it would for an INSERT.
                if (rows.All(r => r.Property(property.Name).IsTemporary) && property.IsPrimaryKey())
                {
                    continue;
                }

                // A default or computed value the database fills in: an INSERT from EF Core would leave the
                // column out where this would write the CLR default.
                if (rows.Any(r => r.Property(property.Name).IsTemporary) || property.GetColumnType() is not { } storeType
                    || (!property.IsPrimaryKey() && (property.ValueGenerated != ValueGenerated.Never || property.GetDefaultValueSql() is not null || property.GetComputedColumnSql() is not null)))
                {
                    return null;
                }

                columns.Add((property, column, Facets().Replace(storeType, string.Empty)));
            }

            var schema = type.GetSchema() is { } s ? $"\"{s}\"." : string.Empty;
            return new Table(type, $"{schema}\"{name}\"", columns, rows);
        }

        // Whether a row here may point at a row added in the same save: COPY checks each foreign key as it goes.
        public bool ReferencesNew(IEnumerable<IEntityType> added) =>
            type.GetForeignKeys().Any(fk => added.Any(a => fk.PrincipalEntityType.IsAssignableFrom(a)));

        public async Task CopyAsync(NpgsqlConnection connection, CancellationToken ct)
        {
            var list = string.Join(", ", columns.Select(c => $"\"{c.Column}\""));
            await using var writer = await connection.BeginBinaryImportAsync($"COPY {name} ({list}) FROM STDIN (FORMAT BINARY)", ct);
            foreach (var row in rows)
            {
                await writer.StartRowAsync(ct);
                foreach (var (property, _, dataType) in columns)
                {
                    var value = row.Property(property.Name).CurrentValue;
                    if (value is not null && property.GetTypeMapping().Converter is { } converter)
                    {
                        value = converter.ConvertToProvider(value);
                    }

                    if (value is null)
                    {
                        await writer.WriteNullAsync(ct);
                    }
                    else
                    {
                        await writer.WriteAsync(value, dataType, ct);
                    }
                }
            }

            await writer.CompleteAsync(ct);
        }

        // Each parameter made by the column's own type mapping, so values are stored as EF Core stores them.
        public async Task InsertAsync(DbTransaction transaction, CancellationToken ct)
        {
            await using var command = transaction.Connection!.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"INSERT INTO {name} ({string.Join(", ", columns.Select(c => $"\"{c.Column}\""))}) " +
                $"VALUES ({string.Join(", ", columns.Select((_, i) => $"@p{i}"))})";
            foreach (var row in rows)
            {
                command.Parameters.Clear();
                for (var i = 0; i < columns.Count; i++)
                {
                    var property = columns[i].Property;
                    command.Parameters.Add(property.GetRelationalTypeMapping().CreateParameter(command, $"@p{i}", row.Property(property.Name).CurrentValue, property.IsNullable));
                }

                if (row == rows[0])
                {
                    await command.PrepareAsync(ct);
                }

                await command.ExecuteNonQueryAsync(ct);
            }
        }
    }

    // "character varying(200)" is written as "character varying".
    [GeneratedRegex(@"\(.*\)$")]
    private static partial Regex Facets();
}
