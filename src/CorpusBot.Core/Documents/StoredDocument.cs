namespace CorpusBot.Core.Documents;

/// <summary>A document as held in the corpus database.</summary>
public sealed record StoredDocument(
    string Id,
    string Title,
    string? Url,
    string? Source,
    string? Published,
    string ContentHash,
    string Text,
    string AddedBy,
    DateTimeOffset AddedAt,
    int ChunkCount,
    string? Author = null,
    IReadOnlyList<int>? PageStarts = null)
{
    /// <summary>The 1-based page on which <paramref name="offset"/> lies, or null for documents without pages.</summary>
    public int? PageAt(int offset) => PageNumbers.At(PageStarts, offset);
}
