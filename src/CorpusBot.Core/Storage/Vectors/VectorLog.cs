using Microsoft.Extensions.Logging;

namespace CorpusBot.Core.Storage.Vectors;

/// <summary>Log messages of the vector store (event ids 1600–1699): ids, counts and timings only.</summary>
internal static partial class VectorLog
{
    [LoggerMessage(1601, LogLevel.Information, "Vector index loaded: {Count} vectors of {Dimensions} dimensions for model {ModelId} in {ElapsedMs} ms")]
    public static partial void IndexLoaded(ILogger logger, int count, int dimensions, string modelId, long elapsedMs);

    [LoggerMessage(1602, LogLevel.Information, "Reindex for model {ModelId}: {Missing} of {Total} chunks need embeddings")]
    public static partial void ReindexStarted(ILogger logger, string modelId, int missing, int total);

    [LoggerMessage(1603, LogLevel.Debug, "Reindex for model {ModelId}: embedded {Done} of {Total} chunks")]
    public static partial void ReindexBatch(ILogger logger, string modelId, int done, int total);

    [LoggerMessage(1604, LogLevel.Information, "Reindex for model {ModelId} complete: {Embedded} chunks embedded, {Removed} stale vectors removed in {ElapsedMs} ms")]
    public static partial void ReindexCompleted(ILogger logger, string modelId, int embedded, int removed, long elapsedMs);

    [LoggerMessage(1606, LogLevel.Information, "Vector index for model {ModelId} is behind the database (another process wrote): reloading")]
    public static partial void IndexStale(ILogger logger, string modelId);

    [LoggerMessage(1607, LogLevel.Error, "Vector index for model {ModelId} could not apply a committed change; it reloads before the next search")]
    public static partial void IndexApplyFailed(ILogger logger, string modelId, Exception exception);

    [LoggerMessage(1608, LogLevel.Information, "Vector index clustered: {Lists} k-means lists over {Count} vectors for model {ModelId} in {ElapsedMs} ms")]
    public static partial void IndexClustered(ILogger logger, int lists, int count, string modelId, long elapsedMs);

    [LoggerMessage(1605, LogLevel.Debug, "Vector collection {ModelId}: upserted {Upserted}, deleted {Deleted}")]
    public static partial void CollectionWritten(ILogger logger, string modelId, int upserted, int deleted);
}
