using CorpusBot.Core.Answering;
using CorpusBot.WebConsole.Documents;

namespace CorpusBot.Tests.WebConsole;

/// <summary>Highlighting checked against offsets, in UTF-16 code units, through emoji, Cyrillic and combining marks.</summary>
public sealed class QuoteHighlightTests
{
    /// <summary>Emoji (surrogate pairs, a ZWJ sequence), Cyrillic, and decomposed accents (base letter + combining mark) before the quote.</summary>
    public const string MixedText =
        "Госпиталь в Гомеле 🏥 принял раненых. Cafe\u0301 owners and the nai\u0308ve 👩‍⚕️ nurses watched. " +
        "Раненых российских военных лечили в Мозыре 🇧🇾 в январе. The end ✅.";

    public const string MixedQuote = "Раненых российских военных лечили в Мозыре 🇧🇾 в январе.";

    [Fact]
    public void QuoteInContext_CutsAtTheOffsets_ThroughEmojiAndCombiningMarks()
    {
        var start = MixedText.IndexOf(MixedQuote, StringComparison.Ordinal);
        var citation = new Citation("mixed", "Mixed", MixedQuote, start, start + MixedQuote.Length);
        // Passages overlap (one sentence is shared): the context is every passage the quote touches.
        var passages = new[] { new PassageSpan(0, 0, start + 5), new PassageSpan(1, start, MixedText.Length) };

        var shown = QuoteInContext.Build(citation, MixedText, passages);

        Assert.True(shown.Verified);
        Assert.Equal(MixedQuote, shown.Quote);
        Assert.Equal(MixedText[..start], shown.Before);
        Assert.Equal(0, shown.ContextStart);
        Assert.Equal(" The end ✅.", shown.After);
        Assert.Equal(MixedText, shown.Before + shown.Quote + shown.After);
    }

    [Fact]
    public void QuoteInContext_DocumentChanged_NotHighlighted()
    {
        var citation = new Citation("mixed", "Mixed", "Раненых", 5, 12);

        var shown = QuoteInContext.Build(citation, MixedText, []);

        Assert.False(shown.Verified);
        Assert.Equal(string.Empty, shown.Before + shown.After);
        Assert.False(QuoteInContext.Build(citation, null, []).Verified);
    }

    [Fact]
    public void DocumentHtml_MarkHoldsExactlyTheQuote_MarkersAddNoText()
    {
        var start = MixedText.IndexOf(MixedQuote, StringComparison.Ordinal);
        var end = start + MixedQuote.Length;
        // A passage starting inside the quote, one at its very start, one inside a surrogate pair.
        var emoji = MixedText.IndexOf("🏥", StringComparison.Ordinal);
        var passages = new[] { new PassageSpan(0, 0, 10), new PassageSpan(1, emoji + 1, 50), new PassageSpan(2, start, end), new PassageSpan(3, start + 8, end) };

        var segments = DocumentSegments.Build(MixedText, passages, (start, end));

        Assert.Equal(MixedText, string.Concat(segments.OfType<TextSegment>().Select(t => t.Text)));
        var inMark = segments.SkipWhile(s => s is not MarkStart).Skip(1).TakeWhile(s => s is not MarkEnd).OfType<TextSegment>();
        Assert.Equal(MixedQuote, string.Concat(inMark.Select(t => t.Text)));
        Assert.DoesNotContain(segments.OfType<TextSegment>(), t => char.IsLowSurrogate(t.Text[0]));
        var html = DocumentHtml.Render(segments);
        Assert.Contains("<mark id=\"quote\">Раненых <span class=\"passage-start\" id=\"passage-3\"", html, StringComparison.Ordinal);
        Assert.Contains("Cafe\u0301", html, StringComparison.Ordinal);
    }
}
