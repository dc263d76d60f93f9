namespace CorpusBot.Core.Ingestion.Readers;

/// <summary>What a catalog entry or a JSONL line says about a document besides its text.</summary>
internal sealed record DocumentMetadata(string? Title, string? Source, string? Url, string? Published);
