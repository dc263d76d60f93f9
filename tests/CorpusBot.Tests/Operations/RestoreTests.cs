using CorpusBot.Core.Storage;
using CorpusBot.Tests.Cli;
using CorpusBot.Tests.Telegram.Fakes;

namespace CorpusBot.Tests.Operations;

public sealed class RestoreTests
{
    [Fact]
    public async Task Restore_RefusedWhileTheBotRuns_ThenPutsTheBackupInPlaceAndKeepsTheOldDatabase()
    {
        using var temp = new TempFolder();
        var backup = Path.Combine(temp.Path, "backup.db");
        var database = Path.Combine(temp.Path, "bot.db");
        await using (var bot = await BotHarness.StartAsync(directory: temp.Path))
        {
            await bot.IngestAsync("kept", "Kept", "This document is in the backup.");
            await bot.Get<DatabaseBackup>().BackupAsync(backup, CancellationToken.None);
            await bot.IngestAsync("later", "Later", "This document came after the backup.");

            var refused = await CliRunner.RunAsync(["restore", backup, "--db", database]);
            Assert.Equal(1, refused.ExitCode);
            Assert.Contains("The bot is running", refused.Stderr, StringComparison.Ordinal);
            Assert.Equal(2, await bot.ScalarAsync("SELECT count(*) FROM documents"));
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools(); // as when the bot process has ended
        var restored = await CliRunner.RunAsync(["restore", backup, "--db", database]);

        Assert.True(restored.ExitCode == 0, restored.Stderr);
        Assert.Contains("(1 documents)", restored.Stdout, StringComparison.Ordinal);
        var docs = await CliRunner.RunAsync(["docs", "--db", database]);
        Assert.Contains("kept", docs.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("later", docs.Stdout, StringComparison.Ordinal);
        var kept = Assert.Single(Directory.GetFiles(temp.Path, "bot.db.before-restore-*"), f => !f.EndsWith("-wal", StringComparison.Ordinal));
        Assert.Null(await DatabaseBackup.CheckAsync(kept, CancellationToken.None));
    }

    [Fact]
    public async Task Restore_DamagedOrForeignFile_RefusedAndNothingChanged()
    {
        using var temp = new TempFolder();
        var database = temp.Database;
        Assert.Equal(0, (await CliRunner.RunAsync(["ingest", temp.Write("a.txt", "Alpha is a document about the sea."), "--db", database])).ExitCode);
        var before = await File.ReadAllBytesAsync(database);
        var notADatabase = temp.Write("notes.db", "just some text, not SQLite");

        var result = await CliRunner.RunAsync(["restore", notADatabase, "--db", database]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("is not a usable backup", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("Nothing was changed", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, await File.ReadAllBytesAsync(database));
        Assert.Empty(Directory.GetFiles(temp.Path, "*.before-restore-*"));
    }
}
