using System.Globalization;
using CorpusBot.Core.Answering;
using CorpusBot.Providers.Chat;
using CorpusBot.Providers.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace CorpusBot.Providers.Tests.Resilience;

/// <summary>
/// Outages stay bounded: attempts capped, Retry-After honoured, timeouts and the breaker end in a fallback.
/// Every test runs on an <see cref="ObservedClock"/>: it sees which waits the model pipeline starts (back-off,
/// Retry-After, timeouts), checks their length and advances past them, so what is asserted is what was waited
/// for, never how long the machine took.
/// </summary>
public sealed class ChatResilienceTests : IAsyncLifetime
{
    private const string Question = "Who ordered Belarusian doctors to treat wounded Russian soldiers?";
    private readonly ObservedClock clock = new();
    private FakeOpenAIServer server = null!;

    public async Task InitializeAsync() => server = await FakeOpenAIServer.StartAsync();

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task AskAsync_Http500_TriesMaxAttemptsThenFallsBack()
    {
        await using var host = await CreateHostAsync(time: clock);
        server.OnChat = _ => FakeReply.Error(500);

        var asking = host.AnswerService.AskAsync(Question, CancellationToken.None);
        for (var attempt = 1; attempt < 3; attempt++)
        {
            var backoff = await clock.WaitForTimerAsync(IsWait(host), asking, $"the back-off after attempt {attempt}");
            Assert.InRange(backoff, TimeSpan.FromTicks(1), TimeSpan.FromSeconds(20)); // jittered from Chat:RetryDelaySeconds, within the total budget
            Assert.Equal(attempt, server.ChatCalls); // not retried before the back-off has passed
            clock.Advance(backoff);
        }

        var answer = await asking;

        Assert.Equal(AnswerMode.Extractive, answer.Mode);
        Assert.Equal(AnswerService.FallbackNotice, answer.Notice);
        Assert.Equal(3, server.ChatCalls); // Chat:MaxAttempts, with no SDK retries stacked underneath
    }

    [Fact]
    public async Task AskAsync_429WithRetryAfter_WaitsThenAnswers()
    {
        await using var host = await CreateHostAsync(time: clock);
        server.OnChat = _ => server.ChatCalls == 1
            ? FakeReply.Error(429, retryAfter: "1")
            : FakeReply.Answer("Lukashenko ordered it [1].", false, (1, Corpus.GomelSentence1));

        var asking = host.AnswerService.AskAsync(Question, CancellationToken.None);
        var waited = await clock.WaitForTimerAsync(IsWait(host), asking, "the Retry-After wait");
        Assert.Equal(TimeSpan.FromSeconds(1), waited); // what the server asked for, not the configured back-off
        Assert.Equal(1, server.ChatCalls); // not retried before Retry-After
        clock.Advance(waited);
        var answer = await asking;

        Assert.Equal(AnswerMode.Llm, answer.Mode);
        Assert.False(answer.Refused);
        Assert.Equal(2, server.ChatCalls);
    }

    [Fact]
    public async Task AskAsync_RetryAfterAsAnHttpDate_WaitsUntilThatTime()
    {
        await using var host = await CreateHostAsync(time: clock);
        server.OnChat = _ => server.ChatCalls == 1
            ? FakeReply.Error(503, retryAfter: clock.GetUtcNow().AddSeconds(2).ToString("r", CultureInfo.InvariantCulture))
            : FakeReply.Answer("Lukashenko ordered it [1].", false, (1, Corpus.GomelSentence1));

        var asking = host.AnswerService.AskAsync(Question, CancellationToken.None);
        var waited = await clock.WaitForTimerAsync(IsWait(host), asking, "the wait until the Retry-After date");
        Assert.Equal(TimeSpan.FromSeconds(2), waited); // the date, read against the app's clock
        Assert.Equal(1, server.ChatCalls);
        clock.Advance(waited);
        var answer = await asking;

        Assert.Equal(AnswerMode.Llm, answer.Mode);
        Assert.Equal(2, server.ChatCalls);
    }

    [Fact]
    public async Task AskAsync_RetryAfterBeyondTheBudget_IsNotWaitedFor()
    {
        await using var host = await CreateHostAsync(time: clock);
        server.OnChat = _ => FakeReply.Error(429, retryAfter: "3600");

        var asking = host.AnswerService.AskAsync(Question, CancellationToken.None);
        var waited = await clock.FirstTimerAsync(IsWait(host), asking);
        Assert.Null(waited); // no wait started: the call ended with the clock standing still
        var answer = await asking;

        Assert.Equal(AnswerMode.Extractive, answer.Mode);
        Assert.Equal(AnswerService.FallbackNotice, answer.Notice);
        Assert.Equal(1, server.ChatCalls);
    }

