using CorpusBot.Core.Answering;
using CorpusBot.Telegram.Sending;

namespace CorpusBot.Tests.Telegram.Sending;

public sealed class AnswerFormatterTests
{
    [Fact]
    public void Format_EscapesTextQuotesTitlesAndUrls()
    {
        var answer = Answer.Answered("q", "A < B & C > D", [new Citation("d1", "T<1>", "x & <y>", 0, 7, "https://e.org/?a=1&b=\"2\"")], AnswerMode.Llm, notice: "Model <down>");

        var html = Assert.Single(AnswerFormatter.Format(answer, "refused"));

        Assert.Equal(
            "<i>Model &lt;down&gt;</i>\n\nA &lt; B &amp; C &gt; D\n\n<blockquote>x &amp; &lt;y&gt;</blockquote>\n[1] <a href=\"https://e.org/?a=1&amp;b=%222%22\">T&lt;1&gt;</a>",
            html);
    }

    [Fact]
    public void Format_NonHttpUrl_IsNotLinked()
    {
        var answer = Answer.Answered("q", "A", [new Citation("d1", "Title", "quote", 0, 5, "javascript:alert(1)")], AnswerMode.Llm);

        var html = Assert.Single(AnswerFormatter.Format(answer, "refused"));

        Assert.DoesNotContain("<a ", html, StringComparison.Ordinal);
        Assert.EndsWith("[1] Title", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Format_Refusal_IsOnlyTheRefusalMessage_InvalidQuestionKeepsItsReason()
    {
        var refused = Answer.Refusal("q", RefusalReason.NoEvidence, "model text <b>", AnswerMode.Llm);
        var invalid = Answer.Refusal("", RefusalReason.InvalidQuestion, "The question is empty.", AnswerMode.Extractive);

        Assert.Equal(["Can't &amp; won't."], AnswerFormatter.Format(refused, "Can't & won't."));
        Assert.Equal(["The question is empty."], AnswerFormatter.Format(invalid, "Can't"));
    }

    [Fact]
    public void Split_HugeQuote_IsCutIntoWellFormedPiecesUnderTheLimit_KeepingSurrogatePairs()
    {
        var quote = string.Concat(Enumerable.Repeat("😀<&> word ", 1500));
        var answer = Answer.Answered("q", "Short.", [new Citation("d", "Title", quote, 0, quote.Length)], AnswerMode.Llm);

        var parts = AnswerFormatter.Format(answer, "refused");

        Assert.True(parts.Count >= 4);
        Assert.All(parts, p => Assert.True(p.Length <= MessageSplitter.MaxLength, $"{p.Length}"));
        Assert.All(parts.Skip(1), p => Assert.StartsWith("<blockquote>", p, StringComparison.Ordinal));
        Assert.All(parts.Skip(1), p => Assert.Contains("</blockquote>", p, StringComparison.Ordinal));
        Assert.All(parts, p => Assert.False(HasLoneSurrogate(p)));
        Assert.EndsWith("[1] Title", parts[^1], StringComparison.Ordinal);
        Assert.Single(parts, p => p.Contains("[1] Title", StringComparison.Ordinal));
    }

    [Fact]
    public void ToPlainText_RemovesTagsAndUnescapes()
    {
        Assert.Equal("x & <y>\n[1] T", Html.ToPlainText("<blockquote>x &amp; &lt;y&gt;</blockquote>\n[1] <a href=\"u\">T</a>"));
    }

    private static bool HasLoneSurrogate(string s)
    {
        for (var i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && (i + 1 >= s.Length || !char.IsLowSurrogate(s[i + 1])))
            {
                return true;
            }

            if (char.IsLowSurrogate(s[i]) && (i == 0 || !char.IsHighSurrogate(s[i - 1])))
            {
                return true;
            }
        }

        return false;
    }
}
