using System.Globalization;
using CorpusBot.Core.Storage.Migrations;
using Microsoft.Data.Sqlite;

namespace CorpusBot.Core.Storage;

/// <summary>What a restore did: the documents now in place, and where the replaced database was kept (null if there was none).</summary>
public sealed record RestoreResult(long Documents, string? PreviousKeptAt);

/// <summary>
/// Puts a backup in place of the database while the bot is stopped. The backup is checked first
/// (integrity, a CorpusBot schema this build knows); the current database (with its WAL) is kept
/// beside it as DATABASE.before-restore-TIME; the backup is copied to a temporary file in the
/// database's folder and renamed over the database, so a crash leaves either the old or the new one.
/// Refused while a bot holds the database's <see cref="DatabaseInstanceLock"/>.
/// </summary>
public static class DatabaseRestore
{
    public static async Task<RestoreResult> RestoreAsync(string backupPath, string databasePath, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var backup = Path.GetFullPath(backupPath);
        var database = Path.GetFullPath(databasePath);
        if (string.Equals(backup, database, StringComparison.Ordinal))
        {
            throw new CorpusBotException("The backup to restore is the database itself; name a backup file.");
        }

        using var instance = DatabaseInstanceLock.TryAcquire(database)
            ?? throw new CorpusBotException(
                $"The bot is running on {database} (it holds {DatabaseInstanceLock.PathFor(database)}). Stop it first (e.g. `systemctl stop corpusbot`), then restore.");

        if (await DatabaseBackup.CheckAsync(backup, cancellationToken) is { } problem)
        {
            throw new CorpusBotException($"{backup} is not a usable backup: {problem.TrimEnd('.')}. Nothing was changed.");
        }

        var version = await SchemaVersionAsync(backup, cancellationToken);
        if (version > SchemaMigrator.LatestVersion)
        {
            throw new CorpusBotException($"{backup} has schema version {version}, newer than this build knows ({SchemaMigrator.LatestVersion}). Use a newer CorpusBot. Nothing was changed.");
        }

        var folder = Path.GetDirectoryName(database)!;
        Directory.CreateDirectory(folder);
        var incoming = Path.Combine(folder, $".{Path.GetFileName(database)}.restore-{Guid.NewGuid():N}{DatabaseBackup.PartialSuffix}");
        try
        {
            File.Copy(backup, incoming);
            var kept = KeepCurrent(database, clock);
            // The old WAL must go before the rename: SQLite would otherwise replay its frames onto the restored file.
            SqliteConnection.ClearAllPools();
            File.Delete(database + "-wal");
            File.Delete(database + "-shm");
            File.Move(incoming, database, overwrite: true);
            return new RestoreResult(await DocumentCountAsync(database, cancellationToken), kept);
        }
        finally
        {
            File.Delete(incoming);
        }
    }

    /// <summary>Copies the database and its WAL aside (nothing writes to them: the bot is stopped and we hold its lock).</summary>
    private static string? KeepCurrent(string database, TimeProvider clock)
    {
        if (!File.Exists(database))
        {
            return null;
        }

        var kept = database + ".before-restore-" + clock.GetUtcNow().ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        File.Copy(database, kept);
        if (File.Exists(database + "-wal"))
        {
            File.Copy(database + "-wal", kept + "-wal");
        }

        return kept;
    }

    private static async Task<long> SchemaVersionAsync(string path, CancellationToken cancellationToken)
    {
        await using var connection = ReadOnly(path);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA user_version;";
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    private static async Task<long> DocumentCountAsync(string path, CancellationToken cancellationToken)
    {
        await using var connection = ReadOnly(path);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM documents;";
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    private static SqliteConnection ReadOnly(string path) =>
        new(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
}
