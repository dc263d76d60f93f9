using System.Globalization;
using CorpusBot.Core.Feeds;

namespace CorpusBot.Feeds;

/// <summary>How a feed is described to people, the same in /feeds and `corpusbot feeds list`.</summary>
internal static class FeedListing
{
    public const string None = "No feeds are followed. Follow one with /follow URL (or `corpusbot feeds add URL`).";

    public static string Describe(Feed feed)
    {
        ArgumentNullException.ThrowIfNull(feed);
        var checkedAt = feed.CheckedAt is { } at ? Time(at) : "never";
        var status = feed.LastError is { } error
            ? string.Create(CultureInfo.InvariantCulture, $"failing ({feed.Failures}×): {error}; next try {(feed.NextCheckAt is { } next ? Time(next) : "soon")}")
            : "ok";
        var items = feed.FailedItems == 0
            ? string.Empty
            : string.Create(CultureInfo.InvariantCulture, $"\n{feed.FailedItems} item(s) not stored; latest: {feed.LastItemError}");
        return string.Create(
            CultureInfo.InvariantCulture,
            $"#{feed.Id} {feed.Title ?? "(untitled)"}\n{feed.Url.AbsoluteUri}\nlast check: {checkedAt} · items: {feed.Items} · {status}{items}");
    }

    public static string Polled(FeedPollResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var name = $"#{result.FeedId} {result.Title ?? "(untitled)"}";
        return result switch
        {
            { Skipped: true } => $"{name}: already being fetched",
            { Error: { } error } => $"{name}: failed: {error}",
            { NotModified: true } => $"{name}: not modified",
            _ => string.Create(CultureInfo.InvariantCulture, $"{name}: {result.Added} new document(s){(result.Failed > 0 ? $", {result.Failed} item(s) could not be fetched" : string.Empty)}"),
        };
    }

    private static string Time(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
