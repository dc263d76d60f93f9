namespace CorpusBot.Core.Ingestion.Readers;

/// <summary>What a catalog entry, a JSONL line or a file's own properties say about a document besides its text.</summary>
internal sealed record DocumentMetadata(string? Title, string? Source, string? Url, string? Published, string? Author = null);
