using CorpusBot.Core.Answering;
using CorpusBot.Core.Answering.ShortAnswers;
using CorpusBot.Core.Evaluation;

namespace CorpusBot.Core.Tests.Evaluation;

/// <summary>The dev-set report says how often the short answer (the reply's first line) already holds the accepted answer.</summary>
public sealed class ShortAnswerScoringTests
{
    private const string Quote = "Officials said nearly 900 wounded soldiers and 40 medics were treated.";
    private static readonly Citation Cited = new("doc", "Doc", Quote, 0, Quote.Length);
    private static readonly EvalCase HowMany = new("a1", EvalCategory.Answerable, "How many wounded soldiers were treated?", ["nearly 900"]);

    [Theory]
    [InlineData("nearly 900 wounded soldiers", "nearly 900")]
    [InlineData("40 medics", null)]
    public void Score_ShortAnswer_MatchedAgainstTheAcceptedAnswers(string span, string? matched)
    {
        var result = EvalScorer.Score(HowMany, WithShortAnswer(span), 1);

        Assert.Equal(EvalOutcome.AnsweredRight, result.Outcome); // the quote holds it either way: the outcome is unchanged
        Assert.Equal(matched, result.ShortAnswerMatched);
        Assert.Equal([span], result.ShortAnswers);
        Assert.True(result.ShortAnswerServed);
    }

    [Fact]
    public void Totals_CountServedGivenAndHolding_OverAnsweredAnswerableCases()
    {
        var why = new EvalCase("a2", EvalCategory.Answerable, "Why were they treated?", ["ordered"]);
        var results = new[]
        {
            EvalScorer.Score(HowMany, WithShortAnswer("nearly 900 wounded soldiers"), 1),
            EvalScorer.Score(HowMany, WithShortAnswer("40 medics"), 1),
            EvalScorer.Score(HowMany, Answer.Answered(HowMany.Question, Quote, [Cited], AnswerMode.Extractive), 1),
            EvalScorer.Score(why, Answer.Answered(why.Question, Quote, [Cited], AnswerMode.Extractive), 1),
            EvalScorer.Score(HowMany, Answer.Refusal(HowMany.Question, RefusalReason.NoEvidence, "No.", AnswerMode.Extractive), 0),
        };

        var totals = EvalTotals.From(results);

        Assert.Equal(3, totals.ShortAnswerServed);
        Assert.Equal(2, totals.ShortAnswersGiven);
        Assert.Equal(2, totals.ShortAnswersGivenWhenRight);
        Assert.Equal(1, totals.ShortAnswersHolding);
        Assert.Equal(0.5, totals.ShortAnswerPrecision);
    }

    private static Answer WithShortAnswer(string span)
    {
        var at = Quote.IndexOf(span, StringComparison.Ordinal);
        return Answer.Answered(HowMany.Question, Quote + " [1]", [Cited], AnswerMode.Extractive)
            .WithShortAnswers([new ShortAnswer(span, 0, at, at + span.Length)]);
    }
}
