using CorpusBot.Core.Documents;
using CorpusBot.Core.Hosting;
using CorpusBot.Core.Ingestion;
using CorpusBot.Core.Storage;
using CorpusBot.Core.Storage.Migrations;
using CorpusBot.Core.Storage.Vectors;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CorpusBot.Core.Tests.Fakes;

/// <summary>
/// A real SQLite corpus in a temp folder, wired through the production AddCorpusBotCore, with
/// optional configuration overrides and service swaps. Disposing deletes the file and its -wal/-shm.
/// </summary>
internal sealed class TestCorpus : IAsyncDisposable
{
    private TestCorpus(string folder, ServiceProvider services)
    {
        Folder = folder;
        Services = services;
    }

    public string Folder { get; }

    public ServiceProvider Services { get; }

    public string DatabasePath => Services.GetRequiredService<SqliteConnectionFactory>().DatabasePath;

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    public static async Task<TestCorpus> CreateAsync(
        IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configure = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "corpusbot-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var values = new Dictionary<string, string?>
        {
            ["Storage:DatabasePath"] = Path.Combine(folder, "corpus.db"),
            ["Corpus:SeedsPath"] = RepositoryFiles.SeedsFolder,
            // Most tests are not about meaning: the lexical embedder keeps them fast. Semantic tests set Builtin.
            ["Embeddings:Provider"] = "Lexical",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddCorpusBotCore(new ContentRoot(RepositoryFiles.Root));
        configure?.Invoke(services);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        var corpus = new TestCorpus(folder, provider);
        await corpus.Get<CorpusInitializer>().InitializeAsync(seedIfEmpty: false, CancellationToken.None);
        return corpus;
    }

    /// <summary>A corpus holding the five seed articles.</summary>
    public static async Task<TestCorpus> WithSeedsAsync()
    {
        var corpus = await CreateAsync();
        await corpus.Get<CorpusInitializer>().InitializeAsync(seedIfEmpty: true, CancellationToken.None);
        return corpus;
    }

    public Task<IngestOutcome> AddAsync(string id, string text, string? title = null) =>
        Get<DocumentIngestor>().IngestAsync(new SourceDocument(id, title ?? id, text), "test", "tester", CancellationToken.None);

    public async Task<long> ScalarAsync(string sql)
    {
        await using var connection = await Get<SqliteConnectionFactory>().OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = await Get<SqliteConnectionFactory>().OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; never fail a test on clean-up.
        }
    }
}
