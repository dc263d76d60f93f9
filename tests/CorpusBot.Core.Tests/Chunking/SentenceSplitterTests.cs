using CorpusBot.Core.Chunking;
using CorpusBot.Core.Tests.Fakes;

namespace CorpusBot.Core.Tests.Chunking;

public class SentenceSplitterTests
{
    [Fact]
    public void Split_TwoSentences_ExactTrimmedSpans()
    {
        const string text = "  Dr. Smith arrived in the U.S. yesterday. He left at 5 p.m.\nNew line here!  ";
        var spans = SentenceSplitter.Split(text);
        Assert.Equal(["Dr. Smith arrived in the U.S. yesterday.", "He left at 5 p.m.", "New line here!"], spans.Select(s => s.Of(text)));
    }

    [Fact]
    public void Split_ClosingQuoteAfterStop_StaysWithSentence()
    {
        const string text = "He said “we will go.” Then they left.";
        var spans = SentenceSplitter.Split(text);
        Assert.Equal(["He said “we will go.”", "Then they left."], spans.Select(s => s.Of(text)));
    }

    [Fact]
    public void Split_Initial_DoesNotEndSentence()
    {
        const string text = "Alexander G. Lukashenko spoke. Nobody answered.";
        Assert.Equal(2, SentenceSplitter.Split(text).Count);
    }

    [Fact]
    public void Split_EverySeed_SpansAreNonEmptyOrderedAndTrimmed()
    {
        foreach (var file in RepositoryFiles.SeedFiles)
        {
            var text = File.ReadAllText(file);
            var spans = SentenceSplitter.Split(text);
            Assert.NotEmpty(spans);
            for (var i = 0; i < spans.Count; i++)
            {
                var sentence = spans[i].Of(text);
                Assert.False(string.IsNullOrWhiteSpace(sentence));
                Assert.Equal(sentence.Trim(), sentence);
                Assert.True(i == 0 || spans[i].Start >= spans[i - 1].End, $"{file}: span {i} overlaps the previous one");
            }
        }
    }
}
