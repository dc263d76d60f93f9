using CorpusBot.Core.Answering;
using CorpusBot.Core.Evaluation;
using CorpusBot.Core.Storage;
using CorpusBot.Core.Tests.Evaluation;
using CorpusBot.Core.Tests.Fakes;

namespace CorpusBot.Core.Tests.Answering.ShortAnswers;

/// <summary>Over every question of the dev set, asked as a user asks: a short answer is always a verbatim span of a verified quote.</summary>
public sealed class ShortAnswerPropertyTests
{
    [Fact]
    public async Task DevSet_EveryShortAnswer_IsTheStoredTextAtItsOffsets_InsideItsVerifiedQuote()
    {
        await using var corpus = await TestCorpus.WithSeedsAsync();
        var cases = await EvalCaseReader.ReadFileAsync(RepoRoot.DevSetPath, CancellationToken.None);
        var answers = corpus.Get<AnswerService>();
        var documents = corpus.Get<DocumentStore>();
        var given = 0;
        foreach (var evalCase in cases)
        {
            var answer = await answers.AskAsync(evalCase.Question, CancellationToken.None);
            Assert.True(answer.ShortAnswers.Count <= answer.Citations.Count);
            Assert.Equal(answer.ShortAnswers.Count, answer.ShortAnswers.Select(s => s.Citation).Distinct().Count());
            foreach (var shortAnswer in answer.ShortAnswers)
            {
                var citation = answer.Citations[shortAnswer.Citation];
                var text = (await documents.GetAsync(citation.DocumentId, CancellationToken.None))!.Text;
                Assert.True(QuoteVerifier.Matches(text, citation), $"{evalCase.Id}: quote not verified");
                Assert.True(shortAnswer.IsInside(citation), $"{evalCase.Id}: “{shortAnswer.Text}” outside its quote");
                Assert.Equal(shortAnswer.Text, text[shortAnswer.Start..shortAnswer.End]);
                given++;
            }
        }

        // The property must have been exercised: the dev set asks many who/how-many/when/where questions.
        Assert.True(given >= 15, $"only {given} short answers over the dev set");
    }
}
