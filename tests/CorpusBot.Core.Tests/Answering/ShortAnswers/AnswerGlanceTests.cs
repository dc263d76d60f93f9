using CorpusBot.Core.Answering;
using CorpusBot.Core.Answering.ShortAnswers;
using CorpusBot.Core.Tests.Fakes;

namespace CorpusBot.Core.Tests.Answering.ShortAnswers;

public sealed class AnswerGlanceTests
{
    private static readonly Citation Quote = new("doc", "Doc", "They kept 250 beds free.", 100, 124);

    [Fact]
    public void WithShortAnswers_SpanInsideItsQuote_Kept()
    {
        var answer = Answer.Answered("How many beds?", "They kept 250 beds free. [1]", [Quote], AnswerMode.Extractive)
            .WithShortAnswers([new ShortAnswer("250 beds", 0, 110, 118)]);

        Assert.Equal("250 beds", Assert.Single(answer.ShortAnswers).Text);
    }

    [Theory]
    [InlineData("250 beds", 0, 111, 119)] // offsets off by one: not the quote's text there
    [InlineData("300 beds", 0, 110, 118)] // a rewording
    [InlineData("They kept 250 beds free. And", 0, 100, 128)] // beyond the quote
    [InlineData("250 beds", 1, 110, 118)] // no such citation
    public void WithShortAnswers_NotTheQuotesTextAtItsOffsets_Throws(string text, int citation, int start, int end)
    {
        var answer = Answer.Answered("How many beds?", "They kept 250 beds free. [1]", [Quote], AnswerMode.Extractive);

        Assert.Throws<ArgumentException>(() => answer.WithShortAnswers([new ShortAnswer(text, citation, start, end)]));
    }

    [Fact]
    public async Task Describe_LanguageModelAnswer_KeepsItsProseAndGetsNoShortAnswer()
    {
        await using var corpus = await TestCorpus.CreateAsync();
        await corpus.AddAsync("doc", new string('x', 100) + " They kept 250 beds free.", "Doc");
        var answer = Answer.Answered("How many beds were kept free?", "They kept 250 beds free [1].", [Quote], AnswerMode.Llm);

        var described = await corpus.Get<AnswerGlance>().DescribeAsync(answer, CancellationToken.None);

        Assert.Empty(described.ShortAnswers);
        Assert.Equal(answer.Text, described.Text);
    }

    [Fact]
    public async Task Describe_Refusal_NamesAtMostThreeSuggestedDocumentsByTitle_SkippingRemovedOnes()
    {
        await using var corpus = await TestCorpus.CreateAsync();
        foreach (var id in new[] { "a", "b", "c", "d" })
        {
            await corpus.AddAsync(id, $"Document {id} is about harbours.", $"Harbour report {id.ToUpperInvariant()}");
        }

        var refusal = Answer.Refusal("q", RefusalReason.NoEvidence, "No.", AnswerMode.Extractive, ["gone", "b", "a", "d", "c"]);

        var described = await corpus.Get<AnswerGlance>().DescribeAsync(refusal, CancellationToken.None);

        Assert.Equal(["Harbour report B", "Harbour report A"], described.SuggestedSources.Select(s => s.Title));
        Assert.Equal(["gone", "b", "a", "d", "c"], described.SuggestedDocuments);
    }
}
