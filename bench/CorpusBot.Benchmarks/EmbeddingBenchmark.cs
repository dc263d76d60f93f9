using System.Diagnostics;
using System.Globalization;
using CorpusBot.Core.Chunking;
using CorpusBot.Core.Embeddings;
using CorpusBot.Core.Embeddings.Builtin;
using CorpusBot.Core.Evaluation;
using CorpusBot.Core.Hosting;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace CorpusBot.Benchmarks;

/// <summary>
/// `embeddings [--passages 256] [--repeat 3]`: the built-in model's speed. Passages are the topical corpus's documents
/// cut by the real <see cref="TextChunker"/> (~600 characters). Each measure runs --repeat times after one warm-up;
/// best and median are printed, since other processes share the cores. Measures: model load (a fresh, unshared load
/// from the carrier DLL); all passages in one GenerateAsync call; the same passages one call per document, as
/// ingestion embeds them; and the five seeds ingested into a fresh database as the first `ask` does (model loaded).
/// </summary>
internal static class EmbeddingBenchmark
{
    public const string Command = "embeddings";
    private const string Usage = "Usage: CorpusBot.Benchmarks embeddings [--passages 256] [--repeat 3]";

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, CancellationToken cancellationToken)
    {
        int passages = 256, repeat = 3;
        for (var i = 0; i < args.Count; i++)
        {
            var value = i + 1 < args.Count && int.TryParse(args[i + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : -1;
            switch (args[i])
            {
                case "--passages" when value > 0: passages = value; i++; break;
                case "--repeat" when value > 0: repeat = value; i++; break;
                default:
                    await Console.Error.WriteLineAsync($"Unknown or invalid argument \"{args[i]}\". {Usage}");
                    return 2;
            }
        }

        var databasePath = EvalCorpus.NewTemporaryDatabasePath("bench-embed");
        try
        {
            using var host = EvalCorpus.CreateCoreHost(databasePath, new Dictionary<string, string?> { ["Embeddings:Provider"] = EmbeddingsOptions.BuiltinProvider });
            var chunker = host.Services.GetRequiredService<TextChunker>();
            var embedder = host.Services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();
            var documents = Documents(chunker, passages);
            var all = documents.SelectMany(d => d).ToList();
            var chars = all.Average(p => p.Length);
            await embedder.GenerateAsync(all.Take(64), EmbeddingPurpose.ForPassages(), cancellationToken); // warm-up: JIT, ORT arenas

            await Console.Error.WriteLineAsync("model load...");
            var load = Measure(repeat, () =>
            {
                using var model = BuiltinModel.Load(BuiltinModel.CarrierPath);
            });
            await Console.Error.WriteLineAsync("one call...");
            var oneCall = await MeasureAsync(repeat, () => embedder.GenerateAsync(all, EmbeddingPurpose.ForPassages(), cancellationToken));
            await Console.Error.WriteLineAsync("one call per document...");
            var perDocument = await MeasureAsync(repeat, async () =>
            {
                foreach (var document in documents)
                {
                    await embedder.GenerateAsync(document, EmbeddingPurpose.ForPassages(), cancellationToken);
                }
            });
            await Console.Error.WriteLineAsync("seeds...");
            var seeds = await MeasureAsync(repeat, () => IngestSeedsAsync(cancellationToken));

            var lines = new List<string>
            {
                $"Command: `dotnet run -c Release --project bench/CorpusBot.Benchmarks -- {Command} {string.Join(' ', args)}`",
                string.Empty,
                $"Machine: {MachineInfo.Current().Cpu}, {Environment.ProcessorCount} cores; load average {LoadAverage()} at the end; model {BuiltinModel.ModelId}",
                string.Empty,
                $"{all.Count} passages from {documents.Count} topical documents, {chars:F0} characters on average; {repeat} runs each after a warm-up.",
                string.Empty,
                "Wall-clock time is what a user waits; on a shared machine it depends on the load. CPU time (all threads of",
                "the process) depends far less on it: passages per CPU-second × 2 cores is what an idle 2-core machine would give,",
                "if both cores stay busy.",
                string.Empty,
                "| Measure | Wall best | Wall median | CPU-seconds best | CPU-seconds median |",
                "|---|---:|---:|---:|---:|",
                Row("Model load from the carrier DLL (s)", load, perSecond: null),
                Row("Passages/s, one call", oneCall, perSecond: all.Count),
                Row("Passages/s, one call per document (as ingest)", perDocument, perSecond: all.Count),
                Row("Seeds ingested into a fresh database (s)", seeds, perSecond: null),
            };
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

    private static async Task IngestSeedsAsync(CancellationToken cancellationToken)
    {
        var path = EvalCorpus.NewTemporaryDatabasePath("bench-seeds");
        try
        {
            using var host = EvalCorpus.CreateCoreHost(path, new Dictionary<string, string?>
            {
                ["Embeddings:Provider"] = EmbeddingsOptions.BuiltinProvider,
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

    private static Runs Measure(int repeat, Action action) =>
        MeasureAsync(repeat, () =>
        {
            action();
            return Task.CompletedTask;
        }).GetAwaiter().GetResult();

    /// <summary>Wall-clock and process CPU seconds of each run (CPU time includes ONNX Runtime's worker threads).</summary>
    private static async Task<Runs> MeasureAsync(int repeat, Func<Task> action)
    {
        var runs = new Runs([], []);
        using var process = Process.GetCurrentProcess();
        for (var r = 0; r < repeat; r++)
        {
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            var start = Stopwatch.GetTimestamp();
            await action();
            runs.Wall.Add(Stopwatch.GetElapsedTime(start).TotalSeconds);
            process.Refresh();
            runs.Cpu.Add((process.TotalProcessorTime - cpu).TotalSeconds);
        }

        return runs;
    }

    private sealed record Runs(List<double> Wall, List<double> Cpu);

    /// <summary>Best and median of wall and CPU time: in seconds, or as a rate (<paramref name="perSecond"/> items per second).</summary>
    private static string Row(string name, Runs runs, int? perSecond)
    {
        string Cell(double seconds) => perSecond is { } items
            ? (items / seconds).ToString("F0", CultureInfo.InvariantCulture)
            : seconds.ToString("F2", CultureInfo.InvariantCulture);
        return $"| {name} | {Cell(runs.Wall.Min())} | {Cell(Median(runs.Wall))} | {Cell(runs.Cpu.Min())} | {Cell(Median(runs.Cpu))} |";
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";
}
