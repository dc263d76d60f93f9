namespace CorpusBot.Core.Retrieval;

/// <summary>A retrieved chunk of a stored document, with its exact place in that document.</summary>
/// <param name="Start">Offset of the first character of <paramref name="Text"/> in the document text.</param>
/// <param name="End">Offset just past the last character (exclusive).</param>
/// <param name="Score">Fused retrieval score; higher is better. Only comparable within one query.</param>
public sealed record Passage(
    long ChunkId,
    string DocumentId,
    string DocumentTitle,
    string? DocumentUrl,
    int Start,
    int End,
    string Text,
    double Score,
    double LexicalScore,
    double VectorScore);
