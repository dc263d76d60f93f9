namespace CorpusBot.Core.Documents;

/// <summary>A document as it arrives for ingestion, before it is chunked and stored.</summary>
/// <param name="Id">Stable identifier; for files, the file name without extension.</param>
/// <param name="Title">Human title shown in citations; falls back to the id.</param>
/// <param name="Text">The full text, already decoded and reduced to plain text.</param>
public sealed record SourceDocument(
    string Id,
    string Title,
    string Text,
    string? Url = null,
    string? Source = null,
    string? Published = null);
