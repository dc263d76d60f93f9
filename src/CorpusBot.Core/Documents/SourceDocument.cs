namespace CorpusBot.Core.Documents;

/// <summary>A document as it arrives for ingestion, before it is chunked and stored.</summary>
/// <param name="Id">Stable identifier; for files, the file name without extension.</param>
/// <param name="Title">Human title shown in citations; falls back to the id.</param>
/// <param name="Text">The full text, already decoded and reduced to plain text.</param>
/// <param name="Source">The publisher or site name ("Reuters", "Meduza"), shown in citations.</param>
/// <param name="Published">The publication date, ISO "yyyy-MM-dd" when known.</param>
/// <param name="PageStarts">For paged documents (PDF): the offset in <paramref name="Text"/> where each page starts, page 1 first.</param>
public sealed record SourceDocument(
    string Id,
    string Title,
    string Text,
    string? Url = null,
    string? Source = null,
    string? Published = null,
    string? Author = null,
    IReadOnlyList<int>? PageStarts = null);
