namespace CorpusBot.Core.Storage.Vectors;

/// <summary>What a write transaction did to one model's vectors, for <see cref="VectorIndex.CommitAsync{T}"/> to mirror.</summary>
/// <param name="ModelId">The model the vectors are of; a change of another model's vectors leaves the index as it is.</param>
public sealed record VectorChange(string ModelId, IReadOnlyList<(long ChunkId, float[] Vector)> Added, IReadOnlyCollection<long> Removed)
{
    public static VectorChange None { get; } = new(string.Empty, [], []);
}
