using System.Diagnostics;
using CorpusBot.Core.Documents;
using CorpusBot.Core.Ingestion;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CorpusBot.Core.Evaluation;

/// <summary>
/// Runs the RGB protocols: for each, a fresh temporary SQLite corpus (one document per snippet, stored through
/// <see cref="DocumentIngestor"/>), then every question through <see cref="EvaluationRunner"/>: over all the questions'
/// snippets at once, or over each question's own (<see cref="RgbCorpus"/>). The database is deleted afterwards.
/// </summary>
/// <param name="hostFactory">
/// Builds a host over the given database path; the CLI passes the app's full host (so a configured LLM answerer is
/// measured), tests pass <see cref="EvalCorpus.CreateCoreHost"/>.
/// </param>
public sealed class RgbBenchmark(Func<string, IHost> hostFactory)
{
    public async Task<RgbResult> RunAsync(
        IReadOnlyList<RgbCase> cases, RgbProtocol protocol, CancellationToken cancellationToken, IProgress<EvalCaseResult>? progress = null,
        RgbCorpus corpus = RgbCorpus.Pooled)
    {
        ArgumentNullException.ThrowIfNull(cases);
        var databasePath = EvalCorpus.NewTemporaryDatabasePath("rgb-" + protocol.ToString().ToLowerInvariant());
        try
        {
            using (var host = hostFactory(databasePath))
            {
                var services = host.Services;
                await EvalCorpus.PrepareAsync(services, cancellationToken);
                var ingestor = services.GetRequiredService<DocumentIngestor>();
                var runner = ActivatorUtilities.CreateInstance<EvaluationRunner>(services);
                var name = $"rgb {protocol.ToString().ToLowerInvariant()}";
                var ingest = new Stopwatch();
                int stored = 0, rejected = 0;
                if (corpus == RgbCorpus.Pooled)
                {
                    ingest.Start();
                    (stored, rejected) = await IngestAsync(ingestor, cases, protocol, cancellationToken);
                    ingest.Stop();
                    var report = await runner.RunAsync(name, cases.Select(c => CaseOf(c, protocol)).ToList(), cancellationToken, progress);
                    return new RgbResult(protocol, stored, rejected, ingest.Elapsed.TotalSeconds, report) { Corpus = corpus };
                }

                // One database, emptied between questions: each question sees only its own snippets, and the model is
                // loaded once rather than once per question.
                var remover = services.GetRequiredService<CorpusRemover>();
                var results = new List<EvalCaseResult>(cases.Count);
                foreach (var c in cases)
                {
                    ingest.Start();
                    var (questionStored, questionRejected) = await IngestAsync(ingestor, [c], protocol, cancellationToken);
                    ingest.Stop();
                    stored += questionStored;
                    rejected += questionRejected;
                    var result = await runner.RunOneAsync(CaseOf(c, protocol), cancellationToken);
                    results.Add(result);
                    progress?.Report(result);
                    foreach (var document in Documents([c], protocol))
                    {
                        await remover.RemoveAsync(document.Id, "eval", cancellationToken);
                    }
                }

                return new RgbResult(protocol, stored, rejected, ingest.Elapsed.TotalSeconds, EvalReport.Create(name, results)) { Corpus = corpus };
            }
        }
        finally
        {
            EvalCorpus.DeleteDatabase(databasePath);
        }
    }

    private static EvalCase CaseOf(RgbCase c, RgbProtocol protocol) =>
        protocol == RgbProtocol.Answering
            ? new EvalCase("rgb" + c.Id, EvalCategory.Answerable, c.Query, c.Answers)
            : new EvalCase("rgb" + c.Id, EvalCategory.Unanswerable, c.Query, []);

    /// <summary>The snippets a protocol stores, as documents with ids "q{id}-p{n}" and "q{id}-n{n}".</summary>
    public static IEnumerable<SourceDocument> Documents(IEnumerable<RgbCase> cases, RgbProtocol protocol)
    {
        ArgumentNullException.ThrowIfNull(cases);
        foreach (var c in cases)
        {
            if (protocol == RgbProtocol.Answering)
            {
                for (var i = 0; i < c.Positive.Count; i++)
                {
                    yield return new SourceDocument($"q{c.Id}-p{i}", $"q{c.Id}-p{i}", c.Positive[i]);
                }
            }

            for (var i = 0; i < c.Negative.Count; i++)
            {
                yield return new SourceDocument($"q{c.Id}-n{i}", $"q{c.Id}-n{i}", c.Negative[i]);
            }
        }
    }

    private static async Task<(int Stored, int Rejected)> IngestAsync(
        DocumentIngestor ingestor, IReadOnlyList<RgbCase> cases, RgbProtocol protocol, CancellationToken cancellationToken)
    {
        int stored = 0, rejected = 0;
        foreach (var document in Documents(cases, protocol))
        {
            var outcome = await ingestor.IngestAsync(document, "rgb:" + document.Id, "eval", cancellationToken);
            if (outcome.Status == IngestStatus.Rejected)
            {
                rejected++;
            }
            else
            {
                stored++;
            }
        }

        return (stored, rejected);
    }
}
