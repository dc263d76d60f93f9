using System.Text;
using CorpusBot.Core.Feeds;

namespace CorpusBot.Core.Tests.Feeds;

/// <summary>RSS and Atom as real feeds write them: loose dates, ids that are not links, entries without links.</summary>
public sealed class FeedParserTests
{
    [Fact]
    public void Atom_EntriesWithLinksTitlesAndDates()
    {
        var (title, entries) = Parse("""
            <feed xmlns="http://www.w3.org/2005/Atom"><title>Kelvo Herald</title><id>urn:herald</id><updated>2026-01-22T10:00:00Z</updated>
              <entry><id>urn:herald:2</id><title>Ferry</title><link rel="alternate" href="https://herald.example/ferry"/><updated>2026-01-21T08:00:00+02:00</updated></entry>
              <entry><id>https://herald.example/pier</id><title>Pier</title><published>2026-01-20T08:00:00Z</published><updated>2026-01-22T08:00:00Z</updated></entry>
            </feed>
            """);

        Assert.Equal("Kelvo Herald", title);
        Assert.Equal(
            [
                new FeedEntry("urn:herald:2", new Uri("https://herald.example/ferry"), "Ferry", "2026-01-21"),
                new FeedEntry("https://herald.example/pier", new Uri("https://herald.example/pier"), "Pier", "2026-01-20"),
            ],
            entries);
    }

    [Theory]
    [InlineData("Tue, 20 Jan 2026 08:00:00 GMT", "2026-01-20")]
    [InlineData("20 Jan 2026 08:00:00 +0000", "2026-01-20")]
    [InlineData("Tue, 20 Jan 2026 23:30:00 EST", "2026-01-20")] // the date as the publisher wrote it, not moved to UTC
    [InlineData("2026-01-20T08:00:00Z", "2026-01-20")]
    [InlineData("sometime last week", null)]
    public void Rss_LooseDates_ReadOrLeftOut_NeverFatal(string pubDate, string? expected)
    {
        var (_, entries) = Parse($"""
            <rss version="2.0"><channel><title>T</title><link>https://n.example/</link><description>d</description>
            <item><title>A</title><link>https://n.example/a</link><pubDate>{pubDate}</pubDate></item></channel></rss>
            """);

        Assert.Equal(expected, Assert.Single(entries).Published);
    }

    [Fact]
    public void Rss_EntryWithoutLinkOrGuid_LeftOut_NonHttpLinkKeptWithoutUrl()
    {
        var (_, entries) = Parse("""
            <rss version="2.0"><channel><title>T</title><link>https://n.example/</link><description>d</description>
            <item><title>No link</title><description>Text only</description></item>
            <item><title>Mail</title><link>mailto:desk@n.example</link><guid isPermaLink="false">m1</guid></item>
            </channel></rss>
            """);

        var entry = Assert.Single(entries);
        Assert.Equal(("m1", (Uri?)null), (entry.Key, entry.Url));
    }

    [Fact]
    public void RelativeLinks_ResolvedAgainstTheFeedsUrl()
    {
        var (_, entries) = FeedParser.Parse(
            Encoding.UTF8.GetBytes("""
                <feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><id>urn:t</id><updated>2026-01-22T10:00:00Z</updated>
                  <entry><id>urn:t:1</id><title>Pier</title><link href="/news/pier"/><updated>2026-01-22T08:00:00Z</updated></entry>
                </feed>
                """),
            new Uri("https://herald.example/feeds/atom.xml"));

        Assert.Equal(new Uri("https://herald.example/news/pier"), Assert.Single(entries).Url);
    }

    [Theory]
    [InlineData("<html><body><p>Hello</p></body></html>", "not an RSS or Atom feed (its root element is <html>)")]
    [InlineData("<!DOCTYPE rss [<!ENTITY x \"y\">]><rss/>", "not an RSS or Atom feed (")]
    [InlineData("<rss version=\"2.0\"><channel><title>Cut", "not an RSS or Atom feed (")]
    [InlineData("plain text", "not an RSS or Atom feed (")]
    public void NotAFeed_RefusedWithTheReason(string content, string expected)
    {
        var error = Assert.Throws<FeedFormatException>(() => Parse(content));

        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }

    private static (string? Title, IReadOnlyList<FeedEntry> Entries) Parse(string xml) => FeedParser.Parse(Encoding.UTF8.GetBytes(xml));
}
