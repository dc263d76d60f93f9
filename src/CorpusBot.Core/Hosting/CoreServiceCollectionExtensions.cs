using CorpusBot.Core.Answering;
using CorpusBot.Core.Answering.Reader;
using CorpusBot.Core.Chunking;
using CorpusBot.Core.Conversations;
using CorpusBot.Core.Diagnostics;
using CorpusBot.Core.Embeddings;
using CorpusBot.Core.Fetching;
using CorpusBot.Core.Ingestion;
using CorpusBot.Core.Ingestion.Readers;
using CorpusBot.Core.Retrieval;
using CorpusBot.Core.Storage;
using CorpusBot.Core.Storage.Migrations;
using CorpusBot.Core.Storage.Vectors;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CorpusBot.Core.Hosting;

/// <summary>Wires the engine: storage, ingestion, retrieval and the built-in answerer and embedder.</summary>
public static class CoreServiceCollectionExtensions
{
    public static IServiceCollection AddCorpusBotCore(this IServiceCollection services, ContentRoot root)
    {
        services.AddSingleton(root);
        services.TryAddSingleton(TimeProvider.System);

        AddValidatedOptions<StorageOptions>(services, StorageOptions.SectionName);
        AddValidatedOptions<ChunkingOptions>(services, ChunkingOptions.SectionName);
        AddValidatedOptions<AnsweringOptions>(services, AnsweringOptions.SectionName);
        AddValidatedOptions<EmbeddingsOptions>(services, EmbeddingsOptions.SectionName);
        AddValidatedOptions<RetrievalOptions>(services, RetrievalOptions.SectionName);

        services.AddSingleton<SqliteConnectionFactory>();
        services.AddSingleton<SchemaMigrator>();
        services.AddSingleton<DocumentStore>();
        services.AddSingleton<AnswerLog>();
        services.AddSingleton<DatabaseBackup>();
        services.AddMetrics().TryAddSingleton<CorpusBotMetrics>();
        services.AddCorpusVectorStore();

        services.AddSingleton<TextChunker>();
        services.AddSingleton<DocumentIngestor>();
        services.AddSingleton<CorpusRemover>();
        services.AddSingleton<CorpusLoader>();
        services.AddSingleton<CorpusInitializer>();
        services.AddCorpusReaders();
        services.AddSingleton(sp => new SeedsLocation(root.Resolve(sp.GetRequiredService<IOptions<IngestionOptions>>().Value.SeedsPath)));

        // Builtin (arctic-embed-xs) or Lexical, as Embeddings:Provider says, unless the providers registered theirs first.
        services.TryAddSingleton(EmbeddingGeneratorFactory.CreateCoreGenerator);

        services.AddSingleton<IRetriever, HybridRetriever>();
        services.AddSingleton<TermStatistics>();
        services.AddSingleton<QuestionAnalyzer>();
        services.AddSingleton<QuoteVerifier>();
        services.AddSingleton<CandidateSentences>();
        services.AddSingleton<QueryVectors>();
        services.AddSingleton<SemanticFit>();
        services.AddSingleton<QuestionValidator>();
        services.AddSingleton<ExtractiveAnswerer>();
        services.TryAddSingleton<IAnswerer>(sp => sp.GetRequiredService<ExtractiveAnswerer>());
        services.AddSingleton<CitationSources>();
        services.AddSingleton<Answering.ShortAnswers.AnswerGlance>();
        services.AddSingleton<AnswerService>();
        services.AddConversations();
        services.AddSafeFetch();
        return services;
    }

    /// <summary>Binds a section and validates it (data annotations) when the host starts or the options are first read.</summary>
    public static OptionsBuilder<T> AddValidatedOptions<T>(IServiceCollection services, string sectionName)
        where T : class
    {
        return services.AddOptionsWithValidateOnStart<T>()
            .BindConfiguration(sectionName)
            .ValidateDataAnnotations();
    }
}
