using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace CorpusBot.Core.Storage;

/// <summary>
/// One SQL statement prepared once on a connection and run for many rows, its values bound by position: the ingest's
/// per-passage inserts (chunks, vectors, full-text rows). Microsoft.Data.Sqlite's command does more per execution than
/// SQLite's own insert of a small row — a data reader, each parameter looked up by name — and those three inserts run
/// 220,000 times for 10,000 topical documents; this goes straight to SQLite (SQLitePCL.raw, the layer beneath
/// Microsoft.Data.Sqlite, through <see cref="SqliteConnection.Handle"/>). It runs inside whatever transaction the
/// connection is in, and reports a failure as the <see cref="SqliteException"/> a command would throw.
/// </summary>
internal sealed class RowStatement : IDisposable
{
    private readonly sqlite3 database;
    private readonly sqlite3_stmt statement;

    public RowStatement(SqliteConnection connection, string sql)
    {
        ArgumentNullException.ThrowIfNull(connection);
        database = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        Check(raw.sqlite3_prepare_v2(database, sql, out statement));
    }

    public RowStatement Bind(int position, long value) => Checked(raw.sqlite3_bind_int64(statement, position, value));

    public RowStatement Bind(int position, double value) => Checked(raw.sqlite3_bind_double(statement, position, value));

    public RowStatement Bind(int position, string value) => Checked(raw.sqlite3_bind_text(statement, position, value));

    public RowStatement Bind(int position, ReadOnlySpan<byte> value) => Checked(raw.sqlite3_bind_blob(statement, position, value));

    /// <summary>Runs the statement once with the values bound.</summary>
    public void Run()
    {
        var result = raw.sqlite3_step(statement);
        // Reset either way, so the statement holds no lock and can run again; the connection keeps the step's error message.
        raw.sqlite3_reset(statement);
        if (result != raw.SQLITE_DONE)
        {
            Check(result == raw.SQLITE_ROW ? raw.SQLITE_MISUSE : result);
        }
    }

    /// <summary>The rowid of the last row inserted on the connection: after <see cref="Run"/> of an insert, its row's.</summary>
    public long LastRowId => raw.sqlite3_last_insert_rowid(database);

    public void Dispose() => statement.Dispose();

    private RowStatement Checked(int result)
    {
        Check(result);
        return this;
    }

    private void Check(int result)
    {
        if (result != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(result, database);
        }
    }
}
