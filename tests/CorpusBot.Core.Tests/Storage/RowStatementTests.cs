using CorpusBot.Core.Storage;
using Microsoft.Data.Sqlite;

namespace CorpusBot.Core.Tests.Storage;

public class RowStatementTests
{
    [Fact]
    public void Run_ManyRowsWithEachKindOfValue_StoredExactlyInsideTheTransaction()
    {
        using var connection = Open();
        using (var transaction = connection.BeginTransaction())
        {
            using var insert = new RowStatement(connection, "INSERT INTO t(i, r, s, b) VALUES (?1, ?2, ?3, ?4);");
            var ids = new List<long>();
            for (var i = 0; i < 3; i++)
            {
                insert.Bind(1, long.MaxValue - i).Bind(2, 0.1f + i).Bind(3, $"ünï {i}").Bind(4, new byte[] { 0, 255, (byte)i }).Run();
                ids.Add(insert.LastRowId);
            }

            Assert.Equal([1L, 2L, 3L], ids);
            transaction.Rollback();
        }

        Assert.Equal(0L, Scalar(connection, "SELECT count(*) FROM t"));
        using (var insert = new RowStatement(connection, "INSERT INTO t(i, r, s, b) VALUES (?1, ?2, ?3, ?4);"))
        {
            insert.Bind(1, 7).Bind(2, (double)0.1f).Bind(3, "ünï").Bind(4, new byte[] { 0, 255 }).Run();
        }

        Assert.Equal(7L, Scalar(connection, "SELECT i FROM t"));
        Assert.Equal((double)0.1f, Scalar(connection, "SELECT r FROM t"));
        Assert.Equal("ünï", Scalar(connection, "SELECT s FROM t"));
        Assert.Equal(new byte[] { 0, 255 }, Scalar(connection, "SELECT b FROM t"));
    }

    [Fact]
    public void Run_ConstraintFails_ThrowsSqlitesErrorAndTheStatementRunsAgain()
    {
        using var connection = Open();
        using var insert = new RowStatement(connection, "INSERT INTO t(i, r, s, b) VALUES (?1, ?2, ?3, ?4);");
        insert.Bind(1, 1).Bind(2, 1.0).Bind(3, "a").Bind(4, [1]).Run();

        var error = Assert.Throws<SqliteException>(() => insert.Bind(1, 1).Bind(2, 1.0).Bind(3, "b").Bind(4, [2]).Run());

        Assert.Equal(19, error.SqliteErrorCode); // SQLITE_CONSTRAINT
        Assert.Contains("UNIQUE constraint failed: t.i", error.Message, StringComparison.Ordinal);
        insert.Bind(1, 2).Bind(2, 2.0).Bind(3, "c").Bind(4, [3]).Run();
        Assert.Equal(2L, Scalar(connection, "SELECT count(*) FROM t"));
    }

    [Fact]
    public void Constructor_InvalidSql_ThrowsWithSqlitesMessage()
    {
        using var connection = Open();
        var error = Assert.Throws<SqliteException>(() => new RowStatement(connection, "INSERT INTO missing VALUES (?1);"));
        Assert.Contains("no such table: missing", error.Message, StringComparison.Ordinal);
    }

    private static SqliteConnection Open()
    {
        var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var create = connection.CreateCommand();
        create.CommandText = "CREATE TABLE t (i INTEGER UNIQUE, r REAL, s TEXT, b BLOB);";
        create.ExecuteNonQuery();
        return connection;
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
