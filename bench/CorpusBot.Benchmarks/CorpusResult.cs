namespace CorpusBot.Benchmarks;

/// <summary>One corpus at one size: ingest, storage, and per-question times split by phase.</summary>
/// <param name="Ingested">False when the database was reused from an earlier run (--keep): no ingest figures then.</param>
/// <param name="IngestCpuSeconds">Process CPU time of the ingest, all threads: far less moved by the machine's load than its wall time.</param>
/// <param name="ChunkAndEmbedMegabytesPerSecond">Chunking plus the embedder alone, without SQLite (up to 1,000 documents).</param>
/// <param name="Phases">Per-question p50 / p95 ms by phase (embed, keyword, vector, read, terms, verify, other, total).</param>
/// <param name="VectorIndex">The vector index after the questions: lists, reload time, recall against a scan of every row.</param>
/// <param name="QuestionWordShare">Share of documents holding each of the questions' subject words (the issue asks for 20–60 %).</param>
internal sealed record CorpusResult(
    string Corpus,
    string Embedder,
    int Documents,
    int Chunks,
    double Megabytes,
    bool Ingested,
    double IngestSeconds,
    double IngestCpuSeconds,
    double IngestPeakMiB,
    double DatabaseMiB,
    int Questions,
    IReadOnlyDictionary<string, (double P50, double P95)> Phases,
    int Answered,
    int AnsweredRight,
    double QueryPeakMiB,
    double ChunkAndEmbedMegabytesPerSecond,
    WordShare QuestionWordShare,
    VectorIndexCheck VectorIndex)
{
    public double MegabytesPerSecond => IngestSeconds == 0 ? 0 : Megabytes / IngestSeconds;

    public double ChunksPerSecond => IngestSeconds == 0 ? 0 : Chunks / IngestSeconds;

    public double DatabasePerText => Megabytes == 0 ? 0 : DatabaseMiB * 1.048576 / Megabytes;

    public double TotalP50 => Phases["total"].P50;

    public double TotalP95 => Phases["total"].P95;
}

/// <summary>Median, lowest and highest share of documents (0..1) holding one of the questions' subject words.</summary>
internal sealed record WordShare(double Median, double Lowest, double Highest);
