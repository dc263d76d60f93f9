namespace CorpusBot.Feeds;

/// <summary>What one poll of a feed did: entries added, entries that failed, or why the feed itself failed.</summary>
public sealed record FeedPollResult(long FeedId, string? Title, int Added, int Failed, bool NotModified, string? Error, bool Skipped = false)
{
    /// <summary>Another poll of the same feed is running; this one did nothing.</summary>
    public static FeedPollResult Busy(long feedId, string? title) => new(feedId, title, 0, 0, false, null, Skipped: true);
}
