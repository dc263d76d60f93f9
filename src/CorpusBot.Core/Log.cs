using Microsoft.Extensions.Logging;

namespace CorpusBot.Core;

/// <summary>Structured log messages of the core, with stable event ids. Ids, counts and timings only: never user text.</summary>
internal static partial class Log
{
    [LoggerMessage(1001, LogLevel.Information, "Applied schema migration {Version}: {Description}")]
    public static partial void MigrationApplied(ILogger logger, int version, string description);

    [LoggerMessage(1101, LogLevel.Information, "Document {DocumentId} {Status} with {Chunks} chunks")]
    public static partial void DocumentIngested(ILogger logger, string documentId, string status, int chunks);

    [LoggerMessage(1102, LogLevel.Warning, "Rejected {Origin}: {Reason}")]
    public static partial void InputRejected(ILogger logger, string origin, string reason);

    [LoggerMessage(1103, LogLevel.Information, "Document {DocumentId} removed by {Actor}")]
    public static partial void DocumentRemoved(ILogger logger, string documentId, string actor);

    [LoggerMessage(1250, LogLevel.Warning, "Vector search failed; answering from full-text search alone")]
    public static partial void VectorSearchFailed(ILogger logger, Exception exception);

    [LoggerMessage(1301, LogLevel.Information, "Answered in {ElapsedMs} ms: mode {Mode}, refused {Refused}, reason {Reason}, {Citations} citations")]
    public static partial void Answered(ILogger logger, long elapsedMs, string mode, bool refused, string? reason, int citations);

    [LoggerMessage(1302, LogLevel.Warning, "Primary answerer failed; fell back to the extractive answerer")]
    public static partial void AnswererFellBack(ILogger logger, Exception exception);

    [LoggerMessage(1401, LogLevel.Information, "Embedding model {ModelId} loaded in {ElapsedMs} ms: {Dimensions} dimensions, inputs {Inputs}")]
    public static partial void EmbeddingModelLoaded(ILogger logger, string modelId, long elapsedMs, int dimensions, string inputs);

    [LoggerMessage(1402, LogLevel.Debug, "Embedded {Count} texts with {ModelId} in {ElapsedMs} ms")]
    public static partial void Embedded(ILogger logger, int count, string modelId, long elapsedMs);
}
