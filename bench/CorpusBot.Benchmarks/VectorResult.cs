namespace CorpusBot.Benchmarks;

/// <summary>Exact (or int8) top-10 over random unit vectors, against the bandwidth bound.</summary>
/// <param name="Lists">k-means lists the index probes (0: it scans every row).</param>
/// <param name="BoundMs">Bytes one query must read (the float matrix, or the int8 codes) divided by the measured bandwidth.</param>
/// <param name="IndexMiB">Managed memory the loaded index holds (GC heap after loading minus before, full collections): the index alone.</param>
/// <param name="Recall">Share of the true top-10 (brute force over the same vectors) that the index returned.</param>
internal sealed record VectorResult(
    int Vectors,
    int Dimensions,
    bool Int8,
    int Lists,
    double LoadSeconds,
    double SearchP50Ms,
    double SearchP95Ms,
    double BoundMs,
    double Recall,
    double PeakMiB,
    double IndexMiB)
{
    public double TimesBound => BoundMs == 0 ? 0 : SearchP50Ms / BoundMs;
}
