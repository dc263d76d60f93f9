using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace CorpusBot.Core.Storage.Migrations;

/// <summary>
/// Checks the database file and brings it up to the newest schema. Safe when several processes start
/// on one file at once (the bot and a CLI command): each step re-reads what is applied inside
/// BEGIN IMMEDIATE, so exactly one process applies it and the others see it done.
/// </summary>
public sealed class SchemaMigrator(SqliteConnectionFactory connections, ILogger<SchemaMigrator> logger)
{
    /// <summary>SQLITE_CORRUPT, SQLITE_NOTADB.</summary>
    private static readonly int[] DamagedCodes = [11, 26];

    public static int LatestVersion => Schema.Migrations.Max(m => m.Version);

    public async Task<int> MigrateAsync(CancellationToken cancellationToken)
    {
        return await MigrateAsync(Schema.Migrations, cancellationToken);
    }

    internal async Task<int> MigrateAsync(IReadOnlyList<Migration> migrations, CancellationToken cancellationToken)
    {
        await connections.WriteLock.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await OpenCheckedAsync(cancellationToken);
            var latest = migrations.Count == 0 ? 0 : migrations.Max(m => m.Version);
            var current = await GetVersionAsync(connection, cancellationToken);
            if (current > latest)
            {
                throw new CorpusBotException(
                    $"The database {connections.DatabasePath} has schema version {current}, newer than this build knows ({latest}). Use a newer CorpusBot or another Storage:DatabasePath.");
            }

            var applied = await AppliedAsync(connection, null, cancellationToken);
            foreach (var migration in migrations.OrderBy(m => m.Version).Where(m => applied is null || !applied.Contains(m.Version)))
            {
                await ApplyAsync(connection, migration, cancellationToken);
            }

            return await GetVersionAsync(connection, cancellationToken);
        }
        finally
        {
            connections.WriteLock.Release();
        }
    }

    /// <summary>Applies one step unless another process did so first (checked under the database's write lock).</summary>
    private async Task ApplyAsync(SqliteConnection connection, Migration migration, CancellationToken cancellationToken)
    {
        // Microsoft.Data.Sqlite begins with BEGIN IMMEDIATE: the write lock is taken before anything is read.
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        var applied = await AppliedAsync(connection, transaction, cancellationToken) ?? await StartBookkeepingAsync(connection, transaction, cancellationToken);
        if (applied.Contains(migration.Version))
        {
            await transaction.CommitAsync(cancellationToken); // keeps the bookkeeping table if it was just made
            return;
        }

        var version = Math.Max(migration.Version, await GetVersionAsync(connection, cancellationToken, transaction));
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = migration.Sql + string.Create(CultureInfo.InvariantCulture, $"""

                INSERT INTO schema_migrations(version, applied_at) VALUES ({migration.Version}, strftime('%Y-%m-%dT%H:%M:%fZ'));
                PRAGMA user_version = {version};
                """);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        Log.MigrationApplied(logger, migration.Version, migration.Description);
    }

    /// <summary>
    /// Creates schema_migrations. A database from before it existed had every step up to user_version
    /// applied, except steps that landed later below that number: those are marked Repeatable and run.
    /// </summary>
    private static async Task<HashSet<int>> StartBookkeepingAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        var before = await GetVersionAsync(connection, cancellationToken, transaction);
        var assumed = Schema.Migrations.Where(m => m.Version <= before && !m.Repeatable).Select(m => m.Version).ToHashSet();
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL) STRICT;"
            + string.Concat(assumed.Select(v => string.Create(CultureInfo.InvariantCulture, $"INSERT INTO schema_migrations VALUES ({v}, 'before bookkeeping');")));
        await command.ExecuteNonQueryAsync(cancellationToken);
        return assumed;
    }

    /// <summary>The versions applied, or null when the database predates the bookkeeping table (or is new).</summary>
    private static async Task<HashSet<int>?> AppliedAsync(SqliteConnection connection, SqliteTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var exists = connection.CreateCommand();
        exists.Transaction = transaction;
        exists.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations';";
        if (Convert.ToInt64(await exists.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) == 0)
        {
            return null;
        }

        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT version FROM schema_migrations;";
        var versions = new HashSet<int>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            versions.Add(reader.GetInt32(0));
        }

        return versions;
    }

    /// <summary>
    /// Opens the file and runs PRAGMA quick_check: a damaged file or one that is not SQLite at all
    /// stops here with one line naming it, before anything reads or writes it.
    /// </summary>
    private async Task<SqliteConnection> OpenCheckedAsync(CancellationToken cancellationToken)
    {
        SqliteConnection? connection = null;
        try
        {
            connection = await connections.OpenAsync(cancellationToken);
            await using var check = connection.CreateCommand();
            check.CommandText = "PRAGMA quick_check(1);";
            var result = Convert.ToString(await check.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
            if (result != "ok")
            {
                throw new DatabaseUnusableException(Damaged(result));
            }

            return connection;
        }
        catch (SqliteException e) when (DamagedCodes.Contains(e.SqliteErrorCode))
        {
            if (connection is not null)
            {
                await connection.DisposeAsync();
            }

            throw new DatabaseUnusableException(
                e.SqliteErrorCode == 26
                    ? $"{connections.DatabasePath} is not a SQLite database. Point Storage:DatabasePath (or --db) at a CorpusBot database, or move the file away to start a new one."
                    : Damaged(e.Message),
                e);
        }
        catch
        {
            if (connection is not null)
            {
                await connection.DisposeAsync();
            }

            throw;
        }
    }

    private string Damaged(string? detail) =>
        $"{connections.DatabasePath} is damaged ({detail}). Restore it from a backup (corpusbot backup makes them), or move it away to start a new one.";

    internal static async Task<int> GetVersionAsync(SqliteConnection connection, CancellationToken cancellationToken, SqliteTransaction? transaction = null)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "PRAGMA user_version;";
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }
}
