using CorpusBot.Core.Hosting;
using CorpusBot.Core.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CorpusBot.Core.Evaluation;

/// <summary>Helpers to run an evaluation against a corpus: bring a database up to date, or build a throwaway one.</summary>
public static class EvalCorpus
{
    /// <summary>Migrates the schema and loads the vector index (never seeds), so a freshly built host can answer.</summary>
    public static async Task PrepareAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        await services.GetRequiredService<CorpusInitializer>().InitializeAsync(seedIfEmpty: false, cancellationToken);
    }

    /// <summary>
    /// A host with only the core engine (built-in embedder and extractive answerer) over <paramref name="databasePath"/>.
    /// <paramref name="settings"/> override configuration keys, e.g. "Answering:TopK".
    /// </summary>
    public static IHost CreateCoreHost(string databasePath, IReadOnlyDictionary<string, string?>? settings = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Storage:DatabasePath"] = Path.GetFullPath(databasePath),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(values);
        builder.Services.AddCorpusBotCore(new ContentRoot(Path.GetDirectoryName(Path.GetFullPath(databasePath))!));
        return builder.Build();
    }

    /// <summary>A fresh path for a temporary database under the system temp folder.</summary>
    public static string NewTemporaryDatabasePath(string label) =>
        Path.Combine(Path.GetTempPath(), $"corpusbot-{label}-{Guid.NewGuid():N}.db");

    /// <summary>Deletes a database file with its -wal and -shm companions (closing pooled connections first).</summary>
    public static void DeleteDatabase(string databasePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        SqliteConnection.ClearAllPools();
        foreach (var path in new[] { databasePath, databasePath + "-wal", databasePath + "-shm" })
        {
            File.Delete(path);
        }
    }
}
