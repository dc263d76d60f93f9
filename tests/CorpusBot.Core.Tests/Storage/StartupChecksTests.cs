using CorpusBot.Core.Storage;
using CorpusBot.Core.Storage.Migrations;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CorpusBot.Core.Tests.Storage;

/// <summary>
/// Start-up on a new, a foreign or a damaged file. Each migrator has its own connection factory (and so
/// its own in-process write lock): only SQLite's file lock stands between them, as between two processes.
/// </summary>
public sealed class StartupChecksTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "corpusbot-startup-" + Guid.NewGuid().ToString("N"));

    public StartupChecksTests() => Directory.CreateDirectory(folder);

    [Fact]
    public async Task SeveralStartsOnANewFile_AtOnce_AllMigrate_EachStepAppliedOnce()
    {
        var path = Path.Combine(folder, "new.db");
        var migrators = Enumerable.Range(0, 4).Select(_ => Migrator(path)).ToList();

        var versions = await Task.WhenAll(migrators.Select(m => Task.Run(() => m.MigrateAsync(CancellationToken.None))));

        Assert.All(versions, v => Assert.Equal(SchemaMigrator.LatestVersion, v));
        await AssertEachStepAppliedOnceAsync(path);
    }

    [Fact]
    public async Task AnotherStartMigratesBetweenOurLookAndOurFirstStep_EachStepStillAppliedOnce()
    {
        var path = Path.Combine(folder, "raced.db");
        var other = Migrator(path);
        // The window two processes starting at once can meet in, opened on purpose: after this migrator has read
        // which steps the file has (none), and before its first step, another migrator runs to the end.
        var steps = new InterleavedSteps(Schema.Migrations, () => Task.Run(() => other.MigrateAsync(CancellationToken.None)).GetAwaiter().GetResult());

        var version = await Migrator(path).MigrateAsync(steps, CancellationToken.None);

        Assert.True(steps.Interleaved, "the other migrator never ran inside the window");
        Assert.Equal(SchemaMigrator.LatestVersion, version);
        await AssertEachStepAppliedOnceAsync(path);
    }

    [Fact]
    public async Task NotASqliteFile_OneLineNamingTheFile()
    {
        var path = Path.Combine(folder, "notes.db");
        await File.WriteAllTextAsync(path, string.Concat(Enumerable.Repeat("These are my notes, not a database.\n", 200)));

        var e = await Assert.ThrowsAsync<DatabaseUnusableException>(() => Migrator(path).MigrateAsync(CancellationToken.None));

        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        Assert.Contains("not a SQLite database", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public async Task DamagedFile_NamedAsDamaged_NothingWritten()
    {
        var path = Path.Combine(folder, "damaged.db");
        await Migrator(path).MigrateAsync(CancellationToken.None);
        await using (var connection = await Factory(path).OpenAsync(CancellationToken.None))
        await using (var fill = connection.CreateCommand())
        {
            // Pages at the end of the file that nothing reads at start-up: only a check of the whole file finds them damaged.
            fill.CommandText = "CREATE TABLE filler (x BLOB); INSERT INTO filler VALUES (randomblob(200000));";
            await fill.ExecuteNonQueryAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var bytes = await File.ReadAllBytesAsync(path);
        for (var i = bytes.Length - 150_000; i < bytes.Length; i += 7)
        {
            bytes[i] ^= 0x5A; // the header, the schema and every table start-up reads stay intact
        }

        await File.WriteAllBytesAsync(path, bytes);
        File.Delete(path + "-wal");

        var e = await Assert.ThrowsAsync<DatabaseUnusableException>(() => Migrator(path).MigrateAsync(CancellationToken.None));

        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        Assert.Contains("damaged", e.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // Cleaned by the OS.
        }
    }

    private async Task AssertEachStepAppliedOnceAsync(string path)
    {
        await using var connection = await Factory(path).OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*), count(DISTINCT version) FROM schema_migrations;";
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        Assert.Equal(Schema.Migrations.Count, reader.GetInt32(0));
        Assert.Equal(Schema.Migrations.Count, reader.GetInt32(1));
    }

    private SchemaMigrator Migrator(string path) => new(Factory(path), NullLogger<SchemaMigrator>.Instance);

    private SqliteConnectionFactory Factory(string path) =>
        new(Options.Create(new StorageOptions { DatabasePath = path, BusyTimeoutMs = 30_000 }), new ContentRoot(folder));

    /// <summary>
    /// The schema's steps, running <paramref name="between"/> the second time they are read: the migrator reads them
    /// once for the latest version, then, after reading what the file has, again to apply what is missing.
    /// </summary>
    private sealed class InterleavedSteps(IReadOnlyList<Migration> steps, Action between) : IReadOnlyList<Migration>
    {
        private int reads;

        public bool Interleaved { get; private set; }

        public int Count => steps.Count;

        public Migration this[int index] => steps[index];

        public IEnumerator<Migration> GetEnumerator()
        {
            if (++reads == 2)
            {
                between();
                Interleaved = true;
            }

            return steps.GetEnumerator();
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
