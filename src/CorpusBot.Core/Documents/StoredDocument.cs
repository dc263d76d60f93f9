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
    int ChunkCount);
