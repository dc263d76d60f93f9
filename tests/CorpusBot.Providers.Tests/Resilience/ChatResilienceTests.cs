using System.Diagnostics;
using CorpusBot.Core.Answering;
using CorpusBot.Providers.Chat;
using CorpusBot.Providers.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace CorpusBot.Providers.Tests.Resilience;

/// <summary>Outages stay bounded: attempts capped, Retry-After honoured, timeouts and the breaker end in a fallback.</summary>
public sealed class ChatResilienceTests : IAsyncLifetime
{
    private const string Question = "Who ordered Belarusian doctors to treat wounded Russian soldiers?";
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
        await using var host = await CreateHostAsync();
        server.OnChat = _ => server.ChatCalls == 1
            ? FakeReply.Error(429, retryAfterSeconds: "1")
            : FakeReply.Answer("Lukashenko ordered it [1].", false, (1, Corpus.GomelSentence1));
        var stopwatch = Stopwatch.StartNew();

        var answer = await host.AnswerService.AskAsync(Question, CancellationToken.None);

        Assert.Equal(AnswerMode.Llm, answer.Mode);
        Assert.False(answer.Refused);
        Assert.Equal(2, server.ChatCalls);
        Assert.True(stopwatch.Elapsed >= TimeSpan.FromSeconds(0.9), $"retried after {stopwatch.Elapsed}, before Retry-After");
    }

    [Fact]
    public async Task AskAsync_RetryAfterBeyondTheBudget_IsNotWaitedFor()
    {
        await using var host = await CreateHostAsync();
        server.OnChat = _ => FakeReply.Error(429, retryAfterSeconds: "3600");
        var stopwatch = Stopwatch.StartNew();

        var answer = await host.AnswerService.AskAsync(Question, CancellationToken.None);

        Assert.Equal(AnswerMode.Extractive, answer.Mode);
        Assert.Equal(1, server.ChatCalls);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(5));
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

    private async Task<TestHost> CreateHostAsync(Dictionary<string, string?>? overrides = null)
    {
        var settings = TestHost.ChatSettings(server);
        foreach (var (key, value) in overrides ?? [])
        {
            settings[key] = value;
        }

        var host = await TestHost.CreateAsync(settings);
        await host.IngestAsync(Corpus.GomelId, Corpus.GomelTitle, Corpus.GomelText);
        host.Retriever.Passages = [await host.PassageAsync(Corpus.GomelId)];
        return host;
    }
}
