using System.ComponentModel.DataAnnotations;

namespace CorpusBot.Core.Storage.Vectors;

/// <summary>How the in-memory vector index scans. Section "VectorIndex"; validated at start.</summary>
public sealed class VectorIndexOptions
{
    public const string SectionName = "VectorIndex";

    /// <summary>
    /// The most lists <see cref="Lists"/> = 0 picks (√rows up to this): building costs rows × lists int8 dot products,
    /// and at 737k passages 256 lists gave the same recall per row scanned as 512 at half the build time.
    /// </summary>
    public const int MaxAutomaticLists = 256;

    /// <summary>
    /// Scan int8 codes (a quarter of the memory traffic) and re-rank the best <c>k × 4</c> with exact floats.
    /// Off by default: the float scan is exact by construction. Measured on 2 cores, 384 dimensions, one query at a
    /// time: 100k rows 15 ms (float) vs 2 ms (int8), 1M rows 80 ms vs 21 ms; same top 10 on uniform random data, but
    /// 49 of 50 on tightly clustered data, so re-ranking k × 4 is near-exact, not exact.
    /// </summary>
    public bool Quantized { get; set; }

    /// <summary>
    /// From this many vectors on, searches scan int8 codes (re-ranked exactly) even without <see cref="Quantized"/>:
    /// below it the float scan is cheap; above it a question would read N × dims × 4 bytes (1 GB at 700k passages).
    /// </summary>
    [Range(0, int.MaxValue, ErrorMessage = "VectorIndex:QuantizeAbove must be 0 or more.")]
    public int QuantizeAbove { get; set; } = 50_000;

    /// <summary>How many candidates per wanted hit the int8 scan keeps for exact re-ranking.</summary>
    [Range(1, 100, ErrorMessage = "VectorIndex:RerankFactor must be between 1 and 100.")]
    public int RerankFactor { get; set; } = 4;

    /// <summary>
    /// From this many vectors on, a search scans only the rows filed under the centroids nearest the question (an
    /// inverted-file index of <see cref="Lists"/> k-means lists, scanned nearest first until <see cref="ProbeFactor"/>
    /// × √rows rows), so its cost grows with √rows instead of rows. Approximate: recall@40 against a scan of every row
    /// is in docs/BENCHMARKS.md (0.99 at 74k passages, ~0.985 at 737k). Below it every row is scanned, exactly as
    /// before: the seeds, the dev set, RGB and the topical benchmark at 1k documents (7k passages).
    /// </summary>
    [Range(1, int.MaxValue, ErrorMessage = "VectorIndex:ClusterAbove must be 1 or more.")]
    public int ClusterAbove { get; set; } = 50_000;

    /// <summary>How many k-means centroids (lists); 0 = automatic: √rows, at most <see cref="MaxAutomaticLists"/>.</summary>
    [Range(0, 65_536, ErrorMessage = "VectorIndex:Lists must be between 0 (automatic) and 65536.")]
    public int Lists { get; set; }

    /// <summary>
    /// A search scans at least this many × √rows rows, taking the lists nearest the question first: its cost, and its
    /// recall (more rows, higher recall). 96 gave recall@40 0.990 at 74k passages (26k rows scanned, 0.7 ms) and lies
    /// between 0.981 (65k rows) and 0.990 (131k rows) at 737k passages (82k rows); the share scanned falls as the
    /// corpus grows, as the recall per share scanned rises.
    /// </summary>
    [Range(1.0, 1e6, ErrorMessage = "VectorIndex:ProbeFactor must be between 1 and 1000000.")]
    public double ProbeFactor { get; set; } = 96;

    /// <summary>
    /// The centroids are trained again (the whole index rebuilt) when the index holds this many times the rows they
    /// were trained on; in between, a new vector joins the list of its nearest centroid.
    /// </summary>
    [Range(1.1, 1000, ErrorMessage = "VectorIndex:RetrainGrowth must be between 1.1 and 1000.")]
    public double RetrainGrowth { get; set; } = 2;

    /// <summary>Seed of the k-means sample: the same stored vectors always give the same index.</summary>
    public int Seed { get; set; } = 13;
}
