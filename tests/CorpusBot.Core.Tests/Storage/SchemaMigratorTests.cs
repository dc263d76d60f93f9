using CorpusBot.Core.Storage.Migrations;
using CorpusBot.Core.Tests.Fakes;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace CorpusBot.Core.Tests.Storage;

public class SchemaMigratorTests
{
    [Fact]
    public async Task MigrateAsync_FreshDatabase_ReachesLatestVersionWithWal()
    {
        await using var corpus = await TestCorpus.CreateAsync();
        Assert.Equal(SchemaMigrator.LatestVersion, await corpus.ScalarAsync("PRAGMA user_version"));
        await using var connection = await corpus.Get<CorpusBot.Core.Storage.SqliteConnectionFactory>().OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task MigrateAsync_RunTwice_IsIdempotent()
    {
        await using var corpus = await TestCorpus.CreateAsync();
        await corpus.AddAsync("doc", "Some text here.");
        Assert.Equal(SchemaMigrator.LatestVersion, await corpus.Get<SchemaMigrator>().MigrateAsync(CancellationToken.None));
        Assert.Equal(1, await corpus.ScalarAsync("SELECT count(*) FROM documents"));
    }

    [Fact]
    public async Task MigrateAsync_FailingStep_KeepsPreviousVersionAndData()
    {
        await using var corpus = await TestCorpus.CreateAsync();
        await corpus.AddAsync("doc", "Some text here.");
        var broken = Schema.Migrations.Append(new Migration(SchemaMigrator.LatestVersion + 1, "broken",
            "CREATE TABLE extra(x INTEGER); INSERT INTO no_such_table VALUES (1);")).ToList();

        await Assert.ThrowsAsync<SqliteException>(() => corpus.Get<SchemaMigrator>().MigrateAsync(broken, CancellationToken.None));

        Assert.Equal(SchemaMigrator.LatestVersion, await corpus.ScalarAsync("PRAGMA user_version"));
        Assert.Equal(0, await corpus.ScalarAsync("SELECT count(*) FROM sqlite_master WHERE name = 'extra'"));
        Assert.Equal(1, await corpus.ScalarAsync("SELECT count(*) FROM documents"));
    }

    [Fact]
    public async Task MigrateAsync_DatabaseFromNewerBuild_ClearError()
    {
        await using var corpus = await TestCorpus.CreateAsync();
        await corpus.ExecuteAsync($"PRAGMA user_version = {SchemaMigrator.LatestVersion + 5}");
        var e = await Assert.ThrowsAsync<CorpusBotException>(() => corpus.Get<SchemaMigrator>().MigrateAsync(CancellationToken.None));
        Assert.Contains("newer", e.Message, StringComparison.Ordinal);
        Assert.Contains("Storage:DatabasePath", e.Message, StringComparison.Ordinal);
    }
}
