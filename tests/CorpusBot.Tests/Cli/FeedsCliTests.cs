using CorpusBot.Tests.Feeds;

namespace CorpusBot.Tests.Cli;

/// <summary>`corpusbot feeds add|list|remove|poll` as an operator runs them, against a loopback feed.</summary>
public sealed class FeedsCliTests : IAsyncLifetime, IDisposable
{
    private readonly TempFolder temp = new();
    private FeedServer server = null!;

    public async Task InitializeAsync()
    {
        server = await FeedServer.StartAsync();
        server.ServePage("/a1.html", "Pier rebuilt", "The Kelvo pier was rebuilt in 2024.");
        server.ServePage("/a2.html", "Ferry", "The ferry to Lida runs twice a day.");
    }

    public async Task DisposeAsync() => await server.DisposeAsync();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task AddListPollRemove_AsAnOperatorRunsThem()
    {
        ServeFeed(("/a1.html", "Pier rebuilt", "Tue, 20 Jan 2026 08:00:00 GMT"));

        var added = await RunAsync("feeds", "add", server.BaseUrl + "/feed.xml");
        ServeFeed(("/a2.html", "Ferry", "Wed, 21 Jan 2026 08:00:00 GMT"), ("/a1.html", "Pier rebuilt", "Tue, 20 Jan 2026 08:00:00 GMT"));
        var polled = await RunAsync("feeds", "poll");
        var listed = await RunAsync("feeds", "list");
        var docs = await RunAsync("docs");
        var removed = await RunAsync("feeds", "remove", "1");
        var again = await RunAsync("feeds", "remove", "1");

        Assert.Equal((0, "Following feed #1 Kelvo News: 1 new document(s). `corpusbot bot` fetches its new items every Feeds:Interval."), (added.ExitCode, added.Stdout.Trim()));
        Assert.Equal(0, polled.ExitCode);
        Assert.Contains("#1 Kelvo News: 1 new document(s)", polled.Stdout, StringComparison.Ordinal);
        Assert.Contains("Documents from URLs re-checked: 0 changed.", polled.Stdout, StringComparison.Ordinal);
        Assert.Contains($"#1 Kelvo News\n{server.BaseUrl}/feed.xml\nlast check: ", listed.Stdout, StringComparison.Ordinal);
        Assert.Contains("items: 2 · ok", listed.Stdout, StringComparison.Ordinal);
        Assert.Contains("Ferry", docs.Stdout, StringComparison.Ordinal);
        Assert.Equal((0, "Unfollowed feed #1."), (removed.ExitCode, removed.Stdout.Trim()));
        Assert.Equal(5, again.ExitCode);
        Assert.Contains("No feed #1.", again.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Add_PageThatIsNotAFeed_ExitsWithTheReasonNamingIt()
    {
        var result = await RunAsync("feeds", "add", server.BaseUrl + "/a1.html");
        var listed = await RunAsync("feeds", "list");

        Assert.NotEqual(0, result.ExitCode);
        Assert.StartsWith($"Not followed: {server.BaseUrl}/a1.html is not an RSS or Atom feed", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("No feeds are followed.", listed.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Add_NotAUrl_UsageError()
    {
        var result = await RunAsync("feeds", "add", "ftp://example.org/feed");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("'ftp://example.org/feed' is not an http or https URL.", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--Feeds:Interval=00:00:00", "Feeds:Interval must be between 00:00:01 and 7.00:00:00")]
    [InlineData("--Corpus:RefreshInterval=-01:00:00", "Corpus:RefreshInterval must be between 00:00:00 (off) and 365.00:00:00")]
    public async Task BadSetting_RefusedAtStart_NamingIt(string setting, string expected)
    {
        var result = await CliRunner.RunAsync(["feeds", "list", "--db", temp.Database, setting]);

        Assert.Equal(4, result.ExitCode);
        Assert.Contains(expected, result.Stderr, StringComparison.Ordinal);
    }

    private void ServeFeed(params (string Path, string Title, string PubDate)[] items) =>
        server.Serve("/feed.xml", "application/rss+xml", FeedServer.Rss("Kelvo News", server.BaseUrl, items));

    private Task<CliRunner.Result> RunAsync(params string[] args) =>
        CliRunner.RunAsync([.. args, "--db", temp.Database, "--Fetch:AllowPrivateAddresses=true"]);
}
