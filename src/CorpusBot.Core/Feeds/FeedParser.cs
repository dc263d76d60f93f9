using System.Globalization;
using System.ServiceModel.Syndication;
using System.Xml;

namespace CorpusBot.Core.Feeds;

/// <summary>
/// RSS 2.0 and Atom 1.0 to entries (System.ServiceModel.Syndication), with DTDs refused and sizes capped.
/// Dates are read leniently: real feeds write RFC 822 dates loosely, and one odd date must not cost the feed.
/// </summary>
public static class FeedParser
{
    /// <summary>The feed's title and entries, in the feed's order; throws <see cref="FeedFormatException"/> when it is not a feed.</summary>
    /// <param name="feedUrl">Where the feed came from: relative item links are resolved against it.</param>
    public static (string? Title, IReadOnlyList<FeedEntry> Entries) Parse(byte[] content, Uri? feedUrl = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersFromEntities = 0,
            MaxCharactersInDocument = 50_000_000,
        };
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            using var reader = XmlReader.Create(stream, settings);
            reader.MoveToContent();
            SyndicationFeedFormatter formatter = new Atom10FeedFormatter { DateTimeParser = ParseDate };
            if (!formatter.CanRead(reader))
            {
                formatter = new Rss20FeedFormatter { DateTimeParser = ParseDate };
            }

            if (!formatter.CanRead(reader))
            {
                throw new FeedFormatException($"not an RSS or Atom feed (its root element is <{reader.LocalName}>)");
            }

            formatter.ReadFrom(reader);
            var feed = formatter.Feed;
            var entries = feed.Items.Select(item => ToEntry(item, feedUrl)).OfType<FeedEntry>().ToList();
            return (feed.Title?.Text?.Trim() is { Length: > 0 } title ? title : null, entries);
        }
        catch (Exception e) when (e is XmlException or InvalidOperationException or FormatException or ArgumentException)
        {
            throw new FeedFormatException($"not an RSS or Atom feed ({e.Message.Split('\n')[0].Trim()})", e);
        }
    }

    private static FeedEntry? ToEntry(SyndicationItem item, Uri? feedUrl)
    {
        var first = item.Links.FirstOrDefault(l => l.RelationshipType is null or "alternate") ?? item.Links.FirstOrDefault();
        var link = first?.GetAbsoluteUri() ?? first?.Uri; // absolute with the feed's xml:base, if it has one
        if (link is { IsAbsoluteUri: false } && feedUrl is not null)
        {
            link = new Uri(feedUrl, link); // href="/news/pier" in a feed without xml:base
        }

        if (link is null && Uri.TryCreate(item.Id, UriKind.Absolute, out var idUrl))
        {
            link = idUrl; // RSS guid isPermaLink, or an Atom id that is a URL
        }

        if (link is not { IsAbsoluteUri: true } || (link.Scheme != Uri.UriSchemeHttp && link.Scheme != Uri.UriSchemeHttps))
        {
            link = null;
        }

        var key = !string.IsNullOrWhiteSpace(item.Id) ? item.Id.Trim() : link?.AbsoluteUri;
        if (key is null)
        {
            return null;
        }

        var date = item.PublishDate != default ? item.PublishDate : item.LastUpdatedTime;
        return new FeedEntry(
            key,
            link,
            item.Title?.Text?.Trim(),
            date == default ? null : date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    /// <summary>RFC 822 and ISO 8601 dates, with or without a day name; anything else is "no date" rather than an error.</summary>
    private static bool ParseDate(XmlDateTimeData data, out DateTimeOffset date)
    {
        var text = data.DateTimeString.Trim();
        var comma = text.IndexOf(',', StringComparison.Ordinal);
        var withoutDay = comma is > 0 and < 10 ? text[(comma + 1)..].Trim() : text;
        foreach (var (zone, offset) in Zones)
        {
            if (withoutDay.EndsWith(" " + zone, StringComparison.OrdinalIgnoreCase))
            {
                withoutDay = withoutDay[..^zone.Length] + offset;
                break;
            }
        }

        if (DateTimeOffset.TryParse(withoutDay, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal, out date)
            || DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal, out date))
        {
            return true;
        }

        date = default; // read as "no date": the page's own date, if any, is used instead
        return true;
    }

    private static readonly (string Zone, string Offset)[] Zones =
    [
        ("GMT", "+00:00"), ("UT", "+00:00"), ("UTC", "+00:00"), ("Z", "+00:00"),
        ("EST", "-05:00"), ("EDT", "-04:00"), ("CST", "-06:00"), ("CDT", "-05:00"),
        ("MST", "-07:00"), ("MDT", "-06:00"), ("PST", "-08:00"), ("PDT", "-07:00"),
    ];
}
