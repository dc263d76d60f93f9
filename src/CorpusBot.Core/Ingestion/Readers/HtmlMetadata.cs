using System.Globalization;
using System.Text.Json;
using AngleSharp.Dom;

namespace CorpusBot.Core.Ingestion.Readers;

/// <summary>
/// What a news page says about itself: JSON-LD (NewsArticle, Article, BlogPosting, Report…), then
/// Open Graph and article:* properties, then plain &lt;meta&gt; names (author, date, citation_*, DC.*).
/// Read before hidden elements are dropped, since &lt;script type="application/ld+json"&gt; is one of them.
/// </summary>
internal static class HtmlMetadata
{
    private static readonly HashSet<string> ArticleTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle", "BackgroundNewsArticle",
        "BlogPosting", "Report", "ScholarlyArticle", "WebPage",
    };

    public static DocumentMetadata Read(IDocument page)
    {
        var ld = JsonLd(page);
        var title = ld.Title ?? Meta(page, "og:title", "twitter:title", "citation_title", "dc.title");
        var publisher = ld.Publisher ?? Meta(page, "og:site_name", "application-name", "citation_publisher", "dc.publisher");
        var author = ld.Author ?? Meta(page, "author", "article:author", "citation_author", "dc.creator", "byl");
        var published = IsoDate(ld.Published)
            ?? IsoDate(Meta(page, "article:published_time", "datePublished", "date", "pubdate", "publish-date", "citation_publication_date", "dc.date", "dc.date.issued", "og:published_time"))
            ?? IsoDate(page.QuerySelector("time[datetime]")?.GetAttribute("datetime"));
        return new DocumentMetadata(title, publisher, Url: null, published, author);
    }

    /// <summary>"2026-01-22T09:30:00+01:00", "2026-01-22" or "January 22, 2026" as "2026-01-22"; anything else null.</summary>
    public static string? IsoDate(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var trimmed = value.Trim();
        if (trimmed.Length >= 10 && DateOnly.TryParseExact(trimmed[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var iso))
        {
            return iso.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        return DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
            ? parsed.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : null;
    }

    private static string? Meta(IDocument page, params string[] names)
    {
        foreach (var name in names)
        {
            foreach (var meta in page.QuerySelectorAll("meta"))
            {
                var key = meta.GetAttribute("property") ?? meta.GetAttribute("name") ?? meta.GetAttribute("itemprop");
                if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase)
                    && meta.GetAttribute("content") is { } content && !string.IsNullOrWhiteSpace(content))
                {
                    return content.Trim();
                }
            }
        }

        return null;
    }

    private static (string? Title, string? Publisher, string? Author, string? Published) JsonLd(IDocument page)
    {
        foreach (var script in page.QuerySelectorAll("script[type='application/ld+json']"))
        {
            try
            {
                using var json = JsonDocument.Parse(script.TextContent, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
                if (FindArticle(json.RootElement) is { } article)
                {
                    return (
                        Name(article, "headline") ?? Name(article, "name"),
                        Name(article, "publisher"),
                        Name(article, "author"),
                        Name(article, "datePublished") ?? Name(article, "dateCreated"));
                }
            }
            catch (JsonException)
            {
                // Broken JSON-LD is common on real pages; the <meta> tags still count.
            }
        }

        return default;
    }

    /// <summary>The first object whose @type is an article type, searching arrays and @graph.</summary>
    private static JsonElement? FindArticle(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                if (FindArticle(item) is { } found)
                {
                    return found;
                }
            }

            return null;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        if (element.TryGetProperty("@type", out var type) && Types(type).Any(ArticleTypes.Contains))
        {
            return element;
        }

        return element.TryGetProperty("@graph", out var graph) ? FindArticle(graph) : null;
    }

    private static IEnumerable<string> Types(JsonElement type) =>
        type.ValueKind == JsonValueKind.String ? [type.GetString()!]
        : type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Where(t => t.ValueKind == JsonValueKind.String).Select(t => t.GetString()!)
        : [];

    /// <summary>A string property, or the "name" of an object (or of the first in an array) — how authors and publishers are given.</summary>
    private static string? Name(JsonElement element, string property)
    {
        if (!element.TryGetProperty(property, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString() is { Length: > 0 } s ? s.Trim() : null,
            JsonValueKind.Object => Name(value, "name"),
            JsonValueKind.Array => value.EnumerateArray()
                .Select(v => v.ValueKind == JsonValueKind.String ? v.GetString() : v.ValueKind == JsonValueKind.Object ? Name(v, "name") : null)
                .Where(n => !string.IsNullOrWhiteSpace(n))
                .Select(n => n!.Trim())
                .ToList() is { Count: > 0 } names ? string.Join(", ", names) : null,
            _ => null,
        };
    }
}
