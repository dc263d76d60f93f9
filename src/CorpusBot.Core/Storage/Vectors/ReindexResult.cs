namespace CorpusBot.Core.Storage.Vectors;

/// <summary>What a reindex did: chunks embedded in this run, and stale vectors (other models or sizes) removed.</summary>
public sealed record ReindexResult(string ModelId, int Dimensions, int TotalChunks, int Embedded, int Removed);
