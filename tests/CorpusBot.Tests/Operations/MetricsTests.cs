using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using CorpusBot.Tests.Telegram.Fakes;

namespace CorpusBot.Tests.Operations;

/// <summary>
/// Instruments are process-wide (System.Diagnostics.Metrics): these tests run alone, so that no other
/// test's questions land in the figures they compare.
/// </summary>
[CollectionDefinition(nameof(MetricsTests), DisableParallelization = true)]
public sealed class MetricsTestsRunAlone;

[Collection(nameof(MetricsTests))]
public sealed partial class MetricsTests
{
    [Fact]
    public async Task Metrics_BeforeAndAfterAQuestion_CountTheQuestionAndNothingPrivate()
    {
        await using var bot = await BotHarness.StartAsync(AdminClient.OnDynamicPort);
        using var admin = new AdminClient(bot.Host);
        await Corpus.LoadAsync(bot);

        var (status, before) = await admin.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(1, Value(before, "corpusbot_corpus_documents"));

        const string Question = "When was the lighthouse built?";
        await bot.AskAsync(TelegramUpdates.Stranger, Question);
        await bot.SendAsync(TelegramUpdates.Text(TelegramUpdates.Stranger, "What is the weather on Mars today?"), TelegramUpdates.Stranger);
        var after = await WaitForAsync(admin, text => Sum(text, "corpusbot_questions_total") >= Sum(before, "corpusbot_questions_total") + 2);

        Assert.Equal(1, Sum(after, "corpusbot_questions_total", "outcome=\"answered\"") - Sum(before, "corpusbot_questions_total", "outcome=\"answered\""));
        Assert.Equal(1, Sum(after, "corpusbot_questions_total", "outcome=\"refused\"") - Sum(before, "corpusbot_questions_total", "outcome=\"refused\""));
        Assert.Equal(2, Sum(after, "corpusbot_answer_duration_seconds_count") - Sum(before, "corpusbot_answer_duration_seconds_count"));
        Assert.True(Sum(after, "corpusbot_llm_requests_total") - Sum(before, "corpusbot_llm_requests_total") >= 1);
        Assert.True(Sum(after, "corpusbot_telegram_update_lag_seconds_count") - Sum(before, "corpusbot_telegram_update_lag_seconds_count") >= 2);
        Assert.True(Sum(after, "corpusbot_corpus_passages") >= 1);
        Assert.Single(Lines(after, "corpusbot_telegram_queue_depth"));

        // No question text, user id or token anywhere in the exposition.
        Assert.DoesNotContain("lighthouse built", after, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch("(?<!le)=\"" + TelegramUpdates.Stranger.ToString(CultureInfo.InvariantCulture) + "\"", after); // a bucket bound le="300" is no user
        Assert.DoesNotContain(FakeBotApi.Token, after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_Feeds_CountedByStatus()
    {
        await using var server = await Feeds.FeedServer.StartAsync();
        server.Serve("/ok.xml", "application/rss+xml", Feeds.FeedServer.Rss("Fine", server.BaseUrl));
        await using var bot = await BotHarness.StartAsync(AdminClient.OnDynamicPort);
        using var admin = new AdminClient(bot.Host);
        var store = bot.Get<CorpusBot.Core.Feeds.FeedStore>();
        await store.AddAsync(new Uri(server.BaseUrl + "/ok.xml"), "Fine", "test", CancellationToken.None);
        var broken = (await store.AddAsync(new Uri(server.BaseUrl + "/missing.xml"), "Gone", "test", CancellationToken.None))!;
        await store.RecordFailureAsync(broken, "the server answered 404", TimeSpan.FromMinutes(30), TimeSpan.FromHours(6), CancellationToken.None);

        var text = await WaitForAsync(admin, t => Lines(t, "corpusbot_feeds").Any());

        Assert.Equal(1, Sum(text, "corpusbot_feeds", "status=\"ok\""));
        Assert.Equal(1, Sum(text, "corpusbot_feeds", "status=\"failing\""));
    }

    [Fact]
    public async Task Metrics_TelegramRateLimit_Counted()
    {
        await using var bot = await BotHarness.StartAsync(AdminClient.OnDynamicPort);
        using var admin = new AdminClient(bot.Host);
        await Corpus.LoadAsync(bot);
        var (_, before) = await admin.GetAsync("/metrics");

        bot.Api.FailNext("sendMessage", 429, "Too Many Requests: retry after 1", retryAfter: 1);
        await bot.AskAsync(TelegramUpdates.Stranger, "When was the lighthouse built?");
        var after = await WaitForAsync(admin, text => Sum(text, "corpusbot_telegram_rate_limited_total") > Sum(before, "corpusbot_telegram_rate_limited_total"));

        Assert.Contains("method=\"sendMessage\"", Lines(after, "corpusbot_telegram_rate_limited_total").Single(), StringComparison.Ordinal);
    }

    private static async Task<string> WaitForAsync(AdminClient admin, Func<string, bool> match)
    {
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(15);
        while (true)
        {
            var (_, text) = await admin.GetAsync("/metrics");
            if (match(text))
            {
                return text;
            }

            Assert.True(DateTimeOffset.UtcNow < deadline, "metrics never matched:\n" + text);
            await Task.Delay(50);
        }
    }

    private static IEnumerable<string> Lines(string exposition, string name, string? label = null) =>
        exposition.Split('\n').Where(l => (l.StartsWith(name + "{", StringComparison.Ordinal) || l.StartsWith(name + " ", StringComparison.Ordinal))
            && (label is null || l.Contains(label, StringComparison.Ordinal)));

    private static double Sum(string exposition, string name, string? label = null) =>
        Lines(exposition, name, label).Sum(l => double.Parse(SampleValue().Match(l).Groups[1].Value, CultureInfo.InvariantCulture));

    private static double Value(string exposition, string name) => Sum(exposition, name);

    /// <summary>The value after the labels: "name{...} 3 1700000000000" or "name 3".</summary>
    [GeneratedRegex(@"(?:\}|^\S+)\s+([-+0-9.eE]+|NaN)")]
    private static partial Regex SampleValue();
}
