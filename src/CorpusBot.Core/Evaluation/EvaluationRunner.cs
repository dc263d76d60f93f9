using CorpusBot.Core.Answering;

namespace CorpusBot.Core.Evaluation;

/// <summary>
/// Asks every case through <see cref="AnswerService"/>, exactly as a user would, re-checks every citation with
/// <see cref="QuoteVerifier"/> and scores the answer. Cases run one after another, so timings are not inflated.
/// </summary>
public sealed class EvaluationRunner(AnswerService answers, QuoteVerifier verifier)
{
    public async Task<EvalReport> RunAsync(
        string name, IReadOnlyList<EvalCase> cases, CancellationToken cancellationToken, IProgress<EvalCaseResult>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(cases);
        var results = new List<EvalCaseResult>(cases.Count);
        foreach (var evalCase in cases)
        {
            var result = await RunOneAsync(evalCase, cancellationToken);
            results.Add(result);
            progress?.Report(result);
        }

        return EvalReport.Create(name, results);
    }

    public async Task<EvalCaseResult> RunOneAsync(EvalCase evalCase, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(evalCase);
        var answer = await answers.AskAsync(evalCase.Question, cancellationToken);
        var verified = 0;
        foreach (var citation in answer.Citations)
        {
            if (await verifier.VerifyAsync(citation, cancellationToken))
            {
                verified++;
            }
        }

        return EvalScorer.Score(evalCase, answer, verified);
    }
}
