using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Steward.Data;

namespace Steward.Features.History.Digests;

// The database's copy of each record's chain head at a digest (see StoredChainHead).
internal static class StoredHeads
{
    private static readonly string[] ParameterNames = ["@s", "@r", "@t", "@e", "@v", "@h"];

    // Per record, the newest head written at or before the digest: rows come in key order (record, then
    // digest), so the last row of each record is the one kept.
    public static async Task<Dictionary<Guid, ChainHead>> AtAsync(StewardDbContext db, long sequence, CancellationToken ct)
    {
        var heads = new Dictionary<Guid, ChainHead>();
        var types = new RecordTypeNames();
        var sql = "SELECT \"RecordId\", \"RecordType\", \"EventId\", \"Version\", \"Hash\" FROM history_digest_heads " +
            $"WHERE \"DigestSequence\" <= {sequence} ORDER BY \"RecordId\", \"DigestSequence\"";
        await foreach (var row in HistoryReader.RowsAsync(db, sql, ct))
        {
            var head = ChainHead.Read(row, types);
            heads[head.RecordId] = head;
        }

        return heads;
    }

    // Within the caller's transaction, straight to the database: binary COPY on PostgreSQL, one prepared INSERT
    // on SQLite. The first digest of a long history writes a million and a half rows; through EF Core's change
    // tracker that took a minute.
    public static async Task WriteAsync(StewardDbContext db, long sequence, IEnumerable<ChainHead> heads, CancellationToken ct)
    {
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction() ?? throw new InvalidOperationException("Chain heads are written inside the digest's transaction.");
        if (transaction.Connection is NpgsqlConnection postgres)
        {
            await using var copy = await postgres.BeginBinaryImportAsync(
                "COPY history_digest_heads (\"DigestSequence\", \"RecordId\", \"RecordType\", \"EventId\", \"Version\", \"Hash\") FROM STDIN (FORMAT BINARY)", ct);
            foreach (var head in heads)
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(sequence, NpgsqlTypes.NpgsqlDbType.Bigint, ct);
                await copy.WriteAsync(head.RecordId, NpgsqlTypes.NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(head.RecordType, NpgsqlTypes.NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(head.EventId, NpgsqlTypes.NpgsqlDbType.Bigint, ct);
                if (head.Version is { } version)
                {
                    await copy.WriteAsync(version, NpgsqlTypes.NpgsqlDbType.Integer, ct);
                }
                else
                {
                    await copy.WriteNullAsync(ct);
                }

                await copy.WriteAsync(head.Hash, NpgsqlTypes.NpgsqlDbType.Varchar, ct);
            }

            await copy.CompleteAsync(ct);
            return;
        }

        await using var insert = transaction.Connection!.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO history_digest_heads (\"DigestSequence\", \"RecordId\", \"RecordType\", \"EventId\", \"Version\", \"Hash\") VALUES (@s, @r, @t, @e, @v, @h)";
        var parameters = ParameterNames.Select(name =>
        {
            var parameter = insert.CreateParameter();
            parameter.ParameterName = name;
            insert.Parameters.Add(parameter);
            return parameter;
        }).ToArray();
        await insert.PrepareAsync(ct);
        parameters[0].Value = sequence;
        foreach (var head in heads)
        {
            // Guids as EF Core stores them in SQLite: upper-case text.
            parameters[1].Value = head.RecordId.ToString("D").ToUpperInvariant();
            parameters[2].Value = head.RecordType;
            parameters[3].Value = head.EventId;
            parameters[4].Value = head.Version is { } version ? version : DBNull.Value;
            parameters[5].Value = head.Hash;
            await insert.ExecuteNonQueryAsync(ct);
        }
    }
}
