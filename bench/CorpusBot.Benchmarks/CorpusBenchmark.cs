using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CorpusBot.Core.Answering;
using CorpusBot.Core.Chunking;
using CorpusBot.Core.Documents;
using CorpusBot.Core.Evaluation;
using CorpusBot.Core.Ingestion;
using CorpusBot.Core.Ingestion.Readers;
using CorpusBot.Core.Storage;
using CorpusBot.Core.Text;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace CorpusBot.Benchmarks;

/// <summary>
/// Ingests a generated corpus into a fresh SQLite file through the real <see cref="CorpusLoader"/> (configured embedder,
/// batched and overlapped commits as `corpusbot ingest` does), then times whole <see cref="AnswerService.AskAsync"/> calls one
/// at a time, split by phase. The database is deleted afterwards, unless --keep names a folder to keep it in.
/// </summary>
internal static partial class CorpusBenchmark
{
    public static async Task<CorpusResult> RunAsync(
        ICorpusGenerator corpus, int documents, BenchmarkSettings settings, TextWriter progress, CancellationToken cancellationToken)
    {
        var keep = settings.KeepDirectory;
        var databasePath = keep is null
            ? EvalCorpus.NewTemporaryDatabasePath($"bench-{corpus.Name}-{documents}")
            : Path.Combine(keep, $"{corpus.Name}-{documents}.db");
        var reuse = keep is not null && File.Exists(databasePath);
        try
        {
            PeakMemory.Reset();
            var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
            {
                ["Embeddings:Dimensions"] = settings.Dimensions.ToString(CultureInfo.InvariantCulture),
            };
            if (settings.Int8)
            {
                values["VectorIndex:Quantized"] = "true";
            }

            foreach (var (key, value) in settings.Settings)
            {
                values[key] = value;
            }

            if (keep is not null)
            {
                Directory.CreateDirectory(keep);
            }

            using var host = EvalCorpus.CreateCoreHost(databasePath, values);
            var services = host.Services;
            await EvalCorpus.PrepareAsync(services, cancellationToken);

            long bytes = 0;
            var chunks = 0;
            var watch = Stopwatch.StartNew();
            var cpuAtStart = Environment.CpuUsage.TotalTime;
            if (reuse)
            {
                await progress.WriteLineAsync($"  reusing {databasePath}");
                for (var i = 0; i < documents; i++)
                {
                    bytes += Encoding.UTF8.GetByteCount(corpus.Document(i).Text);
                }

                chunks = await CountChunksAsync(services.GetRequiredService<SqliteConnectionFactory>(), cancellationToken);
            }
            else
            {
                chunks = await IngestAsync(corpus, documents, services.GetRequiredService<CorpusLoader>(), progress, b => bytes += b, cancellationToken);
            }

            var ingestSeconds = reuse ? 0 : watch.Elapsed.TotalSeconds;
            var ingestCpuSeconds = reuse ? 0 : (Environment.CpuUsage.TotalTime - cpuAtStart).TotalSeconds;
            var ingestPeak = reuse ? 0 : PeakMemory.PeakMiB();
            var connections = services.GetRequiredService<SqliteConnectionFactory>();
            var databaseMiB = await DatabaseMiBAsync(connections, cancellationToken);
            var embedRate = reuse ? 0 : await ChunkAndEmbedMegabytesPerSecondAsync(services, corpus, Math.Min(documents, 1_000), cancellationToken);

            PeakMemory.Reset();
            var questions = Enumerable.Range(0, settings.Questions)
                .Select(j => j % 5 == 4 ? (corpus.OffTopicQuestions[j / 5 % corpus.OffTopicQuestions.Count], null) : Question(corpus, documents, j))
                .ToList();
            var wordShare = QuestionWordShare(corpus, documents, questions.Where(q => q.Item2 is not null).Select(q => q.Item1));
            var answers = services.GetRequiredService<AnswerService>();
            var warmUpRounds = await WarmUpAsync(answers, questions.Take(5).Select(q => q.Item1).ToList(), cancellationToken);
            await progress.WriteLineAsync($"  warm-up: {warmUpRounds} rounds until the JIT went quiet");

            using var timer = new PhaseTimer();
            int answered = 0, right = 0;
            foreach (var (question, expected) in questions)
            {
                timer.Begin();
                var start = Stopwatch.GetTimestamp();
                var answer = await answers.AskAsync(question, cancellationToken);
                timer.End(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                answered += answer.Refused ? 0 : 1;
                right += expected is not null && !answer.Refused && answer.Citations.Any(c => c.Quote.Contains(expected, StringComparison.Ordinal)) ? 1 : 0;
            }

            var queryPeak = PeakMemory.PeakMiB();
            var vectorIndex = await VectorIndexCheck.MeasureAsync(services, questions.Select(q => q.Item1), cancellationToken);
            return new CorpusResult(
                corpus.Name, Core.Embeddings.EmbeddingModel.IdOf(services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>()), documents, chunks, bytes / 1024.0 / 1024, !reuse, ingestSeconds, ingestCpuSeconds, ingestPeak, databaseMiB, questions.Count,
                timer.Summary(), answered, right, queryPeak, embedRate, wordShare, vectorIndex);
        }
        finally
        {
            if (keep is null)
            {
                EvalCorpus.DeleteDatabase(databasePath);
            }
            else
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            }
        }
    }

