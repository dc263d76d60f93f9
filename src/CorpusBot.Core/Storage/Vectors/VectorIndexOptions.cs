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
    /// inverted-file index of <see cref="Lists"/> k-means lists, scanned nearest first until <see cref="ProbeRows"/>
    /// rows), so its cost stops growing with the corpus. Approximate: recall@40 against a scan of every row is in
    /// docs/BENCHMARKS.md (0.98 at 737k passages). Below it every row is scanned, exactly as before: the seeds, the dev
    /// set, and the topical benchmark up to 10k documents (74k passages, where a full scan costs ~2 ms).
    /// </summary>
    [Range(1, int.MaxValue, ErrorMessage = "VectorIndex:ClusterAbove must be 1 or more.")]
    public int ClusterAbove { get; set; } = 200_000;

    /// <summary>How many k-means centroids (lists); 0 = automatic: √rows, at most <see cref="MaxAutomaticLists"/>.</summary>
    [Range(0, 65_536, ErrorMessage = "VectorIndex:Lists must be between 0 (automatic) and 65536.")]
    public int Lists { get; set; }

    /// <summary>
    /// How many rows a search scans at least, taking the lists nearest the question first: the cost of a search, and
    /// its recall (more rows, higher recall). 65,536 rows of int8 codes are ~1.5 ms on this machine whatever the corpus.
    /// </summary>
    [Range(1, int.MaxValue, ErrorMessage = "VectorIndex:ProbeRows must be 1 or more.")]
    public int ProbeRows { get; set; } = 65_536;

    /// <summary>
    /// The centroids are trained again (the whole index rebuilt) when the index holds this many times the rows they
    /// were trained on; in between, a new vector joins the list of its nearest centroid.
    /// </summary>
    [Range(1.1, 1000, ErrorMessage = "VectorIndex:RetrainGrowth must be between 1.1 and 1000.")]
    public double RetrainGrowth { get; set; } = 2;

    /// <summary>Seed of the k-means sample: the same stored vectors always give the same index.</summary>
    public int Seed { get; set; } = 13;
}
