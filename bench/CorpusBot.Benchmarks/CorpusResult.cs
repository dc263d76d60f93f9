namespace CorpusBot.Benchmarks;

/// <summary>One synthetic corpus size: ingest, retrieval and end-to-end answer numbers.</summary>
/// <param name="ChunkAndEmbedMegabytesPerSecond">Chunking plus the built-in embedder alone, without SQLite (up to 1,000 documents).</param>
internal sealed record CorpusResult(
    int Documents,
    int Chunks,
    double Megabytes,
    double IngestSeconds,
    double IngestPeakMiB,
    double DatabaseMiB,
    int Questions,
    double RetrievalP50Ms,
    double RetrievalP95Ms,
    double AnswerP50Ms,
    double AnswerP95Ms,
    int Answered,
    int AnsweredRight,
    double QueryPeakMiB,
    double ChunkAndEmbedMegabytesPerSecond)
{
    public double MegabytesPerSecond => IngestSeconds == 0 ? 0 : Megabytes / IngestSeconds;

    public double ChunksPerSecond => IngestSeconds == 0 ? 0 : Chunks / IngestSeconds;
}
