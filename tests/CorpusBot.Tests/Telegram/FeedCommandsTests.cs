using CorpusBot.Feeds;
using CorpusBot.Tests.Feeds;
using CorpusBot.Tests.Telegram.Fakes;
using Microsoft.Extensions.Time.Testing;
using static CorpusBot.Tests.Telegram.Fakes.TelegramUpdates;

namespace CorpusBot.Tests.Telegram;

/// <summary>/follow, /feeds and /unfollow through the real Telegram client, and the poller inside the bot on a fake clock.</summary>
public sealed class FeedCommandsTests : IAsyncLifetime
{
    private static readonly (string, string, string) Pier = ("/pier.html", "Pier rebuilt", "Tue, 20 Jan 2026 08:00:00 GMT");
    private static readonly (string, string, string) Ferry = ("/ferry.html", "Ferry", "Wed, 21 Jan 2026 08:00:00 GMT");
    private static readonly TimeSpan SlowMachine = TimeSpan.FromSeconds(60); // how long a poll may take on a loaded machine: a bound, not a speed claim
    private FeedServer server = null!;

    public async Task InitializeAsync()
    {
        server = await FeedServer.StartAsync();
        server.ServePage("/pier.html", "Pier rebuilt", "The Kelvo pier was rebuilt in 2024.");
        server.ServePage("/ferry.html", "Ferry", "The ferry to Lida runs twice a day.");
        ServeFeed(Pier);
    }

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task Follow_ListUnfollow_AsAMaintainerUsesThem()
    {
        await using var bot = await StartAsync();

        var followed = await bot.SendAsync(Text(Maintainer, $"/follow {server.BaseUrl}/feed.xml"), Maintainer);
        var listed = await bot.SendAsync(Text(Maintainer, "/feeds"), Maintainer);
        var unfollowed = await bot.SendAsync(Text(Maintainer, "/unfollow 1"), Maintainer);
        var unknown = await bot.SendAsync(Text(Maintainer, "/unfollow 1"), Maintainer);
        var none = await bot.SendAsync(Text(Maintainer, "/feeds"), Maintainer);

        Assert.Equal("Following #1 Kelvo News: 1 new document(s). New items are fetched every poll; /feeds lists the feeds, /unfollow 1 stops.", followed.Text);
        Assert.StartsWith($"#1 Kelvo News\n{server.BaseUrl}/feed.xml\nlast check: ", listed.Text, StringComparison.Ordinal);
        Assert.EndsWith("items: 1 · ok", listed.Text, StringComparison.Ordinal);
        Assert.Equal("Unfollowed feed #1. The documents it brought stay; /remove removes one.", unfollowed.Text);
        Assert.Equal("No feed #1. /feeds lists the feeds.", unknown.Text);
        Assert.StartsWith("No feeds are followed.", none.Text, StringComparison.Ordinal);
        Assert.Equal(1, await bot.ScalarAsync("SELECT count(*) FROM documents"));
        Assert.Equal($"{server.BaseUrl}/pier.html", await bot.StringAsync("SELECT url FROM documents"));
        Assert.Equal("2026-01-20", await bot.StringAsync("SELECT published FROM documents"));
        Assert.Equal(1, await bot.ScalarAsync($"SELECT count(*) FROM audit_log WHERE action = 'follow' AND actor = 'telegram:{Maintainer}'"));
        Assert.Equal(1, await bot.ScalarAsync("SELECT count(*) FROM audit_log WHERE action = 'add' AND actor = 'feed:Kelvo News'"));
    }

    [Theory]
    [InlineData("/follow", CorpusBot.Telegram.Commands.FeedCommands.FollowUsage)]
    [InlineData("/follow not a url", CorpusBot.Telegram.Commands.FeedCommands.FollowUsage)]
    [InlineData("/unfollow", CorpusBot.Telegram.Commands.FeedCommands.UnfollowUsage)]
    [InlineData("/unfollow two", CorpusBot.Telegram.Commands.FeedCommands.UnfollowUsage)]
    public async Task BadArguments_Usage(string command, string expected)
    {
        await using var bot = await StartAsync();

        var reply = await bot.SendAsync(Text(Maintainer, command), Maintainer);

        Assert.Equal(expected, reply.Text);
    }

    [Fact]
    public async Task Follow_PageThatIsNotAFeed_RefusedNamingIt()
    {
        await using var bot = await StartAsync();

        var reply = await bot.SendAsync(Text(Maintainer, $"/follow {server.BaseUrl}/pier.html"), Maintainer);

        Assert.StartsWith($"Not followed: {server.BaseUrl}/pier.html is not an RSS or Atom feed (its root element is <html>)", reply.Text, StringComparison.Ordinal);
        Assert.Equal(0, await bot.ScalarAsync("SELECT count(*) FROM feeds"));
    }

    [Fact]
    public async Task Follow_PrivateAddressWithoutTheTestSetting_RefusedByTheSameRulesAsAddUrl()
    {
        await using var bot = await BotHarness.StartAsync();

        var reply = await bot.SendAsync(Text(Maintainer, $"/follow {server.BaseUrl}/feed.xml"), Maintainer);

        Assert.StartsWith($"Not followed: {server.BaseUrl}/feed.xml could not be fetched: ", reply.Text, StringComparison.Ordinal);
        Assert.Equal(0, server.Count("/feed.xml"));
    }

