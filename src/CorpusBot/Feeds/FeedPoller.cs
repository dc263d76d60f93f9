using System.Collections.Concurrent;
using CorpusBot.Core.Documents;
using CorpusBot.Core.Feeds;
using CorpusBot.Core.Fetching;
using CorpusBot.Core.Ingestion;
using CorpusBot.Core.Ingestion.Readers;
using CorpusBot.Core.Storage;
using CorpusBot.Telegram.Uploads;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CorpusBot.Feeds;

/// <summary>
/// Polls feeds and re-checks documents added from a URL. Every fetch goes through <see cref="SafeFetcher"/>
/// (the same address rules as /add URL) with a conditional GET; a 304 costs nothing. New entries are
/// fetched like /add URL, dated from the feed when the page has no date, stored with their URL, and
/// audited under the feed's name. A feed is never fetched twice at once, in this process or by another
/// (<see cref="FeedPollLock"/>); a failing feed backs off and its error is kept for /feeds. One failing
/// feed or entry never stops the others.
/// </summary>
internal sealed partial class FeedPoller(
    FeedStore feeds,
    DocumentSourceStore sources,
    DocumentStore documents,
    SqliteConnectionFactory connections,
    SafeFetcher fetcher,
    UrlFetcher pages,
    DocumentIngestor ingestor,
    IOptions<FeedOptions> options,
    IOptions<IngestionOptions> corpus,
    ILogger<FeedPoller> logger)
{
    private readonly ConcurrentDictionary<long, byte> inFlight = new();
    private int refreshing; // 1 while a re-check runs: a second one is skipped, not queued

    /// <summary>
    /// Fetches and parses the feed before it is followed, so a page that is not a feed is refused up
    /// front with a reason naming it; then stores its current entries (the same fetch, not a second one).
    /// </summary>
    public async Task<FollowResult> FollowAsync(Uri url, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        FetchedPage page;
        string? title;
        try
        {
            page = await fetcher.FetchAsync(url, cancellationToken);
            (title, _) = FeedParser.Parse(page.Content, page.Url);
        }
        catch (FetchRefusedException e)
        {
            return new FollowResult(null, null, $"{url.AbsoluteUri} could not be fetched: {e.Message}");
        }
        catch (FeedFormatException e)
        {
            return new FollowResult(null, null, $"{url.AbsoluteUri} is {e.Message}");
        }

        var feed = await feeds.AddAsync(url, title, actor, cancellationToken);
        if (feed is null)
        {
            return new FollowResult(null, null, $"{url.AbsoluteUri} is already followed");
        }

        return new FollowResult(feed, await GuardedAsync(feed, page, cancellationToken), null);
    }

    /// <summary>Polls every feed whose next check is due.</summary>
    public async Task<IReadOnlyList<FeedPollResult>> PollDueAsync(CancellationToken cancellationToken)
    {
        var results = new List<FeedPollResult>();
        foreach (var feed in await feeds.DueAsync(cancellationToken))
        {
            results.Add(await PollAsync(feed, cancellationToken));
        }

        return results;
    }

    /// <summary>Polls one feed now; skipped (not waited for) when a poll of it is already running.</summary>
    public Task<FeedPollResult> PollAsync(Feed feed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(feed);
        return GuardedAsync(feed, null, cancellationToken);
    }

    /// <summary>
    /// Re-checks documents added from a URL that were not checked within Corpus:RefreshInterval, each
    /// with a conditional GET; a changed page replaces the document in place (same id), unchanged text
    /// is a no-op. Returns how many documents changed; 0 when a re-check is already running.
    /// </summary>
    public Task<int> RefreshDueAsync(CancellationToken cancellationToken) => RefreshDueAsync(int.MaxValue, cancellationToken);

    /// <summary>As <see cref="RefreshDueAsync(CancellationToken)"/>, for at most <paramref name="limit"/> documents, the longest unchecked first.</summary>
    /// <param name="limit">The bot's poller takes a few per tick, so that feeds are not held up.</param>
    public async Task<int> RefreshDueAsync(int limit, CancellationToken cancellationToken)
    {
        var interval = corpus.Value.RefreshInterval;
        if (interval <= TimeSpan.Zero || Interlocked.Exchange(ref refreshing, 1) == 1)
        {
            return 0;
        }

        try
        {
            var changed = 0;
            foreach (var source in await sources.DueAsync(interval, limit, cancellationToken))
            {
                try
                {
                    changed += await RefreshAsync(source, cancellationToken) ? 1 : 0;
                }
                catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    // One document's failure (an embedder outage, say) must not stop the others; it is tried next interval.
                    LogRefreshFailed(logger, source.DocumentId, e.Message);
                    await sources.RecordErrorAsync(source.DocumentId, e.Message, cancellationToken);
                }
            }

            return changed;
        }
        finally
        {
            Volatile.Write(ref refreshing, 0);
        }
    }

    private async Task<bool> RefreshAsync(DocumentSource source, CancellationToken cancellationToken)
    {
        var fetch = await pages.FetchAsync(source.Url, source.ETag, source.LastModified, cancellationToken);
        if (fetch.NotModified)
        {
            await sources.TrackAsync(source.DocumentId, source.Url, source.Actor, fetch.ETag, fetch.LastModified, cancellationToken);
            return false;
        }

        if (fetch.Result.Document is not { } document)
        {
            var error = fetch.Result.Error ?? "the page could not be read";
            LogRefreshFailed(logger, source.DocumentId, error);
            await sources.RecordErrorAsync(source.DocumentId, error, cancellationToken);
            return false;
        }

        // Keep what the page itself does not say (a feed's title, date and name), so an unchanged page stays unchanged.
        var stored = await documents.GetAsync(source.DocumentId, cancellationToken);
        var current = document with
        {
            Id = source.DocumentId,
            Title = stored is not null && document.Title == source.Url.AbsoluteUri ? stored.Title : document.Title,
            Published = document.Published ?? stored?.Published,
            Source = stored is not null && document.Source == source.Url.Host ? stored.Source : document.Source,
        };
        var outcome = await ingestor.IngestAsync(current, source.Url.AbsoluteUri, source.Actor, cancellationToken);
        if (outcome.Status == IngestStatus.Rejected)
        {
            await sources.RecordErrorAsync(source.DocumentId, outcome.Reason ?? "rejected", cancellationToken);
            return false;
        }

        await sources.TrackAsync(source.DocumentId, source.Url, source.Actor, fetch.ETag, fetch.LastModified, cancellationToken);
        return outcome.Status == IngestStatus.Updated;
    }

    private async Task<FeedPollResult> GuardedAsync(Feed feed, FetchedPage? fetched, CancellationToken cancellationToken)
    {
        if (!inFlight.TryAdd(feed.Id, 0))
        {
            return FeedPollResult.Busy(feed.Id, feed.Title);
        }

        using var crossProcess = FeedPollLock.TryAcquire(connections.DatabasePath, feed.Id);
        if (crossProcess is null)
        {
            inFlight.TryRemove(feed.Id, out _);
            return FeedPollResult.Busy(feed.Id, feed.Title);
        }

        try
        {
            return await PollOnceAsync(feed, fetched, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Not the feed's fault (the embedder or the disk): kept for /feeds and backed off like any failure.
            var error = $"its entries could not be stored ({e.Message})";
            LogFeedFailed(logger, feed.Id, feed.Url.AbsoluteUri, error);
            await feeds.RecordFailureAsync(feed, error, options.Value.Interval, options.Value.MaxBackOff, cancellationToken);
            return new FeedPollResult(feed.Id, feed.Title, 0, 0, NotModified: false, error);
        }
        finally
        {
            inFlight.TryRemove(feed.Id, out _);
        }
    }

    private async Task<FeedPollResult> PollOnceAsync(Feed feed, FetchedPage? fetched, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        FetchedPage page;
        string? title;
        IReadOnlyList<FeedEntry> entries;
        try
        {
            page = fetched ?? await fetcher.FetchAsync(feed.Url, feed.ETag, feed.LastModified, cancellationToken);
            if (page.NotModified)
            {
                await feeds.RecordSuccessAsync(feed.Id, null, page.ETag, page.LastModified, 0, settings.Interval, cancellationToken);
                return new FeedPollResult(feed.Id, feed.Title, 0, 0, NotModified: true, null);
            }

            (title, entries) = FeedParser.Parse(page.Content, page.Url);
        }
        catch (Exception e) when (e is FetchRefusedException or FeedFormatException)
        {
            LogFeedFailed(logger, feed.Id, feed.Url.AbsoluteUri, e.Message);
            await feeds.RecordFailureAsync(feed, e.Message, settings.Interval, settings.MaxBackOff, cancellationToken);
            return new FeedPollResult(feed.Id, feed.Title, 0, 0, NotModified: false, e.Message);
        }

        var named = feed with { Title = title ?? feed.Title };
        var settled = await feeds.SettledKeysAsync(feed.Id, settings.MaxItemAttempts, cancellationToken);
        var pending = entries.Where(e => !settled.Contains(e.Key)).DistinctBy(e => e.Key).ToList();
        int added = 0, known = 0, failed = 0;
        // Oldest first (feeds list newest first), so documents are added in the order they were published.
        foreach (var entry in pending.Take(settings.MaxItemsPerPoll).Reverse())
        {
            var (isNew, error) = await IngestEntryAsync(named, entry, cancellationToken);
            added += error is null && isNew ? 1 : 0;
            known += error is null && !isNew ? 1 : 0;
            failed += error is null ? 0 : 1;
        }

        // The validators are kept only when nothing is left for the next poll: a 304 must not hide
        // entries beyond Feeds:MaxItemsPerPoll or entries to be tried again.
        var complete = pending.Count <= settings.MaxItemsPerPoll && failed == 0;
        await feeds.RecordSuccessAsync(
            feed.Id, title, complete ? page.ETag : null, complete ? page.LastModified : null, added + known, settings.Interval, cancellationToken);
        LogFeedPolled(logger, feed.Id, entries.Count, added, failed);
        return new FeedPollResult(feed.Id, named.Title, added, failed, NotModified: false, null);
    }

    /// <summary>
    /// Fetches and stores one entry: whether it became a new document, or the error recorded for it
    /// (tried again next poll). An entry already in the corpus is not fetched: IsNew false, no error.
    /// </summary>
    private async Task<(bool IsNew, string? Error)> IngestEntryAsync(Feed feed, FeedEntry entry, CancellationToken cancellationToken)
    {
        string? error;
        string? documentId = null;
        var isNew = false;
        if (entry.Url is null)
        {
            error = "the entry has no link";
        }
        else if (await documents.GetAsync(UrlFetcher.IdOf(entry.Url), cancellationToken) is { } stored)
        {
            // Already in the corpus (another feed, or /add URL): not fetched again; the scheduled re-check keeps it fresh.
            error = null;
            documentId = stored.Id;
        }
        else
        {
            var fetch = await pages.FetchAsync(entry.Url, null, null, cancellationToken);
            if (fetch.Result.Document is { } document)
            {
                var dated = document with
                {
                    Published = document.Published ?? entry.Published,
                    Title = document.Title == entry.Url.AbsoluteUri && entry.Title is { Length: > 0 } t ? t : document.Title,
                    // A page that names no publisher gets the feed's name rather than its host name.
                    Source = document.Source == entry.Url.Host && feed.Title is { } name ? name : document.Source,
                };
                var outcome = await ingestor.IngestAsync(dated, entry.Url.AbsoluteUri, feed.Actor, cancellationToken);
                error = outcome.Status == IngestStatus.Rejected ? outcome.Reason ?? "rejected" : null;
                if (error is null)
                {
                    isNew = true;
                    documentId = outcome.DocumentId ?? dated.Id;
                    await sources.TrackAsync(documentId, entry.Url, feed.Actor, fetch.ETag, fetch.LastModified, cancellationToken);
                }
            }
            else
            {
                error = fetch.Result.Error ?? "the page could not be read";
            }
        }

        if (error is not null)
        {
            LogEntryFailed(logger, feed.Id, entry.Url?.AbsoluteUri ?? entry.Key, error);
        }

        await feeds.RecordItemAsync(feed.Id, entry, documentId, error, cancellationToken);
        return (isNew, error);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Feed {FeedId} ({Url}) failed: {Error}")]
    private static partial void LogFeedFailed(ILogger logger, long feedId, string url, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Feed {FeedId}: entry {Entry} not stored: {Error}")]
    private static partial void LogEntryFailed(ILogger logger, long feedId, string entry, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Feed {FeedId} polled: {Entries} entries, {Added} added, {Failed} failed")]
    private static partial void LogFeedPolled(ILogger logger, long feedId, int entries, int added, int failed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Re-checking document {DocumentId} failed: {Error}")]
    private static partial void LogRefreshFailed(ILogger logger, string documentId, string error);
}
