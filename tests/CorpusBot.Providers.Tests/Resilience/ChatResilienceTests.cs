using System.Diagnostics;
using System.Globalization;
using CorpusBot.Core.Answering;
using CorpusBot.Providers.Chat;
using CorpusBot.Providers.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace CorpusBot.Providers.Tests.Resilience;

/// <summary>
/// Outages stay bounded: attempts capped, Retry-After honoured, timeouts and the breaker end in a fallback.
/// The Retry-After tests run on an <see cref="ObservedClock"/>: they see which waits the model pipeline starts, check
/// their length and advance past them, so what is asserted is what was waited for, never how long the machine took.
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
        await using var host = await CreateHostAsync();
        server.OnChat = _ => FakeReply.Error(500);

        var answer = await host.AnswerService.AskAsync(Question, CancellationToken.None);

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
        await using var host = await CreateHostAsync(new() { ["Chat:TimeoutSeconds"] = "1", ["Chat:MaxAttempts"] = "2", ["Chat:TotalTimeoutSeconds"] = "5" });
        server.OnChat = _ => FakeReply.Answer("late [1].", false, (1, Corpus.GomelSentence1)) with { Delay = TimeSpan.FromSeconds(30) };
        var stopwatch = Stopwatch.StartNew();

        var answer = await host.AnswerService.AskAsync(Question, CancellationToken.None);

        Assert.Equal(AnswerMode.Extractive, answer.Mode);
        Assert.Equal(AnswerService.FallbackNotice, answer.Notice);
        Assert.Equal(2, server.ChatCalls);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(5), $"took {stopwatch.Elapsed}");
    }

    [Fact]
    public async Task AskAsync_RepeatedFailures_OpenTheCircuitAndStopCallingTheEndpoint()
    {
        await using var host = await CreateHostAsync(new() { ["Chat:MaxAttempts"] = "1", ["Chat:BreakerMinimumThroughput"] = "2", ["Chat:BreakSeconds"] = "60" });
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