    [Fact]
    public async Task FeedCommands_MaintainersOnly_PrivateChatsOnly()
    {
        await using var bot = await StartAsync();

        var stranger = await bot.SendAsync(Text(Stranger, $"/follow {server.BaseUrl}/feed.xml"), Stranger);
        var moderator = await bot.SendAsync(Text(Moderator, "/feeds"), Moderator);
        var group = await bot.SendAsync(Text(Maintainer, "/unfollow 1", Group), Group);

        Assert.Equal(("Sorry, you're not allowed to do that.", "Sorry, you're not allowed to do that.", "This command works only in a private chat with me."), (stranger.Text, moderator.Text, group.Text));
        Assert.Equal(0, server.Count("/feed.xml"));
    }

    [Fact]
    public async Task AddUrl_OfAFeed_PointsToFollow()
    {
        await using var bot = await StartAsync();

        var reply = await bot.SendAsync(Text(Maintainer, $"/add {server.BaseUrl}/feed.xml"), Maintainer);

        Assert.Equal($"Not added: that is a news feed (application/rss+xml), not an article. Follow it with /follow {server.BaseUrl}/feed.xml (or `corpusbot feeds add`).", reply.Text);
        Assert.Equal(0, await bot.ScalarAsync("SELECT count(*) FROM documents"));
    }

    [Fact]
    public async Task Help_ShowsTheFeedCommandsToMaintainersOnly()
    {
        await using var bot = await StartAsync();

        var maintainer = await bot.SendAsync(Text(Maintainer, "/help"), Maintainer);
        var stranger = await bot.SendAsync(Text(Stranger, "/help"), Stranger);

        Assert.Contains("/follow URL follows an RSS or Atom feed", maintainer.Text, StringComparison.Ordinal);
        Assert.Contains("/unfollow ID", maintainer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("/follow", stranger.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("/review", stranger.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Poller_InsideTheBot_FetchesNewItemsEachInterval_ShowsAFailingFeedInFeeds()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 22, 9, 0, 0, TimeSpan.Zero));
        await using var bot = await StartAsync(clock);
        // Followed directly: on the fake clock the bot's message pacing would wait forever between replies.
        var poller = bot.Get<FeedPoller>();
        await poller.FollowAsync(new Uri(server.BaseUrl + "/feed.xml"), "test", CancellationToken.None);
        server.Serve("/broken.xml", "application/rss+xml", FeedServer.Rss("Broken News", server.BaseUrl));
        await poller.FollowAsync(new Uri(server.BaseUrl + "/broken.xml"), "test", CancellationToken.None);
        ServeFeed(Ferry, Pier);
        server.Routes["/broken.xml"] = context =>
        {
            context.Response.StatusCode = 500;
            return Task.CompletedTask;
        };

        clock.Advance(TimeSpan.FromSeconds(5)); // Feeds:Interval
        await BotHarness.WaitUntilAsync(async () => await bot.ScalarAsync("SELECT count(*) FROM feeds WHERE failures = 1") == 1
            && await bot.ScalarAsync("SELECT count(*) FROM documents") == 2, SlowMachine);
        var listed = await bot.SendAsync(Text(Maintainer, "/feeds"), Maintainer);

        Assert.Equal("Ferry", await bot.StringAsync($"SELECT title FROM documents WHERE url = '{server.BaseUrl}/ferry.html'"));
        Assert.Contains("#1 Kelvo News", listed.Text, StringComparison.Ordinal);
        Assert.Contains("items: 2 · ok", listed.Text, StringComparison.Ordinal);
        Assert.Contains("#2 Broken News", listed.Text, StringComparison.Ordinal);
        Assert.Contains("failing (1×): the server answered 500; next try 2026-01-22 09:00 UTC", listed.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddUrl_PageChangesLater_RefreshedInPlaceByTheBot_AuditedAsRefresh()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 22, 9, 0, 0, TimeSpan.Zero));
        await using var bot = await StartAsync(clock);
        await bot.SendAsync(Text(Maintainer, $"/add {server.BaseUrl}/pier.html"), Maintainer);
        var id = await bot.StringAsync("SELECT id FROM documents");
        server.ServePage("/pier.html", "Pier rebuilt", "The Kelvo pier was rebuilt in 2025.");

        clock.Advance(TimeSpan.FromHours(24)); // Corpus:RefreshInterval
        await BotHarness.WaitUntilAsync(async () => await bot.StringAsync("SELECT text FROM documents") == "The Kelvo pier was rebuilt in 2025.", SlowMachine);

        Assert.Equal(id, await bot.StringAsync("SELECT id FROM documents"));
        Assert.Equal(1, await bot.ScalarAsync("SELECT count(*) FROM documents"));
        Assert.Equal(1, await bot.ScalarAsync($"SELECT count(*) FROM audit_log WHERE action = 'update' AND actor = 'refresh' AND document_id = '{id}'"));
    }

    private static Task<BotHarness> StartAsync(TimeProvider? clock = null) => BotHarness.StartAsync(
        s =>
        {
            s["Fetch:AllowPrivateAddresses"] = "true";
            s["Feeds:Interval"] = "00:00:05";
            s["Telegram:ChatIntervalMs"] = "0"; // no pacing waits: on the fake clock they would never end
        },
        clock: clock);

    private void ServeFeed(params (string Path, string Title, string PubDate)[] items) =>
        server.Serve("/feed.xml", "application/rss+xml", FeedServer.Rss("Kelvo News", server.BaseUrl, items));
}
