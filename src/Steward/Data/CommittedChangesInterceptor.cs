using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Steward.Data;

// Moves CommittedChanges right after anything this process commits: a transaction, a save that ran without
// one, a statement run on its own. On PostgreSQL the commit also NOTIFYs the other nodes, inside the
// transaction so that they hear of it exactly when it is committed (a rollback tells nobody).
internal sealed class CommittedChangesInterceptor(CommittedChanges changes) : IDbTransactionInterceptor, ISaveChangesInterceptor, IDbCommandInterceptor
{
    public const string Channel = "steward_data";

    public InterceptionResult TransactionCommitting(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result)
    {
        if (IsPostgres(transaction.Connection))
        {
            using var notify = Notify(transaction.Connection!, transaction);
            notify.ExecuteNonQuery();
        }

        return result;
    }

    public async ValueTask<InterceptionResult> TransactionCommittingAsync(
        DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        if (IsPostgres(transaction.Connection))
        {
            await using var notify = Notify(transaction.Connection!, transaction);
            await notify.ExecuteNonQueryAsync(cancellationToken);
        }

        return result;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => changes.Committed();

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        changes.Committed();
        return Task.CompletedTask;
    }

    // A save of one statement runs without a transaction; inside one, the commit above says it.
    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is { } db && db.Database.CurrentTransaction is null)
        {
            Autocommitted(db.Database.GetDbConnection());
        }

        return result;
    }

    public async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db && db.Database.CurrentTransaction is null)
        {
            await AutocommittedAsync(db.Database.GetDbConnection(), cancellationToken);
        }

        return result;
    }

    public int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        if (command.Transaction is null)
        {
            Autocommitted(command.Connection);
        }

        return result;
    }

    public async ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (command.Transaction is null)
        {
            await AutocommittedAsync(command.Connection, cancellationToken);
        }

        return result;
    }

    private void Autocommitted(DbConnection? connection)
    {
        if (IsPostgres(connection))
        {
            // EF may already have closed the connection it opened for the save.
            var opened = connection!.State != System.Data.ConnectionState.Open;
            if (opened)
            {
                connection.Open();
            }

            using (var notify = Notify(connection, null))
            {
                notify.ExecuteNonQuery();
            }

            if (opened)
            {
                connection.Close();
            }
        }

        changes.Committed();
    }

    private async Task AutocommittedAsync(DbConnection? connection, CancellationToken ct)
    {
        if (IsPostgres(connection))
        {
            var opened = connection!.State != System.Data.ConnectionState.Open;
            if (opened)
            {
                await connection.OpenAsync(ct);
            }

            await using (var notify = Notify(connection, null))
            {
                await notify.ExecuteNonQueryAsync(ct);
            }

            if (opened)
            {
                await connection.CloseAsync();
            }
        }

        changes.Committed();
    }

    private static bool IsPostgres(DbConnection? connection) => connection is Npgsql.NpgsqlConnection;

    private static DbCommand Notify(DbConnection connection, DbTransaction? transaction)
    {
        var command = connection.CreateCommand();
        command.CommandText = $"NOTIFY {Channel}";
        command.Transaction = transaction;
        return command;
    }
}
