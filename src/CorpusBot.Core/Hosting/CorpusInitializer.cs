using CorpusBot.Core.Embeddings;
using CorpusBot.Core.Ingestion;
using CorpusBot.Core.Storage;
using CorpusBot.Core.Storage.Migrations;
using CorpusBot.Core.Storage.Vectors;
using Microsoft.Extensions.AI;

namespace CorpusBot.Core.Hosting;

/// <summary>
/// Makes the corpus ready before a command uses it: schema up to date, seeds ingested into an empty
/// database (so the first `ask` on a fresh clone just works), and the vector index loaded for the
/// configured embedding model.
/// </summary>
public sealed class CorpusInitializer(
    SchemaMigrator migrator,
    DocumentStore documents,
    CorpusLoader loader,
    VectorIndex vectorIndex,
    SqliteConnectionFactory connections,
    IEmbeddingGenerator<string, Embedding<float>> embedder,
    Reindexer reindexer,
    SeedsLocation seeds)
{
    /// <summary>Returns the seeding report when seeds were ingested, otherwise null.</summary>
    public async Task<IngestReport?> InitializeAsync(
        bool seedIfEmpty, CancellationToken cancellationToken, IProgress<(int Done, int Total)>? progress = null)
    {
        await migrator.MigrateAsync(cancellationToken);
        var modelId = EmbeddingModel.IdOf(embedder);
        await vectorIndex.LoadAsync(connections, modelId, cancellationToken);
        // The configured embedding model changed (or vectors are missing): re-embed before searching,
        // so a search never mixes vectors of two models.
        if (await reindexer.IsNeededAsync(modelId, cancellationToken))
        {
            await reindexer.RunAsync(embedder, modelId, progress, cancellationToken);
        }

        if (!seedIfEmpty || await documents.CountAsync(cancellationToken) > 0)
        {
            return null;
        }

        if (!Directory.Exists(seeds.Path))
        {
            throw new CorpusBotException($"The corpus is empty and the seeds folder {seeds.Path} does not exist. Set Corpus:SeedsPath or run `corpusbot ingest PATH`.");
        }

        return await loader.IngestPathsAsync([seeds.Path], "seeds", null, cancellationToken);
    }
}
