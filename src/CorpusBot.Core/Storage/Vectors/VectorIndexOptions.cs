namespace CorpusBot.Core.Storage.Vectors;

/// <summary>How the in-memory vector index scans. Section "VectorIndex".</summary>
public sealed class VectorIndexOptions
{
    public const string SectionName = "VectorIndex";

    /// <summary>
    /// Scan int8 codes (a quarter of the memory traffic) and re-rank the best <c>k × 4</c> with exact floats.
    /// Off by default: the float scan is exact by construction.
    /// </summary>
    public bool Quantized { get; set; }

    /// <summary>How many candidates per wanted hit the int8 scan keeps for exact re-ranking.</summary>
    public int RerankFactor { get; set; } = 4;
}