    /// <summary>
    /// Asks the warm-up questions in rounds, pausing between them, until a round compiles almost nothing new: the
    /// process is then "warm" as a bot is after its first questions. One round is not enough. The runtime compiles a
    /// method quickly first (tier 0, unoptimised) and optimises it only after it has been called 30 times and no new
    /// method was compiled for 100 ms; questions asked back to back keep compiling new methods, so without the pauses
    /// the hot code (TensorPrimitives.Dot, the reader) ran unoptimised for most of the 200 timed questions
    /// (docs/BENCHMARKS.md, 2026-11-30 third session). Returns the rounds taken.
    /// </summary>
    private static async Task<int> WarmUpAsync(AnswerService answers, IReadOnlyList<string> questions, CancellationToken cancellationToken)
    {
        const int MaxRounds = 20;
        const int QuietRound = 10; // methods compiled in a round that count as quiet (rare paths still appear later)
        var compiled = System.Runtime.JitInfo.GetCompiledMethodCount();
        for (var round = 1; round <= MaxRounds; round++)
        {
            foreach (var question in questions)
            {
                await answers.AskAsync(question, cancellationToken);
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken); // lets the runtime's tier-up start and finish
            var now = System.Runtime.JitInfo.GetCompiledMethodCount();
            if (now - compiled < QuietRound)
            {
                return round;
            }

            compiled = now;
        }

        return MaxRounds;
    }

    /// <summary>Through <see cref="CorpusLoader"/>, as `corpusbot ingest` does; returns the passages stored.</summary>
    private static async Task<int> IngestAsync(
        ICorpusGenerator corpus, int documents, CorpusLoader loader, TextWriter progress, Action<long> countBytes, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var done = 0;
        var report = new SynchronousProgress<IngestOutcome>(_ =>
        {
            if (++done % Math.Max(1, documents / 10) == 0)
            {
                progress.WriteLine($"  ingested {done}/{documents} in {watch.Elapsed.TotalSeconds:F1} s");
            }
        });
        var outcome = await loader.IngestItemsAsync(Generate(corpus, documents, countBytes), "bench", report, cancellationToken);
        var failed = outcome.Outcomes.FirstOrDefault(o => o.Status is not IngestStatus.Added);
        return failed is null
            ? outcome.Outcomes.Sum(o => o.Chunks)
            : throw new InvalidOperationException($"Benchmark document {failed.DocumentId} was not added: {failed.Status} {failed.Reason}");
    }

    private static async IAsyncEnumerable<ReadItem> Generate(ICorpusGenerator corpus, int documents, Action<long> countBytes)
    {
        for (var i = 0; i < documents; i++)
        {
            var d = corpus.Document(i);
            countBytes(Encoding.UTF8.GetByteCount(d.Text));
            yield return ReadItem.Read($"bench:{i}", new SourceDocument(d.Id, d.Title, d.Text));
            if (i % 64 == 63)
            {
                await Task.Yield();
            }
        }
    }

    /// <summary>Reports on the calling thread (Progress&lt;T&gt; would post to the thread pool and reorder lines).</summary>
    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }

    /// <summary>The CPU side of ingestion alone (chunking and the embedder), without SQLite.</summary>
    private static async Task<double> ChunkAndEmbedMegabytesPerSecondAsync(
        IServiceProvider services, ICorpusGenerator corpus, int documents, CancellationToken cancellationToken)
    {
        var chunker = services.GetRequiredService<TextChunker>();
        var embedder = services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();
        var texts = Enumerable.Range(0, documents).Select(i => corpus.Document(i).Text).ToList();
        var watch = Stopwatch.StartNew();
        foreach (var text in texts)
        {
            await embedder.GenerateAsync(chunker.Chunk(text).Select(c => c.Text), cancellationToken: cancellationToken);
        }

        return texts.Sum(t => Encoding.UTF8.GetByteCount(t)) / 1024.0 / 1024 / watch.Elapsed.TotalSeconds;
    }

    private static (string Question, string? Answer) Question(ICorpusGenerator corpus, int documents, int j)
    {
        var d = corpus.Document((int)((j * 7919L) % documents));
        return (d.Question, d.Answer);
    }

    /// <summary>
    /// How "about one subject" the corpus is (the issue asks for question words in 20–60 % of documents): for each of the
    /// questions' subject words — content words written in lower case, so not the names and places that single out a
    /// document — the share of documents that hold it (sampled over the first 1,000 documents); the median, lowest and
    /// highest of those shares.
    /// </summary>
    private static WordShare QuestionWordShare(ICorpusGenerator corpus, int documents, IEnumerable<string> questions)
    {
        var sample = Enumerable.Range(0, Math.Min(documents, 1_000))
            .Select(i => Tokenizer.Words(corpus.Document(i).Text).ToHashSet(StringComparer.Ordinal))
            .ToList();
        var shares = questions.SelectMany(SubjectWords).Distinct(StringComparer.Ordinal)
            .Select(word => (double)sample.Count(words => words.Contains(word)) / Math.Max(1, sample.Count))
            .ToList();
        return shares.Count == 0 ? new WordShare(0, 0, 0) : new WordShare(Percentiles.Of(shares, 50), shares.Min(), shares.Max());
    }

    private static IEnumerable<string> SubjectWords(string question) =>
        LowerCaseWord().Matches(question).Select(m => m.Value).Where(w => Tokenizer.ContentWords(w).Count == 1);

    [GeneratedRegex(@"(?<![\p{L}\p{N}])\p{Ll}[\p{L}]*")]
    private static partial Regex LowerCaseWord();

    private static async Task<int> CountChunksAsync(SqliteConnectionFactory connections, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM chunks;";
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
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
