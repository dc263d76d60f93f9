namespace CorpusBot.Core.Evaluation;

/// <summary>Outcome counts of one category.</summary>
public sealed record CategoryResult(
    string Category,
    int Total,
    int AnsweredRight,
    int AnsweredWrong,
    int FalseRefusals,
    int CorrectRefusals,
    int WronglyAnswered)
{
    /// <summary>Share of cases handled right: answered right for answerable cases, refused for the others.</summary>
    public double Score => Total == 0 ? 0 : (double)(AnsweredRight + CorrectRefusals) / Total;

    public static CategoryResult From(string category, IReadOnlyCollection<EvalCaseResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        return new CategoryResult(
            category,
            results.Count,
            results.Count(r => r.Outcome == EvalOutcome.AnsweredRight),
            results.Count(r => r.Outcome == EvalOutcome.AnsweredWrong),
            results.Count(r => r.Outcome == EvalOutcome.FalseRefusal),
            results.Count(r => r.Outcome == EvalOutcome.CorrectRefusal),
            results.Count(r => r.Outcome == EvalOutcome.WronglyAnswered));
    }
}
