using CorpusBot.Core.Storage;
using CorpusBot.Core.Tests.Fakes;
using Microsoft.Data.Sqlite;

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
    public async Task BackupAsync_ExistingFile_RefusedNothingOverwritten()
    {
        await using var corpus = await TestCorpus.CreateAsync();
        var destination = Path.Combine(corpus.Folder, "existing.db");
        await File.WriteAllTextAsync(destination, "keep me");
        var e = await Assert.ThrowsAsync<CorpusBotException>(() => corpus.Get<DatabaseBackup>().BackupAsync(destination, CancellationToken.None));
        Assert.Contains("already exists", e.Message, StringComparison.Ordinal);
        Assert.Equal("keep me", await File.ReadAllTextAsync(destination));
    }
}
