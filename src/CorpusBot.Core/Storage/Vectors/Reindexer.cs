using System.Diagnostics;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace CorpusBot.Core.Storage.Vectors;

/// <summary>
/// Gives every chunk a vector from the configured embedding model (<c>corpusbot reindex</c>, or at start after a
/// model change). Embeds only chunks still missing one, a batch per transaction, so a rerun resumes where a failed
/// run stopped; the old model's vectors stay usable until every chunk has a new one, and only then are deleted.
/// </summary>
public sealed class Reindexer(SqliteConnectionFactory connections, VectorIndex index, ILogger<Reindexer> logger)
{
    public const int DefaultBatchSize = 64;
    private const int MaxPasses = 5;

    public int BatchSize { get; init; } = DefaultBatchSize;

    /// <summary>Whether some chunk lacks a vector of <paramref name="modelId"/> or a vector of another model remains.</summary>
    public async Task<bool> IsNeededAsync(string modelId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var missing = await ReindexQueries.CountMissingAsync(connection, null, modelId, dimensions: null, cancellationToken);
        return missing > 0 || await ReindexQueries.CountStaleAsync(connection, modelId, dimensions: null, cancellationToken) > 0;
    }

    /// <param name="modelId">The model's id; by default the generator's <see cref="EmbeddingGeneratorMetadata.DefaultModelId"/>.</param>
    public async Task<ReindexResult> RunAsync(
        IEmbeddingGenerator<string, Embedding<float>> generator,
        string? modelId,
        IProgress<(int Done, int Total)>? progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(generator);
        modelId ??= generator.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelId
            ?? throw new CorpusBotException("The embedding generator does not report its model id; configure the embedding model id explicitly.");
        var watch = Stopwatch.StartNew();
        var dimensions = await ProbeDimensionsAsync(generator, modelId, cancellationToken);
        int total, done;
        await using (var connection = await connections.OpenAsync(cancellationToken))
        {
            total = await ReindexQueries.CountChunksAsync(connection, cancellationToken);
            done = total - await ReindexQueries.CountMissingAsync(connection, null, modelId, dimensions, cancellationToken);
        }

        VectorLog.ReindexStarted(logger, modelId, total - done, total);
        progress?.Report((done, total));
        var embedded = 0;
        int? removed = null;
        void Report(int batch)
        {
            done += batch;
            total = Math.Max(total, done);
            progress?.Report((done, total));
            VectorLog.ReindexBatch(logger, modelId, done, total);
        }

        for (var pass = 0; removed is null; pass++)
        {
            if (pass == MaxPasses)
            {
                throw new CorpusBotException($"Chunks without a {modelId} vector kept arriving during the reindex; stop ingestion and run `corpusbot reindex` again.");
            }

            embedded += await EmbedMissingAsync(generator, modelId, dimensions, Report, cancellationToken);
            removed = await connections.WriteAsync((connection, transaction) => ReindexQueries.DeleteStaleIfCompleteAsync(connection, transaction, modelId, dimensions, cancellationToken), cancellationToken);
        }

        await index.LoadAsync(connections, modelId, cancellationToken);
        VectorLog.ReindexCompleted(logger, modelId, embedded, removed.Value, watch.ElapsedMilliseconds);
        return new ReindexResult(modelId, dimensions, total, embedded, removed.Value);
    }

    private async Task<int> EmbedMissingAsync(
        IEmbeddingGenerator<string, Embedding<float>> generator, string modelId, int dimensions, Action<int> reportBatch, CancellationToken cancellationToken)
    {
        var embedded = 0;
        var after = long.MinValue;
        while (true)
        {
            IReadOnlyList<(long Id, string Text)> batch;
            await using (var connection = await connections.OpenAsync(cancellationToken))
            {
                batch = await ReindexQueries.MissingBatchAsync(connection, modelId, dimensions, after, BatchSize, cancellationToken);
            }

            if (batch.Count == 0)
            {
                return embedded;
            }

            var embeddings = await generator.GenerateAsync(batch.Select(c => c.Text), cancellationToken: cancellationToken);
            if (embeddings.Count != batch.Count)
            {
                throw new CorpusBotException($"The embedder for model {modelId} returned {embeddings.Count} vectors for {batch.Count} texts; check the embedding provider.");
            }

            var rows = batch.Select((chunk, i) => (chunk.Id, embeddings[i].Vector)).ToList();
            foreach (var (_, vector) in rows)
            {
                VectorBlob.EnsureDimensions(modelId, dimensions, vector.Length);
            }

            await connections.WriteAsync(
                async (connection, transaction) =>
                {
                    await EmbeddingRows.WriteAsync(connection, transaction, modelId, rows, checkStored: false, cancellationToken);
                    return rows.Count;
                },
                cancellationToken);
            embedded += rows.Count;
            after = batch[^1].Id;
            reportBatch(rows.Count);
        }
    }

    /// <summary>The generator's vector length, from the first chunk's text (0 when there are no chunks).</summary>
    private async Task<int> ProbeDimensionsAsync(IEmbeddingGenerator<string, Embedding<float>> generator, string modelId, CancellationToken cancellationToken)
    {
        string? text;
        await using (var connection = await connections.OpenAsync(cancellationToken))
        {
            text = await ReindexQueries.FirstChunkTextAsync(connection, cancellationToken);
        }

        if (text is null)
        {
            return 0;
        }

        var vector = await generator.GenerateVectorAsync(text, cancellationToken: cancellationToken);
        return vector.Length > 0 ? vector.Length
            : throw new CorpusBotException($"The embedder for model {modelId} produced an empty vector; check the embedding configuration.");
    }
}
