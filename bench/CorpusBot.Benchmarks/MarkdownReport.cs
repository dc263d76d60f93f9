using System.Globalization;

namespace CorpusBot.Benchmarks;

/// <summary>The results as Markdown: machine, command, tables, and the issue's targets marked met or not met.</summary>
internal static class MarkdownReport
{
    public static async Task WriteAsync(
        TextWriter output, IReadOnlyList<string> args, MachineInfo machine, double bandwidth,
        IReadOnlyList<CorpusResult> corpora, IReadOnlyList<VectorResult> vectors)
    {
        var w = new List<string>
        {
            $"Command: `dotnet run -c Release --project bench/CorpusBot.Benchmarks -- {string.Join(' ', args)}`",
            string.Empty,
            $"Machine: {machine.Cpu}, {machine.Cores} cores, {F(machine.MemoryGiB, 1)} GiB; {machine.Os}; {machine.Runtime}; {machine.Date:yyyy-MM-dd HH:mm} UTC",
            string.Empty,
        };
        if (bandwidth > 0)
        {
            w.Add($"Memory bandwidth, one thread (TensorPrimitives.Sum, best of 7): {F(bandwidth / 1e9, 2)} GB/s");
            w.Add(string.Empty);
        }

        if (corpora.Count > 0)
        {
            w.Add("| Docs | Chunks | MB | Ingest s | MB/s | Chunks/s | Chunk+embed MB/s | DB MiB | Ingest peak MiB | Retrieval p50 / p95 ms | Answer p50 / p95 ms | Answered (right) | Query peak MiB |");
            w.Add("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            w.AddRange(corpora.Select(c =>
                $"| {c.Documents} | {c.Chunks} | {F(c.Megabytes, 1)} | {F(c.IngestSeconds, 1)} | {F(c.MegabytesPerSecond, 2)} | {F(c.ChunksPerSecond, 0)} | {F(c.ChunkAndEmbedMegabytesPerSecond, 2)} | " +
                $"{F(c.DatabaseMiB, 1)} | {F(c.IngestPeakMiB, 0)} | {F(c.RetrievalP50Ms, 1)} / {F(c.RetrievalP95Ms, 1)} | " +
                $"{F(c.AnswerP50Ms, 1)} / {F(c.AnswerP95Ms, 1)} | {c.Answered}/{c.Questions} ({c.AnsweredRight}) | {F(c.QueryPeakMiB, 0)} |"));
            w.Add(string.Empty);
        }

        if (vectors.Count > 0)
        {
            w.Add("| Vectors | Dims | Scan | Load s | Top-10 p50 / p95 ms | Bound ms | × bound | Recall@10 | Peak MiB |");
            w.Add("|---:|---:|---|---:|---:|---:|---:|---:|---:|");
            w.AddRange(vectors.Select(v =>
                $"| {v.Vectors} | {v.Dimensions} | {(v.Int8 ? "int8 + rerank" : "float32")} | {F(v.LoadSeconds, 1)} | " +
                $"{F(v.SearchP50Ms, 2)} / {F(v.SearchP95Ms, 2)} | {F(v.BoundMs, 2)} | {F(v.TimesBound, 2)} | {F(v.Recall, 2)} | {F(v.PeakMiB, 0)} |"));
            w.Add(string.Empty);
        }

        w.Add("| Target | Measured | Status |");
        w.Add("|---|---|---|");
        w.AddRange(Targets(corpora, vectors));
        foreach (var line in w)
        {
            await output.WriteLineAsync(line);
        }
    }

    private static IEnumerable<string> Targets(IReadOnlyList<CorpusResult> corpora, IReadOnlyList<VectorResult> vectors)
    {
        var exact = vectors.FirstOrDefault(v => v.Vectors == 100_000 && !v.Int8);
        yield return Row("Vector top-10 over 100k × 384 within 2× of the bandwidth bound", exact is null ? null : $"{F(exact.TimesBound, 2)}×", exact?.TimesBound <= 2);

        var at10k = corpora.FirstOrDefault(c => c.Documents == 10_000);
        yield return Row("End-to-end extractive answer p95 < 100 ms at 10k docs", at10k is null ? null : $"{F(at10k.AnswerP95Ms, 1)} ms", at10k?.AnswerP95Ms < 100);

        var at1k = corpora.FirstOrDefault(c => c.Documents == 1_000);
        var growth = at1k is null || at10k is null ? (double?)null : at10k.AnswerP50Ms / at1k.AnswerP50Ms;
        yield return Row("Cost per question grows < 2× from 1k to 10k docs (answer p50)", growth is null ? null : $"{F(growth.Value, 2)}×", growth < 2);

        var slowest = corpora.Count == 0 ? null : corpora.MinBy(c => c.MegabytesPerSecond);
        yield return Row("Ingest ≥ 2 MB/s with the built-in embedder (slowest size)", slowest is null ? null : $"{F(slowest.MegabytesPerSecond, 2)} MB/s", slowest?.MegabytesPerSecond >= 2);
    }

    private static string Row(string target, string? measured, bool? met) =>
        $"| {target} | {measured ?? "not run"} | {(measured is null ? "-" : met == true ? "met" : "not met")} |";

    private static string F(double value, int decimals) => value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
