using CorpusBot.Core.Feeds;
using CorpusBot.Core.Hosting;
using CorpusBot.Core.Storage;
using CorpusBot.Feeds;
using CorpusBot.Hosting;
using CorpusBot.Tests.Telegram.Fakes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace CorpusBot.Tests.Feeds;

/// <summary>Feeds and re-checks against a loopback server whose feed changes between polls, answers 304, fails with 500 and times out.</summary>
public sealed class FeedPollerTests : IAsyncLifetime
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 1, 22, 9, 0, 0, TimeSpan.Zero));
    private readonly string directory = Path.Combine(Path.GetTempPath(), "corpusbot-feeds-" + Guid.NewGuid().ToString("N"));
    private FeedServer server = null!;
    private IHost host = null!;

    public async Task InitializeAsync()
    {
        server = await FeedServer.StartAsync();
        Directory.CreateDirectory(Path.Combine(directory, "seeds"));
        host = await StartHostAsync("feeds.db", fetchTimeoutSeconds: 20);
        server.ServePage("/a1.html", "Pier rebuilt", "The Kelvo pier was rebuilt in 2024.");
        server.ServePage("/a2.html", "Ferry", "The ferry to Lida runs twice a day.");
        server.ServePage("/a3.html", "Harbour master", "Ilse Varga is the harbour master.");
    }

    public async Task DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
        await server.DisposeAsync();
        BotHarness.DeleteDirectory(directory);
    }

    [Fact]
    public async Task Poll_FeedChanged_OnlyNewItemsFetched_StoredWithUrlAndDate_AuditedUnderFeedName()
    {
        ServeFeed(etag: null, A2, A1);
        var follow = await FollowAsync();

        ServeFeed(etag: null, A3, A2, A1);
        var second = await Poller.PollAsync(await CurrentAsync(follow.Feed!), CancellationToken.None);

        Assert.Equal((2, 0), (follow.FirstPoll!.Added, follow.FirstPoll.Failed));
        Assert.Equal((1, 0), (second.Added, second.Failed));
        Assert.Equal(1, server.Count("/a1.html"));
        Assert.Equal(1, server.Count("/a3.html"));
        Assert.Equal(1, server.Count("/feed.xml") - 1); // followed with one fetch, polled with one more
        Assert.Equal("2026-01-20", await StringAsync($"SELECT published FROM documents WHERE url = '{server.BaseUrl}/a1.html'"));
        Assert.Equal("Pier rebuilt", await StringAsync($"SELECT title FROM documents WHERE url = '{server.BaseUrl}/a1.html'"));
        Assert.Equal(3L, await ScalarAsync("SELECT count(*) FROM audit_log WHERE action = 'add' AND actor = 'feed:Kelvo News'"));
        Assert.Equal(1L, await ScalarAsync("SELECT count(*) FROM audit_log WHERE action = 'follow' AND actor = 'test'"));
        var listed = Assert.Single(await Feeds.ListAsync(CancellationToken.None));
        Assert.Equal((3, (string?)null, "Kelvo News", clock.GetUtcNow()), (listed.Items, listed.LastError, listed.Title, listed.CheckedAt));
    }

    [Fact]
    public async Task Poll_Publisher_FromThePage_ElseTheFeedsName()
    {
        server.Serve("/a2.html", "text/html", """
            <html><head><title>Ferry</title><meta property="og:site_name" content="Kelvo Herald"></head>
            <body><p>The ferry to Lida runs twice a day.</p></body></html>
            """);
        ServeFeed(etag: null, A2, A1);

        await FollowAsync();

        Assert.Equal("Kelvo Herald", await StringAsync($"SELECT source FROM documents WHERE url = '{server.BaseUrl}/a2.html'"));
        Assert.Equal("Kelvo News", await StringAsync($"SELECT source FROM documents WHERE url = '{server.BaseUrl}/a1.html'"));
    }

    [Fact]
    public async Task Poll_Unchanged_ConditionalGetAnswered304_NothingFetched()
    {
        ServeFeed(etag: "\"v1\"", A1);
        var follow = await FollowAsync();

        var again = await Poller.PollAsync(await CurrentAsync(follow.Feed!), CancellationToken.None);

        Assert.True(again.NotModified);
        Assert.Equal("\"v1\"", server.Requests.Last(r => r.Path == "/feed.xml").IfNoneMatch);
        Assert.Equal(1, server.Count("/a1.html"));
        Assert.Equal(1L, await ScalarAsync("SELECT count(*) FROM documents"));
    }

    [Fact]
    public async Task Poll_MoreNewItemsThanThePerPollCap_RestComeNextPoll_Not304()
    {
        ServeFeed(etag: "\"v1\"", A3, A2, A1);
        var follow = await FollowAsync();

        var second = await Poller.PollAsync(await CurrentAsync(follow.Feed!), CancellationToken.None);

        Assert.Equal(2, follow.FirstPoll!.Added); // Feeds:MaxItemsPerPoll = 2, oldest first
        Assert.Equal(1L, await ScalarAsync($"SELECT count(*) FROM documents WHERE url = '{server.BaseUrl}/a1.html'"));
        Assert.False(second.NotModified);
        Assert.Equal(1, second.Added);
        Assert.Equal(3L, await ScalarAsync("SELECT count(*) FROM documents"));
    }

    [Fact]
    public async Task Poll_ItemAlreadyInTheCorpus_FromAnotherFeed_NotFetchedAgain()
    {
        ServeFeed(etag: null, A1);
        await FollowAsync();
        server.Serve("/other.xml", "application/rss+xml", FeedServer.Rss("Other News", server.BaseUrl, A2, A1));

        var other = await Poller.FollowAsync(new Uri(server.BaseUrl + "/other.xml"), "test", CancellationToken.None);

        Assert.Equal((1, 0), (other.FirstPoll!.Added, other.FirstPoll.Failed));
        Assert.Equal(1, server.Count("/a1.html"));
        Assert.Equal(2, (await Feeds.GetAsync(other.Feed!.Id, CancellationToken.None))!.Items);
        Assert.Equal(2L, await ScalarAsync("SELECT count(*) FROM documents"));
        Assert.Equal("Kelvo News", await StringAsync($"SELECT source FROM documents WHERE url = '{server.BaseUrl}/a1.html'"));
        Assert.Equal(0L, await ScalarAsync("SELECT count(*) FROM audit_log WHERE action = 'update'"));
    }

    [Fact]
    public async Task Poll_FeedFails500_ErrorKept_BackedOff_OtherFeedsStillPolled()
    {
        server.Routes["/broken.xml"] = context =>
        {
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            return Task.CompletedTask;
        };
        var broken = (await Feeds.AddAsync(new Uri(server.BaseUrl + "/broken.xml"), "Broken", "test", CancellationToken.None))!;
        ServeFeed(etag: null, A1);
        var good = (await Feeds.AddAsync(new Uri(server.BaseUrl + "/feed.xml"), null, "test", CancellationToken.None))!;

        var results = await Poller.PollDueAsync(CancellationToken.None);

        Assert.Equal(2, results.Count);
        Assert.Equal("the server answered 500", results.Single(r => r.FeedId == broken.Id).Error);
        Assert.Equal(1, results.Single(r => r.FeedId == good.Id).Added);
        var failing = (await Feeds.GetAsync(broken.Id, CancellationToken.None))!;
        Assert.Equal((1, "the server answered 500"), (failing.Failures, failing.LastError));
        Assert.Equal(clock.GetUtcNow() + TimeSpan.FromSeconds(10), failing.NextCheckAt); // twice Feeds:Interval after one failure
        Assert.Contains("failing (1×): the server answered 500", FeedListing.Describe(failing), StringComparison.Ordinal);

        clock.Advance(TimeSpan.FromSeconds(5));
        Assert.DoesNotContain(await Feeds.DueAsync(CancellationToken.None), f => f.Id == broken.Id);
        clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Contains(await Feeds.DueAsync(CancellationToken.None), f => f.Id == broken.Id);
    }

    [Fact]
    public async Task Poll_FeedTimesOut_ErrorSaysSo()
    {
        // Its own host with a 1 s fetch timeout; the others keep the default, so a loaded machine cannot fail them.
        using var impatient = await StartHostAsync("impatient.db", fetchTimeoutSeconds: 1);
        var release = new TaskCompletionSource();
        server.Routes["/slow.xml"] = async context => await release.Task.WaitAsync(context.RequestAborted);
        var feeds = impatient.Services.GetRequiredService<FeedStore>();
        var slow = (await feeds.AddAsync(new Uri(server.BaseUrl + "/slow.xml"), "Slow", "test", CancellationToken.None))!;

        var result = await impatient.Services.GetRequiredService<FeedPoller>().PollAsync(slow, CancellationToken.None);
        release.SetResult();
        await impatient.StopAsync();

        Assert.Equal("no answer within 1 s", result.Error);
        Assert.Equal("no answer within 1 s", (await feeds.GetAsync(slow.Id, CancellationToken.None))!.LastError);
    }

    [Fact]
    public async Task Poll_SameFeedTwiceAtOnce_SecondSkipped_FetchedOnce()
    {
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var body = FeedServer.Rss("Kelvo News", server.BaseUrl, A1);
        server.Routes["/feed.xml"] = async context =>
        {
            entered.TrySetResult();
            await release.Task;
            context.Response.ContentType = "application/rss+xml";
            await context.Response.WriteAsync(body);
        };
        var feed = (await Feeds.AddAsync(new Uri(server.BaseUrl + "/feed.xml"), null, "test", CancellationToken.None))!;

        var first = Poller.PollAsync(feed, CancellationToken.None);
        await entered.Task;
        var second = await Poller.PollAsync(feed, CancellationToken.None);
        release.SetResult();

        Assert.True(second.Skipped);
        Assert.Equal(1, (await first).Added);
        Assert.Equal(1, server.Count("/feed.xml"));
    }

    [Fact]
    public async Task Poll_WhileAnotherProcessPollsTheFeed_Skipped_NotFetched()
    {
        ServeFeed(etag: null, A1);
        var feed = (await Feeds.AddAsync(new Uri(server.BaseUrl + "/feed.xml"), null, "test", CancellationToken.None))!;
        var database = host.Services.GetRequiredService<SqliteConnectionFactory>().DatabasePath;

        FeedPollResult whileHeld;
        using (FeedPollLock.TryAcquire(database, feed.Id)) // as `corpusbot feeds poll` in another process would hold it
        {
            whileHeld = await Poller.PollAsync(feed, CancellationToken.None);
        }

        var after = await Poller.PollAsync(feed, CancellationToken.None);
        Assert.True(whileHeld.Skipped);
        Assert.Equal(1, after.Added);
        Assert.Equal(1, server.Count("/feed.xml"));
        Assert.True(await Feeds.RemoveAsync(feed.Id, "test", CancellationToken.None));
        Assert.False(File.Exists(FeedPollLock.PathFor(database, feed.Id)));
    }

    [Fact]
    public async Task Follow_PageThatIsNotAFeed_RefusedNamingIt_NothingStored()
    {
        var result = await Poller.FollowAsync(new Uri(server.BaseUrl + "/a1.html"), "test", CancellationToken.None);

        Assert.Null(result.Feed);
        Assert.StartsWith($"{server.BaseUrl}/a1.html is not an RSS or Atom feed", result.Error, StringComparison.Ordinal);
        Assert.Empty(await Feeds.ListAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Follow_MalformedFeed_RefusedWithTheReason()
    {
        server.Routes["/bad.xml"] = context => context.Response.WriteAsync("<rss version=\"2.0\"><channel><title>Cut off</title><item><title>x");

        var result = await Poller.FollowAsync(new Uri(server.BaseUrl + "/bad.xml"), "test", CancellationToken.None);

        Assert.Null(result.Feed);
        Assert.StartsWith($"{server.BaseUrl}/bad.xml is not an RSS or Atom feed (", result.Error, StringComparison.Ordinal);
        Assert.Empty(await Feeds.ListAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Follow_Twice_SecondRefused()
    {
        ServeFeed(etag: null, A1);
        await FollowAsync();

        var again = await Poller.FollowAsync(new Uri(server.BaseUrl + "/feed.xml"), "test", CancellationToken.None);

        Assert.Equal($"{server.BaseUrl}/feed.xml is already followed", again.Error);
        Assert.Single(await Feeds.ListAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Entry_WhosePageFails_TriedAgain_ThenGivenUp()
    {
        ServeFeed(etag: null, ("/gone.html", "Gone", "Tue, 20 Jan 2026 08:00:00 GMT"));
        var follow = await FollowAsync();
        for (var i = 0; i < 3; i++)
        {
            await Poller.PollAsync(await CurrentAsync(follow.Feed!), CancellationToken.None);
        }

        Assert.Equal(1, follow.FirstPoll!.Failed);
        Assert.Equal(3, server.Count("/gone.html")); // Feeds:MaxItemAttempts = 3: the first poll and two more
        Assert.Contains("404", await StringAsync("SELECT error FROM feed_items"), StringComparison.Ordinal);
        var listed = FeedListing.Describe((await Feeds.GetAsync(follow.Feed!.Id, CancellationToken.None))!);
        Assert.EndsWith($"items: 0 · ok\n1 item(s) not stored; latest: {server.BaseUrl}/gone.html: the server answered 404", listed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unfollow_Audited_DocumentsStay()
    {
        ServeFeed(etag: null, A1);
        var follow = await FollowAsync();

        Assert.True(await Feeds.RemoveAsync(follow.Feed!.Id, "remover", CancellationToken.None));
        Assert.False(await Feeds.RemoveAsync(follow.Feed.Id, "remover", CancellationToken.None));

        Assert.Empty(await Feeds.ListAsync(CancellationToken.None));
        Assert.Equal(1L, await ScalarAsync("SELECT count(*) FROM documents"));
        Assert.Equal(1L, await ScalarAsync("SELECT count(*) FROM audit_log WHERE action = 'unfollow' AND actor = 'remover'"));
    }

    [Fact]
    public async Task Refresh_ChangedPage_UpdatedInPlace_UnchangedIs304_AuditedUnderFeedName()
    {
        ServeFeed(etag: null, A1);
        await FollowAsync();
        var id = await StringAsync("SELECT id FROM documents");
        server.ServePage("/a1.html", "Pier rebuilt", "The Kelvo pier was rebuilt in 2025.", etag: "\"p2\"");

        var early = await Poller.RefreshDueAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromHours(24));
        var changed = await Poller.RefreshDueAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromHours(24));
        var unchanged = await Poller.RefreshDueAsync(CancellationToken.None);

        Assert.Equal((0, 1, 0), (early, changed, unchanged));
        Assert.Equal(3, server.Count("/a1.html")); // the first fetch, the changed copy, the 304
        Assert.Equal(id, await StringAsync("SELECT id FROM documents"));
        Assert.Equal("The Kelvo pier was rebuilt in 2025.", await StringAsync("SELECT text FROM documents"));
        Assert.Equal("2026-01-20", await StringAsync("SELECT published FROM documents")); // the feed's date is kept
        Assert.Equal("\"p2\"", server.Requests.Last(r => r.Path == "/a1.html").IfNoneMatch);
        Assert.Equal(1L, await ScalarAsync("SELECT count(*) FROM audit_log WHERE action = 'update' AND actor = 'feed:Kelvo News'"));
    }

    [Fact]
    public async Task Refresh_Limited_LongestUncheckedFirst_RestNextTime()
    {
        ServeFeed(etag: null, A2, A1);
        await FollowAsync();
        server.ServePage("/a1.html", "Pier rebuilt", "The Kelvo pier was rebuilt in 2025.");
        server.ServePage("/a2.html", "Ferry", "The ferry to Lida runs once a day.");
        clock.Advance(TimeSpan.FromHours(25));

        var first = await Poller.RefreshDueAsync(1, CancellationToken.None);
        var second = await Poller.RefreshDueAsync(1, CancellationToken.None);
        var third = await Poller.RefreshDueAsync(1, CancellationToken.None);

        Assert.Equal((1, 1, 0), (first, second, third));
        Assert.Equal(2L, await ScalarAsync("SELECT count(*) FROM audit_log WHERE action = 'update'"));
    }

    [Fact]
    public async Task Refresh_SameTextWithoutValidators_NoOp()
    {
        ServeFeed(etag: null, A1);
        await FollowAsync();
        clock.Advance(TimeSpan.FromHours(25));

        var changed = await Poller.RefreshDueAsync(CancellationToken.None);

        Assert.Equal(0, changed);
        Assert.Equal(2, server.Count("/a1.html"));
        Assert.Equal(0L, await ScalarAsync("SELECT count(*) FROM audit_log WHERE action = 'update'"));
    }

    [Fact]
    public async Task Refresh_PageNowFails_DocumentKept_ErrorRecorded()
    {
        ServeFeed(etag: null, A1);
        await FollowAsync();
        server.Routes.TryRemove("/a1.html", out _);
        clock.Advance(TimeSpan.FromHours(25));

        Assert.Equal(0, await Poller.RefreshDueAsync(CancellationToken.None));

        Assert.Equal("The Kelvo pier was rebuilt in 2024.", await StringAsync("SELECT text FROM documents"));
        Assert.Contains("404", await StringAsync("SELECT last_error FROM document_sources"), StringComparison.Ordinal);
    }

    private static readonly (string Path, string Title, string PubDate) A1 = ("/a1.html", "Pier rebuilt", "Tue, 20 Jan 2026 08:00:00 GMT");
    private static readonly (string Path, string Title, string PubDate) A2 = ("/a2.html", "Ferry", "Wed, 21 Jan 2026 08:00:00 GMT");
    private static readonly (string Path, string Title, string PubDate) A3 = ("/a3.html", "Harbour master", "Thu, 22 Jan 2026 08:00:00 GMT");

    /// <summary>The app's host (no bot) on the fake clock, with loopback fetches allowed.</summary>
    private async Task<IHost> StartHostAsync(string database, int fetchTimeoutSeconds)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Storage:DatabasePath"] = Path.Combine(directory, database),
            ["Embeddings:Provider"] = "Lexical",
            ["Fetch:AllowPrivateAddresses"] = "true",
            ["Fetch:TimeoutSeconds"] = fetchTimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Feeds:Interval"] = "00:00:05",
            ["Feeds:MaxItemsPerPoll"] = "2",
        };
        var builder = CorpusBotHost.CreateBuilder([], settings, new ContentRoot(directory));
        builder.Services.AddSingleton<TimeProvider>(clock);
        var started = builder.Build();
        await started.StartAsync();
        await started.Services.GetRequiredService<CorpusInitializer>().InitializeAsync(seedIfEmpty: false, CancellationToken.None);
        return started;
    }

    private FeedPoller Poller => host.Services.GetRequiredService<FeedPoller>();

    private FeedStore Feeds => host.Services.GetRequiredService<FeedStore>();

    private async Task<FollowResult> FollowAsync()
    {
        var result = await Poller.FollowAsync(new Uri(server.BaseUrl + "/feed.xml"), "test", CancellationToken.None);
        return result.Feed is null ? throw new InvalidOperationException(result.Error) : result;
    }

    private async Task<Feed> CurrentAsync(Feed feed) => (await Feeds.GetAsync(feed.Id, CancellationToken.None))!;

    private void ServeFeed(string? etag, params (string Path, string Title, string PubDate)[] items) =>
        server.Serve("/feed.xml", "application/rss+xml", FeedServer.Rss("Kelvo News", server.BaseUrl, items), etag);

    private async Task<object?> QueryAsync(string sql)
    {
        await using var connection = await host.Services.GetRequiredService<SqliteConnectionFactory>().OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    private async Task<string?> StringAsync(string sql) => (string?)await QueryAsync(sql);

    private async Task<long> ScalarAsync(string sql) => (long)(await QueryAsync(sql))!;
}
