namespace CorpusBot.Core.Evaluation;

/// <summary>Expected (answer or refuse) against got (answer or refuse), in case counts.</summary>
public sealed record ConfusionMatrix(
    int ExpectedAnswerGotAnswer,
    int ExpectedAnswerGotRefusal,
    int ExpectedRefusalGotAnswer,
    int ExpectedRefusalGotRefusal)
{
    public static ConfusionMatrix From(IReadOnlyCollection<EvalCaseResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        return new ConfusionMatrix(
            results.Count(r => r.Outcome is EvalOutcome.AnsweredRight or EvalOutcome.AnsweredWrong),
            results.Count(r => r.Outcome == EvalOutcome.FalseRefusal),
            results.Count(r => r.Outcome == EvalOutcome.WronglyAnswered),
            results.Count(r => r.Outcome == EvalOutcome.CorrectRefusal));
    }
}
