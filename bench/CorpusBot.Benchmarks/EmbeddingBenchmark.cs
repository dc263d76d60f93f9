using System.Diagnostics;
using System.Globalization;
using System.Numerics.Tensors;
using CorpusBot.Core.Chunking;
using CorpusBot.Core.Embeddings;
using CorpusBot.Core.Embeddings.Builtin;
using CorpusBot.Core.Embeddings.Onnx;
using CorpusBot.Core.Evaluation;
using CorpusBot.Core.Hosting;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace CorpusBot.Benchmarks;

/// <summary>
/// `embeddings [--passages 256] [--repeat 3] [--precision Float32,Int8]`: the built-in model's speed, for each precision.
/// Passages are the topical corpus's documents cut by the real <see cref="TextChunker"/> (~600 characters). Each measure
/// runs --repeat times after one warm-up; best and median are printed, since other processes share the cores. Measures:
/// model load (a fresh, unshared load from the carrier DLL, int8 rewrite included); all passages in one GenerateAsync
/// call; the same passages one call per document, as ingestion embeds them; and the five seeds ingested into a fresh
/// database as the first `ask` does (model loaded). The precisions are measured in turns (one round of every measure
/// for each, --repeat times), so a change in the machine's load falls on both alike. With two precisions it also
/// compares their vectors of the same texts (the seeds' passages and the topical ones): mean and lowest cosine.
/// </summary>
internal static class EmbeddingBenchmark
{
    public const string Command = "embeddings";
    private const string Usage = "Usage: CorpusBot.Benchmarks embeddings [--passages 256] [--repeat 3] [--precision Float32,Int8]";

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, CancellationToken cancellationToken)
    {
        int passages = 256, repeat = 3;
        EmbeddingPrecision[] precisions = [EmbeddingPrecision.Float32, EmbeddingPrecision.Int8];
        for (var i = 0; i < args.Count; i++)
        {
            var value = i + 1 < args.Count && int.TryParse(args[i + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : -1;
            switch (args[i])
            {
                case "--passages" when value > 0: passages = value; i++; break;
                case "--repeat" when value > 0: repeat = value; i++; break;
                case "--precision" when i + 1 < args.Count && ParsePrecisions(args[i + 1]) is { } parsed: precisions = parsed; i++; break;
                default:
                    await Console.Error.WriteLineAsync($"Unknown or invalid argument \"{args[i]}\". {Usage}");
                    return 2;
            }
        }

        var databasePath = EvalCorpus.NewTemporaryDatabasePath("bench-embed");
        try
        {
            using var host = EvalCorpus.CreateCoreHost(databasePath, new Dictionary<string, string?> { ["Embeddings:Provider"] = EmbeddingsOptions.LexicalProvider });
            var documents = Documents(host.Services.GetRequiredService<TextChunker>(), passages);
            var all = documents.SelectMany(d => d).ToList();
            var chars = all.Average(p => p.Length);
            var embedders = precisions.ToDictionary(p => p, p => BuiltinModel.CreateGenerator(precision: p));
            var results = precisions.ToDictionary(p => p, _ => new Measures());
            foreach (var embedder in embedders.Values)
            {
                await embedder.GenerateAsync(all.Take(64), EmbeddingPurpose.ForPassages(), cancellationToken); // warm-up: JIT, ORT arenas
            }

            for (var round = 0; round < repeat; round++)
            {
                foreach (var precision in precisions)
                {
                    await Console.Error.WriteLineAsync($"round {round + 1}/{repeat}, {precision}...");
                    var embedder = embedders[precision];
                    var measures = results[precision];
                    await MeasureAsync(measures.Load, () =>
                    {
                        using var model = BuiltinModel.Load(BuiltinModel.CarrierPath, BuiltinModel.Settings with { Precision = precision });
                        return Task.CompletedTask;
                    });
                    await MeasureAsync(measures.OneCall, () => embedder.GenerateAsync(all, EmbeddingPurpose.ForPassages(), cancellationToken));
                    await MeasureAsync(measures.PerDocument, async () =>
                    {
                        foreach (var document in documents)
                        {
                            await embedder.GenerateAsync(document, EmbeddingPurpose.ForPassages(), cancellationToken);
                        }
                    });
                    await MeasureAsync(measures.Seeds, () => IngestSeedsAsync(precision, cancellationToken));
                }
            }

            var lines = new List<string>
            {
                $"Command: `dotnet run -c Release --project bench/CorpusBot.Benchmarks -- {Command} {string.Join(' ', args)}`",
                string.Empty,
                $"Machine: {MachineInfo.Current().Cpu}, {Environment.ProcessorCount} cores; load average {LoadAverage()} at the end",
                string.Empty,
                $"{all.Count} passages from {documents.Count} topical documents, {chars:F0} characters on average; {repeat} runs each after a warm-up.",
                string.Empty,
                "Wall-clock time is what a user waits; on a shared machine it depends on the load. CPU time (all threads of",
                "the process) depends far less on it: passages per CPU-second × 2 cores is what an idle 2-core machine would give,",
                "if both cores stay busy.",
                string.Empty,
                "| Precision | Measure | Wall best | Wall median | CPU-seconds best | CPU-seconds median |",
                "|---|---|---:|---:|---:|---:|",
            };
            foreach (var precision in precisions)
            {
                var measures = results[precision];
                lines.Add(Row(precision, "Model load from the carrier DLL (s)", measures.Load, perSecond: null));
                lines.Add(Row(precision, "Passages/s, one call", measures.OneCall, perSecond: all.Count));
                lines.Add(Row(precision, "Passages/s, one call per document (as ingest)", measures.PerDocument, perSecond: all.Count));
                lines.Add(Row(precision, "Seeds ingested into a fresh database (s)", measures.Seeds, perSecond: null));
            }

            if (precisions.Length == 2)
            {
                var seedPassages = SeedPassages(host.Services.GetRequiredService<TextChunker>());
                lines.Add(string.Empty);
                lines.Add($"Agreement, {precisions[0]} against {precisions[1]} (cosine between the two vectors of the same text):");
                lines.Add(string.Empty);
                lines.Add(await AgreementAsync($"the seeds' {seedPassages.Count} passages", seedPassages, embedders[precisions[0]], embedders[precisions[1]], cancellationToken));
                lines.Add(await AgreementAsync($"the {all.Count} topical passages", all, embedders[precisions[0]], embedders[precisions[1]], cancellationToken));
            }

            foreach (var line in lines)
            {
                await output.WriteLineAsync(line);
            }

            return 0;
        }
        finally
        {
            EvalCorpus.DeleteDatabase(databasePath);
        }
    }

    private static EmbeddingPrecision[]? ParsePrecisions(string value)
    {
        var names = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var parsed = names.Select(n => Enum.TryParse<EmbeddingPrecision>(n, ignoreCase: true, out var p) && Enum.IsDefined(p) ? p : (EmbeddingPrecision?)null).ToList();
        return names.Length > 0 && parsed.All(p => p is not null) ? [.. parsed.Select(p => p!.Value).Distinct()] : null;
    }

    private static async Task<string> AgreementAsync(
        string what, List<string> texts, OnnxEmbeddingGenerator first, OnnxEmbeddingGenerator second, CancellationToken cancellationToken)
    {
        var a = await first.GenerateAsync(texts, EmbeddingPurpose.ForPassages(), cancellationToken);
        var b = await second.GenerateAsync(texts, EmbeddingPurpose.ForPassages(), cancellationToken);
        var cosines = a.Zip(b, (x, y) => TensorPrimitives.CosineSimilarity(x.Vector.Span, y.Vector.Span)).ToList();
        return $"- {what}: mean {cosines.Average():F4}, lowest {cosines.Min():F4}";
    }

    /// <summary>The five seed articles cut as ingestion cuts them.</summary>
    private static List<string> SeedPassages(TextChunker chunker) =>
        [.. Directory.GetFiles(Core.Storage.ContentRoot.Discover().Resolve("seeds"), "*.txt").Order(StringComparer.Ordinal)
            .SelectMany(path => chunker.Chunk(File.ReadAllText(path)).Select(c => c.Text))];

    /// <summary>Topical documents, chunked, until there are <paramref name="passages"/> passages.</summary>
    private static List<List<string>> Documents(TextChunker chunker, int passages)
    {
        var news = TopicalNews.FromRepositorySeeds();
        var documents = new List<List<string>>();
        for (var i = 0; documents.Sum(d => d.Count) < passages; i++)
        {
            documents.Add([.. chunker.Chunk(news.Document(i).Text).Select(c => c.Text)]);
        }

        return documents;
    }

    private static async Task IngestSeedsAsync(EmbeddingPrecision precision, CancellationToken cancellationToken)
    {
        var path = EvalCorpus.NewTemporaryDatabasePath("bench-seeds");
        try
        {
            using var host = EvalCorpus.CreateCoreHost(path, new Dictionary<string, string?>
            {
                ["Embeddings:Provider"] = EmbeddingsOptions.BuiltinProvider,
                ["Embeddings:Precision"] = precision.ToString(),
                ["Corpus:SeedsPath"] = Core.Storage.ContentRoot.Discover().Resolve("seeds"),
            });
            var report = await host.Services.GetRequiredService<CorpusInitializer>().InitializeAsync(seedIfEmpty: true, cancellationToken);
            if (report is null || report.Count(Core.Ingestion.IngestStatus.Added) == 0)
            {
                throw new InvalidOperationException("The seeds were not ingested.");
            }
        }
        finally
        {
            EvalCorpus.DeleteDatabase(path);
        }
    }

    /// <summary>Adds the wall-clock and process CPU seconds of one run (CPU time includes ONNX Runtime's and the pool's threads).</summary>
    private static async Task MeasureAsync(Runs runs, Func<Task> action)
    {
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var start = Stopwatch.GetTimestamp();
        await action();
        runs.Wall.Add(Stopwatch.GetElapsedTime(start).TotalSeconds);
        process.Refresh();
        runs.Cpu.Add((process.TotalProcessorTime - cpu).TotalSeconds);
    }

    private sealed record Runs(List<double> Wall, List<double> Cpu)
    {
        public Runs()
            : this([], [])
        {
        }
    }

    private sealed record Measures
    {
        public Runs Load { get; } = new();

        public Runs OneCall { get; } = new();

        public Runs PerDocument { get; } = new();

        public Runs Seeds { get; } = new();
    }

    /// <summary>Best and median of wall and CPU time: in seconds, or as a rate (<paramref name="perSecond"/> items per second).</summary>
    private static string Row(EmbeddingPrecision precision, string name, Runs runs, int? perSecond)
    {
        string Cell(double seconds) => perSecond is { } items
            ? (items / seconds).ToString("F0", CultureInfo.InvariantCulture)
            : seconds.ToString("F2", CultureInfo.InvariantCulture);
        return $"| {precision} | {name} | {Cell(runs.Wall.Min())} | {Cell(Median(runs.Wall))} | {Cell(runs.Cpu.Min())} | {Cell(Median(runs.Cpu))} |";
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";
}
