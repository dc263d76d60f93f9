using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace CorpusBot.Core.Storage;

/// <summary>
/// Opens one connection per unit of work (never a shared connection across concurrent callers),
/// with WAL, a busy timeout and foreign keys on. Writers serialise on <see cref="WriteLock"/>:
/// SQLite allows one writer, and queuing in-process beats spinning on SQLITE_BUSY.
/// </summary>
public sealed class SqliteConnectionFactory
{
    private readonly string connectionString;
    private readonly int busyTimeoutMs;

    public SqliteConnectionFactory(IOptions<StorageOptions> options, ContentRoot root)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(root);
        DatabasePath = root.Resolve(options.Value.DatabasePath);
        busyTimeoutMs = options.Value.BusyTimeoutMs;
        var directory = Path.GetDirectoryName(DatabasePath);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = Math.Max(1, busyTimeoutMs / 1000),
        }.ToString();
    }

    /// <summary>Absolute path of the database file.</summary>
    public string DatabasePath { get; }

    /// <summary>One writer at a time within this process.</summary>
    public SemaphoreSlim WriteLock { get; } = new(1, 1);

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var pragma = connection.CreateCommand();
            pragma.CommandText =
                // page_size takes effect only on a new, empty file: 8 KiB pages hold two or three 3 KB documents where 4 KiB
                // pages hold one and waste the rest.
                $"PRAGMA page_size = 8192; PRAGMA busy_timeout = {busyTimeoutMs}; PRAGMA foreign_keys = ON; PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;";
            await pragma.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> in one write transaction under the write lock: all or nothing.
    /// <paramref name="afterCommit"/> runs after the commit while the lock is still held, so in-memory
    /// mirrors of the file (the vector index) see writes in the order the file does.
    /// </summary>
    public async Task<T> WriteAsync<T>(
        Func<SqliteConnection, SqliteTransaction, Task<T>> work,
        CancellationToken cancellationToken,
        Action<T>? afterCommit = null)
    {
        ArgumentNullException.ThrowIfNull(work);
        await WriteLock.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await OpenAsync(cancellationToken);
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            var result = await work(connection, transaction);
            // The commit must not be abandoned half-way once the work is done.
            await transaction.CommitAsync(CancellationToken.None);
            afterCommit?.Invoke(result);
            return result;
        }
        finally
        {
            WriteLock.Release();
        }
    }
}
