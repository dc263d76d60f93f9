using System.Globalization;
using Microsoft.Data.Sqlite;

namespace CorpusBot.Core.Storage;

/// <summary>
/// Online backup with SQLite's backup API: a consistent copy taken while the bot keeps running
/// (readers go on; writers wait for the short copy under the write lock). The copy is written to a
/// temporary file beside the destination, checked with <c>PRAGMA integrity_check</c>, and only then
/// renamed into place, so a crash or a failed check never leaves a file that looks like a backup.
/// </summary>
public sealed class DatabaseBackup(SqliteConnectionFactory connections)
{
    /// <summary>Ends the names of copies still being written; a crash can leave one behind, never a finished-looking file.</summary>
    public const string PartialSuffix = ".partial";

    public async Task BackupAsync(string destinationPath, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(destinationPath);
        var destination = Path.GetFullPath(destinationPath);
        if (string.Equals(destination, connections.DatabasePath, StringComparison.Ordinal))
        {
            throw new CorpusBotException("The backup path is the database itself; choose another file.");
        }

        if (File.Exists(destination))
        {
            throw new CorpusBotException($"{destination} already exists; choose a new file so no backup is overwritten.");
        }

        var directory = Path.GetDirectoryName(destination)!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(destination)}.{Guid.NewGuid():N}{PartialSuffix}");
        try
        {
            await CopyAsync(temporary, cancellationToken);
            var problem = await CheckAsync(temporary, cancellationToken);
            if (problem is not null)
            {
                throw new CorpusBotException($"The backup for {destination} failed its integrity check ({problem}); nothing was written there.");
            }

            // Atomic on one file system; refuses (IOException) if the destination appeared meanwhile.
            File.Move(temporary, destination, overwrite: false);
        }
        catch
        {
            DeleteQuietly(temporary);
            throw;
        }
    }

    /// <summary>
    /// Checks a database file without changing it: null when it opens read-only, passes
    /// <c>PRAGMA integrity_check</c> and is a CorpusBot database; otherwise what is wrong, in a few words.
    /// </summary>
    public static async Task<string?> CheckAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            return "the file does not exist";
        }

        try
        {
            await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
            {
                DataSource = path,
                Mode = SqliteOpenMode.ReadOnly,
                Pooling = false,
            }.ToString());
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA integrity_check;";
            var rows = new List<string>();
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken) && rows.Count < 3)
                {
                    rows.Add(reader.GetString(0));
                }
            }

            if (rows is not ["ok"])
            {
                return string.Join("; ", rows);
            }

            command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'documents';";
            var hasDocuments = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) == 1;
            return hasDocuments ? null : "not a CorpusBot database: it has no documents table";
        }
        catch (SqliteException e)
        {
            return e.Message;
        }
    }

    private async Task CopyAsync(string target, CancellationToken cancellationToken)
    {
        await connections.WriteLock.WaitAsync(cancellationToken);
        try
        {
            await using var source = await connections.OpenAsync(cancellationToken);
            await using var copy = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = target, Pooling = false }.ToString());
            await copy.OpenAsync(cancellationToken);
            source.BackupDatabase(copy);

            // The copy inherits WAL mode from the live database; as a rollback-journal file it is one self-contained
            // file, and the read-only integrity check (and a later restore's) leaves no -wal/-shm files beside it.
            await using var journal = copy.CreateCommand();
            journal.CommandText = "PRAGMA journal_mode = DELETE;";
            await journal.ExecuteNonQueryAsync(cancellationToken);
        }
        finally
        {
            connections.WriteLock.Release();
        }
    }

    private static void DeleteQuietly(string path)
    {
        foreach (var file in new[] { path, path + "-journal", path + "-wal", path + "-shm" })
        {
            try
            {
                File.Delete(file);
            }
            catch (IOException)
            {
                // Best effort: a leftover carries the .partial suffix, so it is never taken for a backup.
            }
            catch (UnauthorizedAccessException)
            {
                // As above.
            }
        }
    }
}
