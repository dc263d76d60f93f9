namespace CorpusBot.Core.Evaluation;

/// <summary>The headline numbers of one run.</summary>
public sealed record EvalTotals(
    int Cases,
    int AnswerableCases,
    int RefusalCases,
    int AnsweredRight,
    int AnsweredWrong,
    int FalseRefusals,
    int CorrectRefusals,
    int WronglyAnswered,
    int QuotesVerified,
    int QuotesTotal,
    double LatencyP50Ms,
    double LatencyP95Ms)
{
    /// <summary>Answerable cases answered (not refused) whose question asks for a name, number, date or place.</summary>
    public int ShortAnswerServed { get; init; }

    /// <summary>Answerable cases answered with a short answer.</summary>
    public int ShortAnswersGiven { get; init; }

    /// <summary>Answerable cases answered right (a quote holds an accepted answer) and given a short answer.</summary>
    public int ShortAnswersGivenWhenRight { get; init; }

    /// <summary>Answerable cases whose short answer holds an accepted answer string (so a quote does too: all answered right).</summary>
    public int ShortAnswersHolding { get; init; }

    /// <summary>Short answers that hold an accepted answer, over all short answers given; 0 when none was given.</summary>
    public double ShortAnswerPrecision => Ratio(ShortAnswersHolding, ShortAnswersGiven);

    /// <summary>Answerable cases answered right, over all answerable cases.</summary>
    public double AnswerAccuracy => Ratio(AnsweredRight, AnswerableCases);

    /// <summary>Answerable cases refused, over all answerable cases.</summary>
    public double FalseRefusalRate => Ratio(FalseRefusals, AnswerableCases);

    /// <summary>Refusal cases refused, over all refusal cases.</summary>
    public double RefusalRate => Ratio(CorrectRefusals, RefusalCases);

    /// <summary>Verified quotes over all quotes given; 1 when no quote was given.</summary>
    public double QuoteExactness => QuotesTotal == 0 ? 1 : (double)QuotesVerified / QuotesTotal;

    public static EvalTotals From(IReadOnlyCollection<EvalCaseResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var timings = results.Select(r => r.ElapsedMs).ToList();
        var answered = results.Where(r => r.Category == EvalCategory.Answerable && !r.Refused).ToList();
        return new EvalTotals(
            results.Count,
            results.Count(r => r.Category == EvalCategory.Answerable),
            results.Count(r => r.Category != EvalCategory.Answerable),
            results.Count(r => r.Outcome == EvalOutcome.AnsweredRight),
            results.Count(r => r.Outcome == EvalOutcome.AnsweredWrong),
            results.Count(r => r.Outcome == EvalOutcome.FalseRefusal),
            results.Count(r => r.Outcome == EvalOutcome.CorrectRefusal),
            results.Count(r => r.Outcome == EvalOutcome.WronglyAnswered),
            results.Sum(r => r.QuotesVerified),
            results.Sum(r => r.QuotesTotal),
            Percentiles.Of(timings, 50),
            Percentiles.Of(timings, 95))
        {
            ShortAnswerServed = answered.Count(r => r.ShortAnswerServed),
            ShortAnswersGiven = answered.Count(r => r.ShortAnswers.Count > 0),
            ShortAnswersGivenWhenRight = answered.Count(r => r.ShortAnswers.Count > 0 && r.Outcome == EvalOutcome.AnsweredRight),
            ShortAnswersHolding = answered.Count(r => r.ShortAnswerMatched is not null),
        };
    }

    private static double Ratio(int part, int whole) => whole == 0 ? 0 : (double)part / whole;
}
