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
            w.Add("| Corpus | Embedder | Docs | Passages | MB | Ingest s | Ingest CPU s | MB/s | Passages/s | Chunk+embed MB/s | DB MiB | DB ÷ text | Ingest peak MiB | Question words in documents (median, range) |");
            w.Add("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            w.AddRange(corpora.Select(c =>
                $"| {c.Corpus} | {c.Embedder} | {c.Documents} | {c.Chunks} | {F(c.Megabytes, 1)} | {Ingest(c, c.IngestSeconds, 1)} | {Ingest(c, c.IngestCpuSeconds, 1)} | {Ingest(c, c.MegabytesPerSecond, 2)} | " +
                $"{Ingest(c, c.ChunksPerSecond, 0)} | {Ingest(c, c.ChunkAndEmbedMegabytesPerSecond, 2)} | {F(c.DatabaseMiB, 1)} | {F(c.DatabasePerText, 2)}× | " +
                $"{Ingest(c, c.IngestPeakMiB, 0)} | {F(c.QuestionWordShare.Median * 100, 0)} % ({F(c.QuestionWordShare.Lowest * 100, 0)}–{F(c.QuestionWordShare.Highest * 100, 0)} %) |"));
            w.Add(string.Empty);
            w.Add("Per question, p50 / p95 ms (" + string.Join(", ", PhaseTimer.Phases) + ": the engine's spans; other: the rest of AskAsync; " +
                "total: wall clock; cpu: process CPU time, which depends far less on the machine's load):");
            w.Add(string.Empty);
            w.Add("| Corpus | Docs | " + string.Join(" | ", PhaseTimer.Phases) + " | other | total | cpu | Answered (right) | Query peak MiB |");
            w.Add("|---|---:|" + string.Concat(Enumerable.Repeat("---:|", PhaseTimer.Phases.Length + 3)) + "---:|---:|");
            w.AddRange(corpora.Select(c =>
                $"| {c.Corpus} | {c.Documents} | " + string.Join(" | ", PhaseTimer.Phases.Append("other").Append("total").Append("cpu").Select(p => $"{F(c.Phases[p].P50, 1)} / {F(c.Phases[p].P95, 1)}")) +
                $" | {c.Answered}/{c.Questions} ({c.AnsweredRight}) | {F(c.QueryPeakMiB, 0)} |"));
            w.Add(string.Empty);
            w.Add("Vector index after the questions (reload: reading the vectors from the file, plus training and filling the k-means lists when " +
                "there are any; recall@k: the share of a scan of every row's top k that the search returns, mean (lowest) over the questions' " +
                "vectors; tied: also counting a hit within 0.001 of the k-th best score; ms: one search, warm):");
            w.Add(string.Empty);
            w.Add("| Corpus | Docs | Vectors | Reload s | Search | Recall@k | Tied | ms |");
            w.Add("|---|---:|---:|---:|---|---:|---:|---:|");
            foreach (var c in corpora)
            {
                var v = c.VectorIndex;
                w.AddRange(v.Recall.Select(r =>
                    $"| {c.Corpus} | {c.Documents} | {v.Rows} | {F(v.ReloadSeconds, 2)} | " +
                    $"{(r.ProbeRows < 0 ? "every row" : $"nearest of {v.Lists} lists, ≥ {(r.ProbeRows == 0 ? v.ProbeRows : r.ProbeRows)} rows{(r.ProbeRows == 0 ? " (configured)" : string.Empty)}")} | " +
                    $"{F(r.MeanRecall, 3)} ({F(r.LowestRecall, 3)}) at k = {v.K} | {F(r.MeanTiedRecall, 3)} | {F(r.MeanMs, 2)} |"));
            }

            w.Add(string.Empty);
        }

        if (vectors.Count > 0)
        {
            w.Add("| Vectors | Dims | Scan | Load s | Top-10 p50 / p95 ms | Bound ms | × bound | Recall@10 | Peak MiB | Index MiB |");
            w.Add("|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|");
            w.AddRange(vectors.Select(v =>
                $"| {v.Vectors} | {v.Dimensions} | {(v.Lists > 0 ? $"clustered data, nearest of {v.Lists} lists, int8 + rerank" : v.Int8 ? "int8 + rerank" : "float32")} | {F(v.LoadSeconds, 1)} | " +
                $"{F(v.SearchP50Ms, 2)} / {F(v.SearchP95Ms, 2)} | {F(v.BoundMs, 2)} | {F(v.TimesBound, 2)} | {F(v.Recall, 2)} | {F(v.PeakMiB, 0)} | {F(v.IndexMiB, 0)} |"));
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
        var exact = vectors.FirstOrDefault(v => v.Vectors == 100_000 && !v.Int8 && v.Lists == 0);
        yield return Row("Vector top-10 over 100k × 384 within 2× of the bandwidth bound", exact is null ? null : $"{F(exact.TimesBound, 2)}×", exact?.TimesBound <= 2);
        var int8 = vectors.FirstOrDefault(v => v.Vectors == 1_000_000 && v.Int8 && v.Lists == 0);
        yield return Row("Vector top-10 over 1M × 384 int8 within 2× of the int8 bandwidth bound", int8 is null ? null : $"{F(int8.TimesBound, 2)}×", int8?.TimesBound <= 2);
        yield return Row("1M × 384 vectors resident in ≤ 3 GB (index alone)", int8 is null ? null : $"{F(int8.IndexMiB, 0)} MiB", int8?.IndexMiB <= 3072);

        foreach (var corpus in corpora.Select(c => c.Corpus).Distinct(StringComparer.Ordinal))
        {
            var rows = corpora.Where(c => c.Corpus == corpus).ToList();
            var lexical = rows[0].Embedder.Contains("lexical", StringComparison.OrdinalIgnoreCase);
            var limit10k = lexical ? 25 : 300;
            var at10k = rows.FirstOrDefault(c => c.Documents == 10_000);
            yield return Row($"{corpus}: p95 per question ≤ {limit10k} ms at 10k docs ({rows[0].Embedder})", at10k is null ? null : $"{F(at10k.TotalP95, 1)} ms", at10k?.TotalP95 <= limit10k);
            if (!lexical)
            {
                var at100k = rows.FirstOrDefault(c => c.Documents == 100_000);
                yield return Row($"{corpus}: p95 per question ≤ 400 ms at 100k docs", at100k is null ? null : $"{F(at100k.TotalP95, 1)} ms", at100k?.TotalP95 <= 400);
            }

            var at1k = rows.FirstOrDefault(c => c.Documents == 1_000);
            var growth = at1k is null || at10k is null ? (double?)null : at10k.TotalP50 / at1k.TotalP50;
            yield return Row($"{corpus}: cost per question grows ≤ 1.5× from 1k to 10k docs (p50)", growth is null ? null : $"{F(growth.Value, 2)}×", growth <= 1.5);
            var ingest = at10k is { Ingested: true } ? at10k : null;
            if (lexical)
            {
                yield return Row($"{corpus}: ingest ≥ 3 MB/s at 10k docs", ingest is null ? null : $"{F(ingest.MegabytesPerSecond, 2)} MB/s", ingest?.MegabytesPerSecond >= 3);
            }

            var largest = rows.MaxBy(c => c.Documents)!;
            if (corpus == "topical")
            {
                var share = largest.QuestionWordShare.Median * 100;
                yield return Row($"{corpus}: the questions' subject words in 20–60 % of documents (median)", $"{F(share, 0)} %", share is >= 20 and <= 60);
            }


            yield return Row($"{corpus}: database ≤ 5× the text ({largest.Documents} docs)", $"{F(largest.DatabasePerText, 2)}×", largest.DatabasePerText <= 5);
        }
    }

    private static string Ingest(CorpusResult c, double value, int decimals) => c.Ingested ? F(value, decimals) : "reused";

    private static string Row(string target, string? measured, bool? met) =>
        $"| {target} | {measured ?? "not run"} | {(measured is null ? "-" : met == true ? "met" : "not met")} |";

    private static string F(double value, int decimals) => value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
