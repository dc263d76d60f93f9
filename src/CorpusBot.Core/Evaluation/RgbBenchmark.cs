using System.Diagnostics;
using CorpusBot.Core.Documents;
using CorpusBot.Core.Ingestion;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CorpusBot.Core.Evaluation;

/// <summary>
/// Runs the RGB protocols: for each, a fresh temporary SQLite corpus (one document per snippet, stored through
/// <see cref="DocumentIngestor"/>), then every question through <see cref="EvaluationRunner"/>. The database is
/// deleted afterwards.
/// </summary>
/// <param name="hostFactory">
/// Builds a host over the given database path; the CLI passes the app's full host (so a configured LLM answerer is
/// measured), tests pass <see cref="EvalCorpus.CreateCoreHost"/>.
/// </param>
public sealed class RgbBenchmark(Func<string, IHost> hostFactory)
{
    public async Task<RgbResult> RunAsync(
        IReadOnlyList<RgbCase> cases, RgbProtocol protocol, CancellationToken cancellationToken, IProgress<EvalCaseResult>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(cases);
        var databasePath = EvalCorpus.NewTemporaryDatabasePath("rgb-" + protocol.ToString().ToLowerInvariant());
        try
        {
            using (var host = hostFactory(databasePath))
            {
                var services = host.Services;
                await EvalCorpus.PrepareAsync(services, cancellationToken);
                var watch = Stopwatch.StartNew();
                var (stored, rejected) = await IngestAsync(services.GetRequiredService<DocumentIngestor>(), cases, protocol, cancellationToken);
                var ingestSeconds = watch.Elapsed.TotalSeconds;
                var category = protocol == RgbProtocol.Answering ? EvalCategory.Answerable : EvalCategory.Unanswerable;
                var evalCases = cases
                    .Select(c => new EvalCase("rgb" + c.Id, category, c.Query, protocol == RgbProtocol.Answering ? c.Answers : []))
                    .ToList();
                var runner = ActivatorUtilities.CreateInstance<EvaluationRunner>(services);
                var report = await runner.RunAsync($"rgb {protocol.ToString().ToLowerInvariant()}", evalCases, cancellationToken, progress);
                return new RgbResult(protocol, stored, rejected, ingestSeconds, report);
            }
        }
        finally
        {
            EvalCorpus.DeleteDatabase(databasePath);
        }
    }

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
