namespace CorpusBot.Core.Ingestion;

/// <summary>The result for one document (or one rejected input) of an ingestion run.</summary>
/// <param name="Origin">Where it came from: a file path, "path:line" for JSONL, or "telegram".</param>
/// <param name="DocumentId">The document id, when one could be determined.</param>
/// <param name="Reason">For rejections: what was wrong, in words a user can act on.</param>
public sealed record IngestOutcome(
    string Origin,
    string? DocumentId,
    IngestStatus Status,
    string? Title = null,
    int Chunks = 0,
    string? Reason = null)
{
    public static IngestOutcome Rejected(string origin, string reason, string? documentId = null) =>
        new(origin, documentId, IngestStatus.Rejected, Reason: reason);
}
