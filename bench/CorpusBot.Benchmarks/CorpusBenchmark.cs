using System.Diagnostics;
using System.Text;
using CorpusBot.Core.Answering;
using CorpusBot.Core.Chunking;
using CorpusBot.Core.Documents;
using CorpusBot.Core.Evaluation;
using CorpusBot.Core.Ingestion;
using CorpusBot.Core.Retrieval;
using CorpusBot.Core.Storage;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CorpusBot.Benchmarks;

/// <summary>
/// Ingests a synthetic corpus into a fresh SQLite file through the real <see cref="DocumentIngestor"/> (built-in
/// embedder, documents committed in batches as `corpusbot ingest` does), then times retrieval alone and whole
/// <see cref="AnswerService.AskAsync"/> calls, one at a time. The database is deleted afterwards.
/// </summary>
internal static class CorpusBenchmark
{
    private static readonly string[] OffCorpus =
    [
        "What is the capital of France?",
        "Write a poem about spring.",
        "Who won the chess cup in Paris last year?",
    ];

    public static async Task<CorpusResult> RunAsync(int documents, BenchmarkSettings settings, TextWriter progress, CancellationToken cancellationToken)
    {
        var news = new SyntheticNews();
        var databasePath = EvalCorpus.NewTemporaryDatabasePath($"bench-{documents}");
        try
        {
            PeakMemory.Reset();
            using var host = EvalCorpus.CreateCoreHost(databasePath, new Dictionary<string, string?>
            {
                ["Embeddings:Dimensions"] = settings.Dimensions.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["VectorIndex:Quantized"] = settings.Int8 ? "true" : "false",
            });
            var services = host.Services;
            await EvalCorpus.PrepareAsync(services, cancellationToken);
            var ingestor = services.GetRequiredService<DocumentIngestor>();

            long bytes = 0;
            var chunks = 0;
            var watch = Stopwatch.StartNew();
            var batch = new List<PreparedDocument>(CorpusLoader.BatchSize);
            for (var i = 0; i < documents; i++)
            {
                var d = news.Document(i);
                bytes += Encoding.UTF8.GetByteCount(d.Text);
                // As `corpusbot ingest` does: prepare each document, commit them in batches.
                var (_, prepared) = await ingestor.PrepareAsync(new SourceDocument(d.Id, d.Title, d.Text), "bench", cancellationToken);
                batch.Add(prepared!);
                if (batch.Count == CorpusLoader.BatchSize || i == documents - 1)
                {
                    chunks += (await ingestor.CommitAsync(batch, "bench", cancellationToken)).Sum(o => o.Chunks);
                    batch.Clear();
                }

                if ((i + 1) % Math.Max(1, documents / 10) == 0)
                {
                    await progress.WriteLineAsync($"  ingested {i + 1}/{documents} in {watch.Elapsed.TotalSeconds:F1} s");
                }
            }

            var ingestSeconds = watch.Elapsed.TotalSeconds;
            var ingestPeak = PeakMemory.PeakMiB();
            var databaseMiB = await DatabaseMiBAsync(services.GetRequiredService<SqliteConnectionFactory>(), cancellationToken);
            var embedRate = await ChunkAndEmbedMegabytesPerSecondAsync(services, news, Math.Min(documents, 1_000), cancellationToken);

            PeakMemory.Reset();
            var questions = Enumerable.Range(0, settings.Questions)
                .Select(j => j % 5 == 4 ? (OffCorpus[j % OffCorpus.Length], null) : Question(news, documents, j))
                .ToList();
            var retriever = services.GetRequiredService<IRetriever>();
            var answers = services.GetRequiredService<AnswerService>();
            var topK = services.GetRequiredService<IOptions<AnsweringOptions>>().Value.TopK;
            foreach (var (question, _) in questions.Take(5))
            {
                await answers.AskAsync(question, cancellationToken); // warm-up: JIT, page cache
            }

            var retrieval = new List<double>();
            foreach (var (question, _) in questions)
            {
                var start = Stopwatch.GetTimestamp();
                await retriever.RetrieveAsync(question, topK, cancellationToken);
                retrieval.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }

            var endToEnd = new List<double>();
            int answered = 0, right = 0;
            foreach (var (question, expected) in questions)
            {
                var start = Stopwatch.GetTimestamp();
                var answer = await answers.AskAsync(question, cancellationToken);
                endToEnd.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                answered += answer.Refused ? 0 : 1;
                right += expected is not null && !answer.Refused && answer.Citations.Any(c => c.Quote.Contains(expected, StringComparison.Ordinal)) ? 1 : 0;
            }

            return new CorpusResult(
                documents, chunks, bytes / 1024.0 / 1024, ingestSeconds, ingestPeak, databaseMiB, questions.Count,
                Percentiles.Of(retrieval, 50), Percentiles.Of(retrieval, 95), Percentiles.Of(endToEnd, 50), Percentiles.Of(endToEnd, 95),
                answered, right, PeakMemory.PeakMiB(), embedRate);
        }
        finally
        {
            EvalCorpus.DeleteDatabase(databasePath);
        }
    }

    /// <summary>The CPU side of ingestion alone (chunking and the built-in embedder), without SQLite.</summary>
    private static async Task<double> ChunkAndEmbedMegabytesPerSecondAsync(
        IServiceProvider services, SyntheticNews news, int documents, CancellationToken cancellationToken)
    {
        var chunker = services.GetRequiredService<TextChunker>();
        var embedder = services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();
        var texts = Enumerable.Range(0, documents).Select(i => news.Document(i).Text).ToList();
        var watch = Stopwatch.StartNew();
        foreach (var text in texts)
        {
            await embedder.GenerateAsync(chunker.Chunk(text).Select(c => c.Text), cancellationToken: cancellationToken);
        }

        return texts.Sum(t => Encoding.UTF8.GetByteCount(t)) / 1024.0 / 1024 / watch.Elapsed.TotalSeconds;
    }

    private static (string Question, string? Answer) Question(SyntheticNews news, int documents, int j)
    {
        var d = news.Document((int)((j * 7919L) % documents));
        return (d.Question, d.Answer);
    }

    /// <summary>The file after a WAL checkpoint, plus whatever WAL remains.</summary>
    private static async Task<double> DatabaseMiBAsync(SqliteConnectionFactory connections, CancellationToken cancellationToken)
    {
        await using (var connection = await connections.OpenAsync(cancellationToken))
        {
            await using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            await checkpoint.ExecuteNonQueryAsync(cancellationToken);
        }

        var path = connections.DatabasePath;
        long size = 0;
        foreach (var file in new[] { path, path + "-wal" })
        {
            size += File.Exists(file) ? new FileInfo(file).Length : 0;
        }

        return size / 1024.0 / 1024;
    }
}
