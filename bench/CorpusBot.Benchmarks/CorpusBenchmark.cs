using System.Diagnostics;
using System.Globalization;
using System.Text;
using CorpusBot.Core.Answering;
using CorpusBot.Core.Chunking;
using CorpusBot.Core.Documents;
using CorpusBot.Core.Evaluation;
using CorpusBot.Core.Ingestion;
using CorpusBot.Core.Storage;
using CorpusBot.Core.Text;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace CorpusBot.Benchmarks;

/// <summary>
/// Ingests a generated corpus into a fresh SQLite file through the real <see cref="CorpusLoader"/>-style batches of
/// <see cref="DocumentIngestor"/> (configured embedder), then times whole <see cref="AnswerService.AskAsync"/> calls one
/// at a time, split by phase. The database is deleted afterwards, unless --keep names a folder to keep it in.
/// </summary>
internal static class CorpusBenchmark
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
            var ingestor = services.GetRequiredService<DocumentIngestor>();

            long bytes = 0;
            var chunks = 0;
            var watch = Stopwatch.StartNew();
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
                chunks = await IngestAsync(corpus, documents, ingestor, progress, b => bytes += b, cancellationToken);
            }

            var ingestSeconds = reuse ? 0 : watch.Elapsed.TotalSeconds;
            var ingestPeak = reuse ? 0 : PeakMemory.PeakMiB();
            var connections = services.GetRequiredService<SqliteConnectionFactory>();
            var databaseMiB = await DatabaseMiBAsync(connections, cancellationToken);
            var embedRate = reuse ? 0 : await ChunkAndEmbedMegabytesPerSecondAsync(services, corpus, Math.Min(documents, 1_000), cancellationToken);

            PeakMemory.Reset();
            var questions = Enumerable.Range(0, settings.Questions)
                .Select(j => j % 5 == 4 ? (corpus.OffTopicQuestions[j / 5 % corpus.OffTopicQuestions.Count], null) : Question(corpus, documents, j))
                .ToList();
            var wordShare = await QuestionWordShareAsync(connections, questions.Where(q => q.Item2 is not null).Select(q => q.Item1).Take(20), cancellationToken);
            var answers = services.GetRequiredService<AnswerService>();
            foreach (var (question, _) in questions.Take(5))
            {
                await answers.AskAsync(question, cancellationToken); // warm-up: JIT, page cache
            }

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

            return new CorpusResult(
                corpus.Name, Core.Embeddings.EmbeddingModel.IdOf(services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>()), documents, chunks, bytes / 1024.0 / 1024, !reuse, ingestSeconds, ingestPeak, databaseMiB, questions.Count,
                timer.Summary(), answered, right, PeakMemory.PeakMiB(), embedRate, wordShare);
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

    /// <summary>As `corpusbot ingest` does: prepare each document, commit them in batches; returns the passages stored.</summary>
    private static async Task<int> IngestAsync(
        ICorpusGenerator corpus, int documents, DocumentIngestor ingestor, TextWriter progress, Action<long> countBytes, CancellationToken cancellationToken)
    {
        var chunks = 0;
        var watch = Stopwatch.StartNew();
        var batch = new List<PreparedDocument>(CorpusLoader.BatchSize);
        for (var i = 0; i < documents; i++)
        {
            var d = corpus.Document(i);
            countBytes(Encoding.UTF8.GetByteCount(d.Text));
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

        return chunks;
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
    /// The median, over the questions' content words that occur in at least 1 % of passages (the subject's words, not
    /// the names), of the share of passages that hold the word: how "about one subject" the corpus is.
    /// </summary>
    private static async Task<double> QuestionWordShareAsync(SqliteConnectionFactory connections, IEnumerable<string> questions, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT (SELECT doc FROM chunks_vocab WHERE term = $term), (SELECT count(*) FROM chunks);";
        var term = command.Parameters.Add("$term", Microsoft.Data.Sqlite.SqliteType.Text);
        var shares = new List<double>();
        foreach (var word in questions.SelectMany(Tokenizer.ContentWords).Distinct(StringComparer.Ordinal))
        {
            term.Value = word;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken) && !reader.IsDBNull(0) && reader.GetInt64(1) > 0)
            {
                var share = (double)reader.GetInt64(0) / reader.GetInt64(1);
                if (share >= 0.01)
                {
                    shares.Add(share);
                }
            }
        }

        return Percentiles.Of(shares, 50);
    }

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
