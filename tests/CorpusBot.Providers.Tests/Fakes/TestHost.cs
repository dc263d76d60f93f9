using CorpusBot.Core.Answering;
using CorpusBot.Core.Documents;
using CorpusBot.Core.Hosting;
using CorpusBot.Core.Ingestion;
using CorpusBot.Core.Retrieval;
using CorpusBot.Core.Storage;
using CorpusBot.Providers.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;

namespace CorpusBot.Providers.Tests.Fakes;

/// <summary>
/// The real core and providers wired as the app wires them (AddCorpusBotProviders, AddCorpusBotCore),
/// on a temp SQLite file, with fake logging and a fake retriever as the only swapped seams.
/// </summary>
internal sealed class TestHost : IAsyncDisposable
{
    public const string ApiKey = "sk-test-SECRET-0123456789abcdef";

    private readonly string directory;

    private TestHost(ServiceProvider services, string directory)
    {
        Services = services;
        this.directory = directory;
    }

    public ServiceProvider Services { get; }

    public FakeRetriever Retriever => (FakeRetriever)Services.GetRequiredService<IRetriever>();

    public FakeLogCollector Logs => Services.GetRequiredService<FakeLogCollector>();

    public AnswerService AnswerService => Services.GetRequiredService<AnswerService>();

    /// <summary>Settings for a chat model at <paramref name="server"/>, with short timeouts fit for tests.</summary>
    public static Dictionary<string, string?> ChatSettings(FakeOpenAIServer server) => new()
    {
        ["Chat:Provider"] = "OpenAI",
        ["Chat:Endpoint"] = server.BaseUrl,
        ["Chat:Model"] = "test-model",
        ["Chat:ApiKey"] = ApiKey,
        ["Chat:TimeoutSeconds"] = "5", // generous: two cores shared with other test runs
        ["Chat:TotalTimeoutSeconds"] = "20",
        ["Chat:MaxAttempts"] = "3",
        ["Chat:RetryDelaySeconds"] = "0.05",
        ["Chat:BreakerMinimumThroughput"] = "100",
    };

    /// <param name="realRetriever">Keep the core's hybrid retriever instead of <see cref="FakeRetriever"/>.</param>
    /// <param name="clock">The app's <see cref="TimeProvider"/> (timeouts, back-off, Retry-After); the system clock when null.</param>
    public static async Task<TestHost> CreateAsync(IDictionary<string, string?>? settings = null, bool realRetriever = false, TimeProvider? clock = null)
    {
        var directory = Path.Combine(Path.GetTempPath(), "corpusbot-providers-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var root = ContentRoot.Discover();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Storage:DatabasePath"] = Path.Combine(directory, "corpus.db"),
                ["Chat:PromptsPath"] = root.Resolve("prompts"),
                ["Embeddings:Provider"] = "Lexical", // fast; tests of the built-in model set Builtin
            })
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .Build();

        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddFakeLogging();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace));
        if (clock is not null)
        {
            services.AddSingleton(clock);
        }

        services.AddCorpusBotProviders();
        services.AddCorpusBotCore(root);
        if (!realRetriever)
        {
            services.AddSingleton<IRetriever, FakeRetriever>();
        }

        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        var host = new TestHost(provider, directory);
        provider.GetRequiredService<IStartupValidator>().Validate();
        await provider.GetRequiredService<CorpusInitializer>().InitializeAsync(seedIfEmpty: false, CancellationToken.None);
        return host;
    }

    public async Task<IngestOutcome> IngestAsync(string id, string title, string text) =>
        await Services.GetRequiredService<DocumentIngestor>().IngestAsync(new SourceDocument(id, title, text), $"{id}.txt", "test", CancellationToken.None);

    /// <summary>The whole stored document as one retrieved passage.</summary>
    public async Task<Passage> PassageAsync(string id)
    {
        var document = await Services.GetRequiredService<DocumentStore>().GetAsync(id, CancellationToken.None)
            ?? throw new InvalidOperationException($"No document {id}");
        return new Passage(1, document.Id, document.Title, document.Url, 0, document.Text.Length, document.Text, 1, 1, 1);
    }

    /// <summary>Every log record rendered with its exception chain: what a log sink could ever see.</summary>
    public IEnumerable<string> LogText() => Logs.GetSnapshot().Select(r =>
        $"{r.Message} | {string.Join(",", r.StructuredState?.Select(s => s.Value) ?? [])} | {r.Exception}");

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open only leaves a temp folder behind.
        }
    }

    public T Option<T>()
        where T : class => Services.GetRequiredService<IOptions<T>>().Value;
}
