using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Steward.Data;

namespace Steward.Features.History;

// Reads history events in the order they were written, with a plain data reader: a million events
// materialise several times faster than through EF's tracking-free query. Links only (id, record, version,
// hashes) is what following chains needs; the whole event is what checking each hash needs. Without afterId
// every event is read, whatever its id: an event slipped in with a negative id is still an event.
public static class HistoryReader
{
    private static readonly string[] LinkColumns = ["Id", "RecordType", "RecordId", "Version", "PreviousHash", "Hash"];
    private static readonly string[] ContentColumns = ["Action", "Actor", "Channel", "At", "Changes"];

    public static async IAsyncEnumerable<HistoryEvent> ReadAsync(
        StewardDbContext db, long? afterId, long? upToId, bool content, [EnumeratorCancellation] CancellationToken ct)
    {
        var columns = content ? [.. LinkColumns, .. ContentColumns] : LinkColumns;
        var sql = $"SELECT {string.Join(", ", columns.Select(Quote))} FROM {Quote("history_events")} " +
            $"WHERE {Quote("Id")} > {afterId ?? long.MinValue}{(upToId is { } last ? $" AND {Quote("Id")} <= {last}" : string.Empty)} ORDER BY {Quote("Id")}";
        var types = new RecordTypeNames();
        await foreach (var row in RowsAsync(db, sql, ct))
        {
            yield return new HistoryEvent
            {
                Id = row.GetInt64(0),
                RecordType = types.Of(row, 1),
                RecordId = row.GetGuid(2),
                Version = row.IsDBNull(3) ? null : row.GetInt32(3),
                PreviousHash = row.IsDBNull(4) ? null : row.GetString(4),
                Hash = row.GetString(5),
                Action = content ? row.GetString(6) : string.Empty,
                Actor = content ? row.GetString(7) : string.Empty,
                Channel = content ? row.GetString(8) : string.Empty,
                At = content ? DateTime.SpecifyKind(row.GetDateTime(9), DateTimeKind.Utc) : default,
                Changes = content ? row.GetString(10) : string.Empty,
            };
        }
    }

    // The rows of one query, straight from the data reader (no timeout: a long history takes its time).
    // Each row is the reader itself, positioned on it: read what is needed before asking for the next.
    internal static async IAsyncEnumerable<DbDataReader> RowsAsync(StewardDbContext db, string sql, [EnumeratorCancellation] CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.CommandTimeout = 0;
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                yield return reader;
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    internal static string Quote(string name) => $"\"{name}\"";
}

// A long history names a few dozen kinds of record: one string for each, not one per row read.
internal sealed class RecordTypeNames
{
    private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);

    public string Of(DbDataReader row, int column)
    {
        var name = row.GetString(column);
        if (!_names.TryGetValue(name, out var shared))
        {
            _names[name] = shared = name;
        }

        return shared;
    }
}
