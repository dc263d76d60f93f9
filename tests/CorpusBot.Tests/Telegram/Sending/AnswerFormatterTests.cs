using CorpusBot.Core.Answering;
using CorpusBot.Telegram.Sending;
using static CorpusBot.Tests.Replies.ReplySamples;

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
        Assert.All(parts.Skip(1), p => Assert.StartsWith("<blockquote expandable>", p, StringComparison.Ordinal));
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

    [Fact]
    public void Format_HowMany_ShortAnswerBoldFirst_QuoteOnceWithTheSpanBold_SourceLinked()
    {
        var html = Assert.Single(AnswerFormatter.Format(HowMany(), "refused"));

        Assert.Equal(
            "<b>250 beds</b> [1]\n\n"
            + "<blockquote>On the morning of February 24, the official ordered them to leave <b>250 beds</b> free for Russian victims &amp; &lt;others&gt;.</blockquote>\n"
            + "[1] <a href=\"https://example.org/a?x=1&amp;y=2\">Doctor who fled &lt;CNN&gt;</a>, CNN, 2022-05-04",
            html);
    }

    [Fact]
    public void Format_SourcesDisagree_OneBoldSpanPerSource()
    {
        var html = Assert.Single(AnswerFormatter.Format(Disagreeing(), "refused"));

        Assert.StartsWith("<b>nearly 900 wounded Russian soldiers</b> [1] · <b>about 160 to 170 wounded</b> [2]\n\n", html, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "Gomel and Khoiniki"));
    }

    [Fact]
    public void Format_Why_QuotesOnly_NoShortLine()
    {
        var html = Assert.Single(AnswerFormatter.Format(Why(), "refused"));

        Assert.StartsWith("<blockquote>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Format_Llm_ProseIsTheAnswer_QuoteFollowsOnce()
    {
        var html = Assert.Single(AnswerFormatter.Format(Llm(), "refused"));

        Assert.StartsWith("Doctors were told to keep 250 beds free [1].\n\n<blockquote>", html, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "February 24"));
    }

    [Fact]
    public void Format_LongQuote_ExpandableBlockquote_ShortQuotePlain()
    {
        var quote = string.Concat(Enumerable.Repeat("The ward kept its beds free for weeks. ", 9)).TrimEnd();
        var answer = Answer.Answered("q", "A [1].", [new Citation("d", "T", quote, 0, quote.Length)], AnswerMode.Llm);

        var html = Assert.Single(AnswerFormatter.Format(answer, "refused"));

        Assert.True(quote.Length > AnswerFormatter.ExpandableQuoteChars);
        Assert.Contains("<blockquote expandable>" + quote + "</blockquote>", html, StringComparison.Ordinal);
        Assert.Contains("<blockquote>", Assert.Single(AnswerFormatter.Format(HowMany(), "refused")), StringComparison.Ordinal);
    }

    [Fact]
    public void Format_ConsoleOn_QuoteInContextLinked()
    {
        var html = Assert.Single(AnswerFormatter.Format(HowMany(), "refused", links: ConsoleLinks()));

        Assert.EndsWith(
            $" · <a href=\"https://console.example.org/bot/document?id=002_doc&amp;start=9701&amp;end={9701 + BedsQuote.Length}#quote\">in context</a>",
            html,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Format_NoEvidenceRefusal_ClosestDocumentsByTitle_Escaped()
    {
        var html = Assert.Single(AnswerFormatter.Format(NoEvidence(), "Not in my sources."));

        Assert.Equal(
            "Not in my sources.\n\nClosest documents, if you want to look yourself:\n• <a href=\"https://example.org/h\">Harbour &lt;report&gt; &amp; notes</a>\n• Ferry times",
            html);
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
