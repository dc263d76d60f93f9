using Microsoft.Extensions.VectorData;

namespace CorpusBot.Core.Storage.Vectors;

/// <summary>
/// One chunk's vector as the VectorData abstractions see it. The declared dimension count is the default
/// model's; the real count is whatever the configured model produces, checked against the stored vectors.
/// </summary>
public sealed class ChunkVectorRecord
{
    public const int DefaultDimensions = 384;

    [VectorStoreKey]
    public long ChunkId { get; set; }

    /// <summary>The chunk's document; read from the chunks table, ignored on upsert (ingestion owns chunks).</summary>
    [VectorStoreData(IsIndexed = true)]
    public string DocumentId { get; set; } = string.Empty;

    /// <summary>The model that made the vector; empty on upsert means the collection's model.</summary>
    [VectorStoreData(IsIndexed = true)]
    public string ModelId { get; set; } = string.Empty;

    [VectorStoreVector(DefaultDimensions, DistanceFunction = DistanceFunction.CosineSimilarity, IndexKind = IndexKind.Flat)]
    public ReadOnlyMemory<float> Vector { get; set; }
}
