using CorpusBot.Core.Answering;
using CorpusBot.Telegram.Moderation;
using CorpusBot.Telegram.Sending;

namespace CorpusBot.Tests.Telegram.Moderation;

public sealed class ReviewCardTests
{
    public static TheoryData<string> HostileTexts => new()
    {
        new string('&', 700) + " Who ordered Belarusian doctors to treat wounded Russian soldiers?",
        new string('<', 2000),
        string.Concat(Enumerable.Repeat("&lt;b&gt;", 300)),
        string.Concat(Enumerable.Repeat("😀&", 900)),
        new string('x', 5000),
    };

    [Theory]
    [MemberData(nameof(HostileTexts))]
    public void Render_AnyText_FitsOneMessage_MeasuredOnTheHtml(string hostile)
    {
        var citations = Enumerable.Range(0, 6).Select(i => new Citation("doc-" + i, hostile, hostile, 0, hostile.Length, null)).ToList();
        var item = new ReviewItem(7, DateTimeOffset.UnixEpoch, hostile, false, null, hostile, citations, true, "pending");

        var html = ReviewCard.Render(item, [true, false, true], outcome: hostile);

        Assert.InRange(html.Length, 1, MessageSplitter.MaxLength);
        Assert.StartsWith("<b>Answer #7</b>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ShortItem_IsUnchanged_AndEscaped()
    {
        var item = new ReviewItem(3, DateTimeOffset.UnixEpoch, "a < b & c?", true, "no_evidence", "x", [], false, "pending");

        var html = ReviewCard.Render(item, []);

        Assert.Contains("<b>Question:</b> a &lt; b &amp; c?", html, StringComparison.Ordinal);
        Assert.Contains("<b>Refused</b> (no_evidence)", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("&&&&&&&&&&", 12)]
    [InlineData("a<b>c", 9)]
    [InlineData("plain text", 100)]
    public void EscapeWithin_NeverPassesTheLimit_AndNeverCutsAnEntity(string text, int limit)
    {
        var escaped = Html.EscapeWithin(text, limit);

        Assert.InRange(escaped.Length, 0, limit);
        Assert.DoesNotMatch("&[a-z]*$", escaped.TrimEnd('…'));
    }
}