    [Fact]
    public async Task AskAsync_ReplySlowerThanTheTimeout_FallsBackWithinTheTotalBudget()
    {
        await using var host = await CreateHostAsync(
            new() { ["Chat:TimeoutSeconds"] = "1", ["Chat:MaxAttempts"] = "2", ["Chat:TotalTimeoutSeconds"] = "5" }, time: clock);
        // The reply never comes on its own (the server holds it until the request is aborted): only a timeout ends the wait.
        server.OnChat = _ => FakeReply.Answer("late [1].", false, (1, Corpus.GomelSentence1)) with { Delay = Timeout.InfiniteTimeSpan };
        var attemptTimeout = TimeSpan.FromSeconds(1);
        var elapsed = TimeSpan.Zero;

        var asking = host.AnswerService.AskAsync(Question, CancellationToken.None);
        for (var attempt = 1; attempt <= 2; attempt++)
        {
            await clock.WaitForTimerAsync(t => t == attemptTimeout, asking, $"the timeout of attempt {attempt}");
            await WaitForChatCallsAsync(attempt, asking); // the request is at the server, waiting, when its time runs out
            clock.Advance(attemptTimeout);
            elapsed += attemptTimeout;
            if (attempt == 1)
            {
                var backoff = await clock.WaitForTimerAsync(IsWait(host), asking, "the back-off between the attempts");
                Assert.Equal(1, server.ChatCalls);
                clock.Advance(backoff);
                elapsed += backoff;
            }
        }

        var answer = await asking;

        Assert.Equal(AnswerMode.Extractive, answer.Mode);
        Assert.Equal(AnswerService.FallbackNotice, answer.Notice);
        Assert.Equal(2, server.ChatCalls);
        Assert.True(elapsed < TimeSpan.FromSeconds(5), $"the app's clock moved {elapsed}, beyond the total budget");
    }

    [Fact]
    public async Task AskAsync_RepeatedFailures_OpenTheCircuitAndStopCallingTheEndpoint()
    {
        // On the observed clock, standing still: the breaker's 30 s sampling window cannot slide and its 60 s break cannot end
        // however slowly the machine runs.
        await using var host = await CreateHostAsync(new() { ["Chat:MaxAttempts"] = "1", ["Chat:BreakerMinimumThroughput"] = "2", ["Chat:BreakSeconds"] = "60" }, time: clock);
        server.OnChat = _ => FakeReply.Error(503);

        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(AnswerMode.Extractive, (await host.AnswerService.AskAsync(Question, CancellationToken.None)).Mode);
        }

        Assert.Equal(2, server.ChatCalls);
        var answerer = host.Services.GetRequiredService<IAnswerer>();
        var error = await Assert.ThrowsAsync<ModelUnavailableException>(() =>
            answerer.AnswerAsync(Question, host.Retriever.Passages, CancellationToken.None));
        Assert.Contains("paused", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Until the server has seen <paramref name="count"/> chat calls; fails if the ask ends first.</summary>
    private async Task WaitForChatCallsAsync(int count, Task asking)
    {
        while (true)
        {
            var next = server.NextRequest; // taken before the count is read, so a request arriving in between still wakes us
            if (server.ChatCalls >= count)
            {
                return;
            }

            Assert.False(asking.IsCompleted, $"The ask ended after {server.ChatCalls} chat call(s), expected {count}.");
            await Task.WhenAny(next, asking).WaitAsync(TimeSpan.FromMinutes(3)); // a hang guard only
        }
    }

    private static Func<TimeSpan, bool> IsWait(TestHost host)
    {
        var options = host.Option<ChatOptions>();
        TimeSpan[] timeouts = [TimeSpan.FromSeconds(options.TimeoutSeconds), TimeSpan.FromSeconds(options.TotalTimeoutSeconds)];
        return dueTime => dueTime >= TimeSpan.Zero && !timeouts.Contains(dueTime);
    }

    private async Task<TestHost> CreateHostAsync(Dictionary<string, string?>? overrides = null, TimeProvider? time = null)
    {
        var settings = TestHost.ChatSettings(server);
        foreach (var (key, value) in overrides ?? [])
        {
            settings[key] = value;
        }

        var host = await TestHost.CreateAsync(settings, clock: time);
        await host.IngestAsync(Corpus.GomelId, Corpus.GomelTitle, Corpus.GomelText);
        host.Retriever.Passages = [await host.PassageAsync(Corpus.GomelId)];
        return host;
    }
}
