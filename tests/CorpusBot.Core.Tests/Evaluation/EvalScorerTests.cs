using CorpusBot.Core.Answering;
using CorpusBot.Core.Evaluation;

namespace CorpusBot.Core.Tests.Evaluation;

public class EvalScorerTests
{
    private static readonly EvalCase Answerable = new("a1", EvalCategory.Answerable, "Who ordered it?", ["Lukashenko", "Alexander Lukashenko"]);
    private static readonly EvalCase Refusal = new("o1", EvalCategory.OffTopic, "Write a poem.", []);

    [Fact]
    public void Score_AnswerWithQuoteHoldingAcceptedString_IsAnsweredRight()
    {
        var result = EvalScorer.Score(Answerable, Answered("Belarusian leader  alexander\nLUKASHENKO said"), 1);

        Assert.Equal(EvalOutcome.AnsweredRight, result.Outcome);
        Assert.Equal("Lukashenko", result.MatchedAnswer);
        Assert.Equal(1, result.QuotesVerified);
        Assert.Equal(1, result.QuotesTotal);
    }

    [Fact]
    public void Score_AnswerWhoseTextButNoQuoteHoldsTheAnswer_IsAnsweredWrong()
    {
        var answer = Answer.Answered("q", "Lukashenko did.", [new Citation("doc", "Doc", "The health minister got the order.", 0, 34)], AnswerMode.Extractive);

        Assert.Equal(EvalOutcome.AnsweredWrong, EvalScorer.Score(Answerable, answer, 1).Outcome);
    }

    [Fact]
    public void Score_RefusedAnswerableCase_IsFalseRefusal() =>
        Assert.Equal(EvalOutcome.FalseRefusal, EvalScorer.Score(Answerable, Refused(), 0).Outcome);

    [Fact]
    public void Score_RefusedRefusalCase_IsCorrectRefusal() =>
        Assert.Equal(EvalOutcome.CorrectRefusal, EvalScorer.Score(Refusal, Refused(), 0).Outcome);

    [Fact]
    public void Score_AnsweredRefusalCase_IsWronglyAnswered() =>
        Assert.Equal(EvalOutcome.WronglyAnswered, EvalScorer.Score(Refusal, Answered("Spring is here."), 1).Outcome);

    [Fact]
    public void Report_CountsOutcomesCategoriesConfusionAndQuoteExactness()
    {
        var results = new[]
        {
            EvalScorer.Score(Answerable, Answered("Lukashenko said so"), 1),
            EvalScorer.Score(Answerable with { Id = "a2" }, Answered("nothing useful", "another quote"), 1),
            EvalScorer.Score(Answerable with { Id = "a3" }, Refused(), 0),
            EvalScorer.Score(Refusal, Refused(), 0),
            EvalScorer.Score(Refusal with { Id = "o2" }, Answered("a poem"), 1),
            EvalScorer.Score(Refusal with { Id = "v1", Category = EvalCategory.Override }, Refused(), 0),
        };

        var report = EvalReport.Create("unit", results);

        Assert.Equal(new ConfusionMatrix(2, 1, 1, 2), report.Confusion);
        Assert.Equal(6, report.Totals.Cases);
        Assert.Equal(1.0 / 3, report.Totals.AnswerAccuracy, 6);
        Assert.Equal(1.0 / 3, report.Totals.FalseRefusalRate, 6);
        Assert.Equal(2.0 / 3, report.Totals.RefusalRate, 6);
        Assert.Equal(3, report.Totals.QuotesVerified);
        Assert.Equal(4, report.Totals.QuotesTotal);
        Assert.Equal(0.75, report.Totals.QuoteExactness, 6);
        Assert.Equal([EvalCategory.Answerable, EvalCategory.OffTopic, EvalCategory.Override], report.Categories.Select(c => c.Category));
        Assert.Equal(0.5, report.Categories[1].Score, 6);
        Assert.Contains("\"outcome\": \"answered_right\"", EvalReport.ToJson(report), StringComparison.Ordinal);
    }

    [Fact]
    public void Percentiles_NearestRank()
    {
        double[] values = [5, 1, 4, 2, 3, 6, 7, 8, 9, 10];
        Assert.Equal(5, Percentiles.Of(values, 50));
        Assert.Equal(10, Percentiles.Of(values, 95));
        Assert.Equal(0, Percentiles.Of([], 95));
    }

    private static Answer Answered(params string[] quotes) => Answer.Answered(
        "q", "answer", quotes.Select((q, i) => new Citation("doc", "Doc", q, i * 100, (i * 100) + q.Length)).ToList(), AnswerMode.Extractive)
        with { Elapsed = TimeSpan.FromMilliseconds(3) };

    private static Answer Refused() =>
        Answer.Refusal("q", RefusalReason.NoEvidence, "no", AnswerMode.Extractive) with { Elapsed = TimeSpan.FromMilliseconds(1) };
}
