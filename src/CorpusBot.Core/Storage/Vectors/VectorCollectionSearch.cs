using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.VectorData;

namespace CorpusBot.Core.Storage.Vectors;

/// <summary>
/// <see cref="SqliteVectorCollection.SearchAsync"/>: a filter becomes a set of allowed chunk ids (one SQL query),
/// the exact top-k comes from the in-memory index, and the hits' records are read back from the file.
/// </summary>
internal sealed class VectorCollectionSearch(
    SqliteConnectionFactory connections, VectorIndex index, IEmbeddingGenerator<string, Embedding<float>>? embeddingGenerator)
{
    public async IAsyncEnumerable<VectorSearchResult<ChunkVectorRecord>> SearchAsync<TInput>(
        TInput searchValue, int top, VectorSearchOptions<ChunkVectorRecord>? options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var query = await ToVectorAsync(searchValue, cancellationToken);
        var modelId = index.ModelId;
        await using var connection = await connections.OpenAsync(cancellationToken);
        Func<long, bool>? filter = null;
        if (options?.Filter is { } predicate)
        {
            var (condition, parameters) = RecordFilterSql.Translate(predicate);
            filter = (await ChunkVectorQueries.MatchingIdsAsync(connection, modelId, condition, parameters, cancellationToken)).Contains;
        }

        var skip = options?.Skip ?? 0;
        var threshold = options?.ScoreThreshold;
        var hits = index.Search(query.Span, top + skip, filter)
            .Skip(skip)
            .Where(hit => threshold is null || hit.Score >= threshold)
            .ToList();
        if (hits.Count == 0)
        {
            yield break;
        }

        var records = new Dictionary<long, ChunkVectorRecord>();
        await foreach (var record in ChunkVectorQueries.ByIdsAsync(
            connection, modelId, [.. hits.Select(h => h.ChunkId)], options?.IncludeVectors ?? false, cancellationToken))
        {
            records[record.ChunkId] = record;
        }

        foreach (var hit in hits)
        {
            // A hit whose chunk was deleted since the scan is dropped rather than returned without data.
            if (records.TryGetValue(hit.ChunkId, out var record))
            {
                yield return new VectorSearchResult<ChunkVectorRecord>(record, hit.Score);
            }
        }
    }

    private async Task<ReadOnlyMemory<float>> ToVectorAsync<TInput>(TInput searchValue, CancellationToken cancellationToken) => searchValue switch
    {
        ReadOnlyMemory<float> vector => vector,
        float[] vector => vector,
        Embedding<float> embedding => embedding.Vector,
        string text when embeddingGenerator is not null => await embeddingGenerator.GenerateVectorAsync(text, cancellationToken: cancellationToken),
        _ => throw new NotSupportedException(
            $"The SQLite vector collection searches by ReadOnlyMemory<float>, float[] or Embedding<float> (or string when an embedding generator is registered), not {typeof(TInput).Name}."),
    };
}
