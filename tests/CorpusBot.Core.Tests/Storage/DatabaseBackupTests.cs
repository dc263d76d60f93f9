using CorpusBot.Core.Storage;
using CorpusBot.Core.Tests.Fakes;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace CorpusBot.Core.Tests.Storage;

public class DatabaseBackupTests
{
    [Fact]
    public async Task BackupAsync_WhileWriting_CopyPassesIntegrityAndHoldsCommittedDocuments()
    {
        await using var corpus = await TestCorpus.WithSeedsAsync();
        var destination = Path.Combine(corpus.Folder, "backup", "copy.db");
        var writes = Task.WhenAll(Enumerable.Range(0, 10).Select(i => Task.Run(() => corpus.AddAsync($"w{i}", $"Writer {i} reports soldiers in Gomel."))));

        await corpus.Get<DatabaseBackup>().BackupAsync(destination, CancellationToken.None);
        await writes;

        await using var copy = new SqliteConnection($"Data Source={destination};Pooling=false");
        await copy.OpenAsync();
        await using var command = copy.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        Assert.Equal("ok", (string?)await command.ExecuteScalarAsync());
        command.CommandText = "SELECT count(*) FROM documents WHERE id LIKE '0%'";
        Assert.Equal(5L, (long)(await command.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task BackupAsync_LeavesOneSelfContainedFile_AndCheckingItAddsNone()
    {
        await using var corpus = await TestCorpus.WithSeedsAsync();
        var folder = Path.Combine(corpus.Folder, "backups");
        var destination = Path.Combine(folder, "copy.db");

        await corpus.Get<DatabaseBackup>().BackupAsync(destination, CancellationToken.None);
        Assert.Null(await DatabaseBackup.CheckAsync(destination, CancellationToken.None)); // what restore does first

        // No -wal/-shm of the temporary copy or of the backup: a folder of backups holds backups only.
        Assert.Equal(["copy.db"], Directory.GetFiles(folder).Select(Path.GetFileName));
    }

    [Fact]
    public async Task BackupAsync_ExistingFile_RefusedNothingOverwritten()
    {
        await using var corpus = await TestCorpus.CreateAsync();
        var destination = Path.Combine(corpus.Folder, "existing.db");
        await File.WriteAllTextAsync(destination, "keep me");
        var e = await Assert.ThrowsAsync<CorpusBotException>(() => corpus.Get<DatabaseBackup>().BackupAsync(destination, CancellationToken.None));
        Assert.Contains("already exists", e.Message, StringComparison.Ordinal);
        Assert.Equal("keep me", await File.ReadAllTextAsync(destination));
    }

    [Fact]
    public async Task BackupAsync_CopyFailsIntegrityCheck_NoFileLeftAtDestination()
    {
        var folder = Path.Combine(Path.GetTempPath(), "corpusbot-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var source = Path.Combine(folder, "damaged.db");
            await CreateDamagedDatabaseAsync(source);
            var backup = new DatabaseBackup(new SqliteConnectionFactory(Options.Create(new StorageOptions { DatabasePath = source }), new ContentRoot(folder)));
            var destination = Path.Combine(folder, "copy.db");

            var e = await Assert.ThrowsAsync<CorpusBotException>(() => backup.BackupAsync(destination, CancellationToken.None));

            Assert.Contains("integrity check", e.Message, StringComparison.Ordinal);
            Assert.False(File.Exists(destination), "a failed backup must leave no file that looks like a backup");
            Assert.Equal(["damaged.db"], Directory.GetFiles(folder).Select(Path.GetFileName).Where(f => !f!.StartsWith("damaged.db-", StringComparison.Ordinal)));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>A SQLite file whose header is sound but one table page is overwritten: it opens, and integrity_check fails.</summary>
    private static async Task CreateDamagedDatabaseAsync(string path)
    {
        await using (var connection = new SqliteConnection($"Data Source={path};Pooling=false"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA page_size = 4096; CREATE TABLE t(x TEXT); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000) INSERT INTO t SELECT printf('row %d of filler text', i) FROM n;";
            await command.ExecuteNonQueryAsync();
        }

        await using var file = new FileStream(path, FileMode.Open, FileAccess.Write);
        file.Position = (4096 * 3) + 8;
        file.Write(Enumerable.Repeat((byte)0xA5, 512).ToArray());
    }
}
