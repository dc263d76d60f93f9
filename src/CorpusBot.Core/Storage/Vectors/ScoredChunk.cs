namespace CorpusBot.Core.Storage.Vectors;

/// <summary>One nearest-neighbour hit: the chunk and its cosine similarity to the query.</summary>
public readonly record struct ScoredChunk(long ChunkId, float Score);
