using CorpusBot.Providers.Chat;

namespace CorpusBot.Providers.Tests.Chat;

public sealed class AnswerSentencesTests
{
    [Fact]
    public void Split_MarkerAfterFullStop_StaysWithItsSentence()
    {
        var sentences = AnswerSentences.Split("Doctors were ordered to help. [1] The wards were full. [2]");

        Assert.Equal(["Doctors were ordered to help. [1]", "The wards were full. [2]"], sentences.Select(s => s.Text));
        Assert.Equal([1], AnswerSentences.Sources(sentences[0].Text));
    }

    [Fact]
    public void Split_InitialAndDecimal_DoNotEndASentence()
    {
        var sentences = AnswerSentences.Split("Alexander G. Lukashenko gave 2.5 million [1]. Another claim [2].");

        Assert.Equal(["Alexander G. Lukashenko gave 2.5 million [1].", "Another claim [2]."], sentences.Select(s => s.Text));
    }

    [Fact]
    public void Sources_GroupedAndSpelledOut_AreAllRead()
    {
        Assert.Equal([1, 3, 2], AnswerSentences.Sources("Claim [1, 3] and [Source 2]."));
    }

    [Fact]
    public void RewriteMarkers_RenumbersAndRemovesUnverified()
    {
        var text = AnswerSentences.RewriteMarkers("Claim [2][3].", n => n == 2 ? "[1][2]" : string.Empty);

        Assert.Equal("Claim [1][2].", text);
    }
}
