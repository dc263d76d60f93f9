namespace CorpusBot.Core.Documents;

/// <summary>One line of the corpus listing: what `docs` and `/docs` show.</summary>
public sealed record DocumentSummary(
    string Id,
    string Title,
    string? Url,
    string? Source,
    string? Published,
    int ChunkCount,
    int Length,
    string AddedBy,
    DateTimeOffset AddedAt);
