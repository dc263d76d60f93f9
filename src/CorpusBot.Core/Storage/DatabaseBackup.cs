using Microsoft.Data.Sqlite;

namespace CorpusBot.Core.Storage;

/// <summary>
/// Online backup with SQLite's backup API: a consistent copy taken while the bot keeps running
/// (readers go on; writers wait for the short copy under the write lock). The copy is checked with
/// <c>PRAGMA integrity_check</c> before it is reported as done.
/// </summary>
public sealed class DatabaseBackup(SqliteConnectionFactory connections)
{
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

        Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
        await connections.WriteLock.WaitAsync(cancellationToken);
        try
        {
            await using var source = await connections.OpenAsync(cancellationToken);
            await using var target = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = destination, Pooling = false }.ToString());
            await target.OpenAsync(cancellationToken);
            source.BackupDatabase(target);
            await using var check = target.CreateCommand();
            check.CommandText = "PRAGMA integrity_check;";
            var result = (string?)await check.ExecuteScalarAsync(cancellationToken);
            if (result != "ok")
            {
                throw new CorpusBotException($"The backup at {destination} failed its integrity check: {result}");
            }
        }
        finally
        {
            connections.WriteLock.Release();
        }
    }
}
