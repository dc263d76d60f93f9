using Microsoft.Extensions.Logging;

namespace CorpusBot.Providers;

/// <summary>
/// Structured log messages of the providers, event ids 2000-2099. Hosts, counts, status codes and
/// timings only: never questions, prompts, replies, answers or keys.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(2001, LogLevel.Information, "Chat model {Model} at {Host} answered in {ElapsedMs} ms: {Quotes} quotes claimed, {Verified} verified, refused {Refused}")]
    public static partial void ModelAnswered(ILogger logger, string model, string host, long elapsedMs, int quotes, int verified, bool refused);

    [LoggerMessage(2002, LogLevel.Warning, "Chat model {Model} at {Host} failed after {ElapsedMs} ms: {Failure}")]
    public static partial void ModelFailed(ILogger logger, Exception exception, string model, string host, long elapsedMs, string failure);

    [LoggerMessage(2003, LogLevel.Warning, "Chat model {Model} at {Host} sent a reply that is not the agreed JSON ({Chars} characters)")]
    public static partial void ModelReplyUnusable(ILogger logger, string model, string host, int chars);

    [LoggerMessage(2004, LogLevel.Information, "No passages retrieved; refused without calling the model")]
    public static partial void NoPassages(ILogger logger);

    [LoggerMessage(2005, LogLevel.Information, "Dropped {Dropped} of {Sentences} answer sentences not held by their quotes ({Failures})")]
    public static partial void SentencesDropped(ILogger logger, int dropped, int sentences, string failures);

    [LoggerMessage(2020, LogLevel.Information, "ONNX embedding model {ModelId} loaded: {Dimensions} dimensions, inputs {Inputs}")]
    public static partial void OnnxModelLoaded(ILogger logger, string modelId, int dimensions, string inputs);

    [LoggerMessage(2021, LogLevel.Debug, "Embedded {Count} texts with {ModelId} in {ElapsedMs} ms")]
    public static partial void Embedded(ILogger logger, int count, string modelId, long elapsedMs);

    [LoggerMessage(2030, LogLevel.Warning, "Embeddings endpoint {Host} failed for a batch of {Count} texts: {Failure}")]
    public static partial void EmbeddingsFailed(ILogger logger, Exception exception, string host, int count, string failure);
}
