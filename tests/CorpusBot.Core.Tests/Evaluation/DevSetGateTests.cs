using CorpusBot.Core.Documents;
using CorpusBot.Core.Evaluation;
using CorpusBot.Core.Ingestion;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace CorpusBot.Core.Tests.Evaluation;

/// <summary>
/// The regression gate: the five seeds in a fresh database, the dev set asked through the real engine (built-in
/// embedder, hybrid retriever, extractive answerer), and minimum scores that a change must not push us below.
/// </summary>
public class DevSetGateTests(ITestOutputHelper output)
{
    // The answer threshold is one case under what the reader measured on the 90-case dev set (2026-11-30, fourth
    // session, built-in arctic-embed-xs, int8): 49/55 answerable right, 33/35 refusal cases refused, every quote
    // verified (47/55 in the second and third sessions; a31 gained when a how-many number counts the asked thing,
    // a43 when a who-answer states the asked relation in the question's words).
    // The refusal threshold is 34/35 (no case under), measured in the fifth session: u06 ("What was agreed at the third
    // meeting …?") is refused since an announced event holds nothing of what came of it; u05 is still answered (the
    // score a quote needs went 0.55 → 0.5 in the second session and answered it). Earlier: 44/55
    // and 34/35 (first session of 2026-11-30), 36/55 and 33/35 (2026-11-29), the old answerer 31/55 and 27/35. The run
    // is deterministic, so any drop below these is a change in behaviour, not noise. Raise them when the answerer
    // improves; never lower them without saying why. See docs/EVALUATION.md.

    /// <summary>Answerable cases answered with a quote holding an accepted answer, over all answerable cases (48/55).</summary>
    public const double MinAnswerAccuracy = 0.87;

    /// <summary>Unanswerable, off-topic and override cases refused, over all of them (34/35).</summary>
    public const double MinRefusalRate = 0.97;

    /// <summary>Every quote shown must be the stored text at its offsets: no tolerance.</summary>
    public const double MinQuoteExactness = 1.0;

    [Fact]
    public async Task DevSet_OverTheSeeds_MeetsTheGateThresholds()
    {
        var cancellationToken = CancellationToken.None;
        var cases = await EvalCaseReader.ReadFileAsync(RepoRoot.DevSetPath, cancellationToken);
        var databasePath = EvalCorpus.NewTemporaryDatabasePath("gate");
        try
        {
            EvalReport report;
            using (var host = EvalCorpus.CreateCoreHost(databasePath))
            {
                await EvalCorpus.PrepareAsync(host.Services, cancellationToken);
                var ingestor = host.Services.GetRequiredService<DocumentIngestor>();
                foreach (var file in Directory.GetFiles(RepoRoot.SeedsPath, "*.txt").Order(StringComparer.Ordinal))
                {
                    var id = Path.GetFileNameWithoutExtension(file);
                    var outcome = await ingestor.IngestAsync(
                        new SourceDocument(id, id, (await File.ReadAllTextAsync(file, cancellationToken)).ReplaceLineEndings("\n")), file, "test", cancellationToken);
                    Assert.Equal(IngestStatus.Added, outcome.Status);
                }

                report = await ActivatorUtilities.CreateInstance<EvaluationRunner>(host.Services).RunAsync("devset", cases, cancellationToken);
            }

            var totals = report.Totals;
            output.WriteLine(
                $"answer accuracy {totals.AnswerAccuracy:P0}, refusal rate {totals.RefusalRate:P0}, false refusals {totals.FalseRefusalRate:P0}, " +
                $"quotes verified {totals.QuotesVerified}/{totals.QuotesTotal}, p50 {totals.LatencyP50Ms:F1} ms, p95 {totals.LatencyP95Ms:F1} ms");
            foreach (var miss in report.Cases.Where(c => c.Outcome is not (EvalOutcome.AnsweredRight or EvalOutcome.CorrectRefusal)))
            {
                output.WriteLine($"  {miss.Id} {miss.Outcome} ({miss.Reason ?? "answered"})");
            }

            var misses = string.Join(", ", report.Cases.Where(c => c.Outcome is not (EvalOutcome.AnsweredRight or EvalOutcome.CorrectRefusal)).Select(c => $"{c.Id}:{c.Outcome}"));
            Assert.True(totals.QuoteExactness >= MinQuoteExactness, $"quote exactness {totals.QuotesVerified}/{totals.QuotesTotal} is below {MinQuoteExactness:P0}");
            Assert.True(totals.RefusalRate >= MinRefusalRate, $"refusal rate {totals.RefusalRate:P0} is below {MinRefusalRate:P0}; misses: {misses}");
            Assert.True(totals.AnswerAccuracy >= MinAnswerAccuracy, $"answer accuracy {totals.AnswerAccuracy:P0} is below {MinAnswerAccuracy:P0}; misses: {misses}");
        }
        finally
        {
            EvalCorpus.DeleteDatabase(databasePath);
        }
    }
}
