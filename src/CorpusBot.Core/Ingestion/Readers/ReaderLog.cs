using Microsoft.Extensions.Logging;

namespace CorpusBot.Core.Ingestion.Readers;

/// <summary>Log messages of the readers (event ids 1500-1599). Origins, ids and counts only: never document text.</summary>
internal static partial class ReaderLog
{
    [LoggerMessage(1501, LogLevel.Debug, "Read {DocumentId} from {Origin}: {Characters} characters, {Encoding}")]
    public static partial void DocumentRead(ILogger logger, string documentId, string origin, int characters, string encoding);

    // Information, not Warning: whoever sent the input is told the reason (the CLI line, the /add reply, the feed's status),
    // so a rejected file is a record here, not something for the operator to act on.
    [LoggerMessage(1502, LogLevel.Information, "Rejected {Origin}: {Reason}")]
    public static partial void Rejected(ILogger logger, string origin, string reason);

    [LoggerMessage(1503, LogLevel.Information, "Loaded catalog {Path} with {Count} entries")]
    public static partial void CatalogLoaded(ILogger logger, string path, int count);

    [LoggerMessage(1504, LogLevel.Information, "Read {Documents} documents and {Rejections} rejections from {Paths} paths in {ElapsedMs} ms")]
    public static partial void ReadCompleted(ILogger logger, int documents, int rejections, int paths, long elapsedMs);
}
