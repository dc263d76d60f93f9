using CorpusBot.Core.Answering;
using CorpusBot.Core.Answering.ShortAnswers;

namespace CorpusBot.Core.Evaluation;

/// <summary>
/// Scores one answer against one case. An answerable case is right only when the bot did not refuse and one of
/// its verbatim quotes contains an accepted answer string (case-insensitive, whitespace runs compared as one space).
/// The answer text outside the quotes does not count: only what the sources say verbatim is credited. The short answer
/// is scored the same way on its own (does the first line already hold the accepted answer?) but does not change the outcome.
/// </summary>
public static class EvalScorer
{
    public static EvalCaseResult Score(EvalCase evalCase, Answer answer, int quotesVerified)
    {
        ArgumentNullException.ThrowIfNull(evalCase);
        ArgumentNullException.ThrowIfNull(answer);
        var quotes = answer.Citations.Select(c => c.Quote).ToList();
        var matched = answer.Refused ? null : FindAcceptedAnswer(evalCase.Answers, quotes);
        var outcome = (evalCase.ExpectsAnswer, answer.Refused) switch
        {
            (true, true) => EvalOutcome.FalseRefusal,
            (true, false) => matched is null ? EvalOutcome.AnsweredWrong : EvalOutcome.AnsweredRight,
            (false, true) => EvalOutcome.CorrectRefusal,
            (false, false) => EvalOutcome.WronglyAnswered,
        };
        return new EvalCaseResult(
            evalCase.Id, evalCase.Category, evalCase.Question, outcome, answer.Refused, answer.Reason?.ToCode(), matched, quotes,
            quotesVerified, quotes.Count, answer.Elapsed.TotalMilliseconds)
        {
            ShortAnswers = answer.ShortAnswers.Select(s => s.Text).ToList(),
            ShortAnswerServed = ShortAnswerFinder.Serves(QuestionAnalyzer.TypeOf(evalCase.Question)),
            ShortAnswerMatched = answer.Refused ? null : FindAcceptedAnswer(evalCase.Answers, answer.ShortAnswers.Select(s => s.Text)),
        };
    }

    /// <summary>The first accepted answer that occurs in any quote, or null.</summary>
    public static string? FindAcceptedAnswer(IEnumerable<string> accepted, IEnumerable<string> quotes)
    {
        ArgumentNullException.ThrowIfNull(accepted);
        ArgumentNullException.ThrowIfNull(quotes);
        var normalizedQuotes = quotes.Select(Normalize).ToList();
        return accepted.FirstOrDefault(a =>
        {
            var needle = Normalize(a);
            return needle.Length > 0 && normalizedQuotes.Exists(q => q.Contains(needle, StringComparison.OrdinalIgnoreCase));
        });
    }

    private static string Normalize(string text) =>
        string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
