namespace CorpusBot.Benchmarks;

/// <summary>
/// The harness's entry: parse the sizes, measure the machine's bandwidth, run the corpus and vector benchmarks one
/// after another in this process, and print Markdown tables (progress goes to standard error).
/// </summary>
internal static class BenchmarkProgram
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(args);
        if (args.FirstOrDefault() == EmbeddingBenchmark.Command)
        {
            return await EmbeddingBenchmark.RunAsync(args[1..], output, cancellationToken);
        }

        if (args.FirstOrDefault() == GlanceBenchmark.Command)
        {
            return await GlanceBenchmark.RunAsync(args[1..], output, cancellationToken);
        }

        BenchmarkSettings settings;
        try
        {
            settings = BenchmarkSettings.Parse(args);
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 2;
        }

        var progress = Console.Error;
        var machine = MachineInfo.Current();
        var corpora = new List<CorpusResult>();
        foreach (var name in settings.Corpora)
        {
            ICorpusGenerator corpus = name == "synthetic" ? new SyntheticNews() : TopicalNews.FromRepositorySeeds();
            foreach (var docs in settings.Docs)
            {
                await progress.WriteLineAsync($"{name} corpus of {docs} documents...");
                corpora.Add(await CorpusBenchmark.RunAsync(corpus, docs, settings, progress, cancellationToken));
            }
        }

        var bandwidth = 0.0;
        if (settings.Vectors.Count > 0)
        {
            await progress.WriteLineAsync($"Measuring bandwidth over {settings.BandwidthBytes >> 20} MiB...");
            bandwidth = BandwidthProbe.MeasureBytesPerSecond(settings.BandwidthBytes);
        }

        var vectors = new List<VectorResult>();
        foreach (var count in settings.Vectors)
        {
            await progress.WriteLineAsync($"{count} x {settings.Dimensions} vectors...");
            vectors.Add(VectorBenchmark.Run(count, settings.Dimensions, int8: false, bandwidth));
            if (settings.Int8)
            {
                vectors.Add(VectorBenchmark.Run(count, settings.Dimensions, int8: true, bandwidth));
            }

            if (settings.Clustered)
            {
                vectors.Add(VectorBenchmark.Run(count, settings.Dimensions, int8: false, bandwidth, clustered: true));
            }
        }

        await MarkdownReport.WriteAsync(output, args, machine, bandwidth, corpora, vectors);
        return 0;
    }
}
