using CorpusBot.Core.Ingestion.Readers;

namespace CorpusBot.Core.Ingestion;

/// <summary>
/// Ingests files and folders: the reader decodes each input or rejects it with the reason, and each
/// document is then stored in its own transaction. One outcome per input; one bad file never stops
/// the batch. If the embedder fails (an outage), the documents not yet stored are reported as
/// rejected with that reason, so the user knows exactly which to retry.
/// </summary>
public sealed class CorpusLoader(DocumentSourceReader reader, DocumentIngestor ingestor)
{
    public async Task<IngestReport> IngestPathsAsync(
        IReadOnlyList<string> paths,
        string addedBy,
        IProgress<IngestOutcome>? progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var outcomes = new List<IngestOutcome>();
        string? outage = null;
        await foreach (var item in reader.ReadAsync(paths, cancellationToken))
        {
            var outcome = item switch
            {
                { Rejection: { } rejection } => rejection,
                { Document: { } document } when outage is not null =>
                    IngestOutcome.Rejected(item.Origin, $"not stored, retry it: {outage}", document.Id),
                { Document: { } document } => await StoreAsync(document, item.Origin, addedBy, cancellationToken),
                _ => IngestOutcome.Rejected(item.Origin, "nothing could be read"),
            };
            if (outcome.Status == IngestStatus.Rejected && outcome.Reason?.StartsWith(EmbedderFailed, StringComparison.Ordinal) == true)
            {
                outage ??= outcome.Reason;
            }

            outcomes.Add(outcome);
            progress?.Report(outcome);
        }

        return new IngestReport(outcomes);
    }

    private const string EmbedderFailed = "the embedding model failed";

    private async Task<IngestOutcome> StoreAsync(Documents.SourceDocument document, string origin, string addedBy, CancellationToken cancellationToken)
    {
        try
        {
            return await ingestor.IngestAsync(document, origin, addedBy, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutException or CorpusBotException && !cancellationToken.IsCancellationRequested)
        {
            // Nothing of this document was written: the ingestor embeds before its transaction.
            return IngestOutcome.Rejected(origin, $"{EmbedderFailed} ({e.Message}); nothing was stored, retry it", document.Id);
        }
    }
}
