namespace CorpusBot.Benchmarks;

/// <summary>One corpus at one size: ingest, storage, and per-question times split by phase.</summary>
/// <param name="Ingested">False when the database was reused from an earlier run (--keep): no ingest figures then.</param>
/// <param name="ChunkAndEmbedMegabytesPerSecond">Chunking plus the embedder alone, without SQLite (up to 1,000 documents).</param>
/// <param name="Phases">Per-question p50 / p95 ms by phase (embed, keyword, vector, read, terms, verify, other, total).</param>
/// <param name="QuestionWordShare">Median share of documents holding a question's subject words (the issue asks for 20–60 %).</param>
internal sealed record CorpusResult(
    string Corpus,
    string Embedder,
    int Documents,
    int Chunks,
    double Megabytes,
    bool Ingested,
    double IngestSeconds,
    double IngestPeakMiB,
    double DatabaseMiB,
    int Questions,
    IReadOnlyDictionary<string, (double P50, double P95)> Phases,
    int Answered,
    int AnsweredRight,
    double QueryPeakMiB,
    double ChunkAndEmbedMegabytesPerSecond,
    double QuestionWordShare)
{
    public double MegabytesPerSecond => IngestSeconds == 0 ? 0 : Megabytes / IngestSeconds;

    public double ChunksPerSecond => IngestSeconds == 0 ? 0 : Chunks / IngestSeconds;

    public double DatabasePerText => Megabytes == 0 ? 0 : DatabaseMiB * 1.048576 / Megabytes;

    public double TotalP50 => Phases["total"].P50;

    public double TotalP95 => Phases["total"].P95;
}
