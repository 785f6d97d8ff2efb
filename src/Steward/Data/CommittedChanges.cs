using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Steward.Data;

// A number that moves whenever something may have been committed to the database, so that a cache of what
// was read (CommittedReads) can tell at almost no cost whether it may still serve an answer.
// - Commits made in this process move it right after they commit (CommittedChangesInterceptor), so a
//   request always reads its own writes and everything committed before it started.
// - On SQLite (one node) each check reads the file's data_version, which moves when any other connection
//   commits, in this process or another one such as the command line: a few microseconds, and nothing
//   committed is ever missed.
// - On PostgreSQL every writer NOTIFYs and each web node LISTENs (CommittedChangesListener): a change made
//   on another node arrives within milliseconds. Until the listener is up, and whenever it is lost, the
//   number moves at every check, so nothing cached is served (a command-line process never listens).
public sealed class CommittedChanges(DatabaseTarget target) : IDisposable
{
    private readonly Lock _sqlite = new();
    private long _generation;
    private bool _listening;
    private SqliteConnection? _watch;
    private sqlite3_stmt? _dataVersion;
    private long _seenDataVersion = -1;

    public long Current()
    {
        if (target.Provider == DatabaseProvider.PostgreSql)
        {
            return Volatile.Read(ref _listening) ? Interlocked.Read(ref _generation) : Interlocked.Increment(ref _generation);
        }

        CheckSqliteFile();
        return Interlocked.Read(ref _generation);
    }

    public void Committed() => Interlocked.Increment(ref _generation);

    // The PostgreSQL listener says when its LISTEN has taken hold, and when it has lost it.
    internal void Listening(bool listening)
    {
        Volatile.Write(ref _listening, listening);
        Committed();
    }

    private void CheckSqliteFile()
    {
        lock (_sqlite)
        {
            try
            {
                if (_dataVersion is null)
                {
                    _watch = new SqliteConnection(target.ConnectionString);
                    _watch.Open();
                    var prepared = raw.sqlite3_prepare_v2(_watch.Handle, "PRAGMA data_version", out var statement);
                    if (prepared != raw.SQLITE_OK)
                    {
                        statement.Dispose();
                        throw new SqliteException("Cannot read the database file's data_version", prepared);
                    }

                    _dataVersion = statement;
                }

                var code = raw.sqlite3_step(_dataVersion);
                var version = code == raw.SQLITE_ROW ? raw.sqlite3_column_int64(_dataVersion, 0) : -1;
                raw.sqlite3_reset(_dataVersion);
                if (version < 0 || version != _seenDataVersion)
                {
                    _seenDataVersion = version;
                    Committed();
                }
            }
            catch (SqliteException)
            {
                // Not readable now (the file is being created or replaced): nothing cached may be trusted.
                Close();
                Committed();
            }
        }
    }

    private void Close()
    {
        _dataVersion?.Dispose();
        _dataVersion = null;
        _watch?.Dispose();
        _watch = null;
        _seenDataVersion = -1;
    }

    public void Dispose()
    {
        lock (_sqlite)
        {
            Close();
        }
    }
}
