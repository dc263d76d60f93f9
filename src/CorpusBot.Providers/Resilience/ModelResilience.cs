using System.Net.Http.Headers;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace CorpusBot.Providers.Resilience;

/// <summary>
/// The one retry layer of a model endpoint, on its HttpClient (the SDK's own retries are off):
/// total timeout → retry (transient failures; Retry-After honoured, and a wait longer than the
/// total budget is not waited for) → circuit breaker → per-attempt timeout.
/// </summary>
internal static class ModelResilience
{
    public const string ChatClient = "CorpusBot.Chat";
    public const string EmbeddingsClient = "CorpusBot.Embeddings";

    public static void Apply(HttpStandardResilienceOptions options, ModelCallSettings settings, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(settings);
        options.AttemptTimeout.Timeout = settings.AttemptTimeout;
        options.TotalRequestTimeout.Timeout = settings.TotalTimeout;

        options.Retry.MaxRetryAttempts = Math.Max(1, settings.MaxAttempts - 1);
        options.Retry.Delay = settings.RetryDelay;
        options.Retry.BackoffType = DelayBackoffType.Exponential;
        options.Retry.UseJitter = true;
        options.Retry.MaxDelay = settings.TotalTimeout;
        options.Retry.ShouldRetryAfterHeader = false; // handled below, with a cap
        var retryEnabled = settings.MaxAttempts > 1;
        options.Retry.ShouldHandle = args => ValueTask.FromResult(
            retryEnabled
            && HttpClientResiliencePredicates.IsTransient(args.Outcome)
            && !(RetryAfter(args.Outcome.Result, clock) > settings.TotalTimeout));
        options.Retry.DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result, clock));

        // The breaker samples at least twice the attempt timeout (the handler's own validation demands it).
        options.CircuitBreaker.SamplingDuration = Max(TimeSpan.FromSeconds(30), (settings.AttemptTimeout * 2) + TimeSpan.FromSeconds(1));
        options.CircuitBreaker.MinimumThroughput = settings.BreakerMinimumThroughput;
        options.CircuitBreaker.FailureRatio = 0.5;
        options.CircuitBreaker.BreakDuration = settings.BreakDuration;
    }

    /// <summary>The delay a 429/503 reply asks for, or null.</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage? response, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        RetryConditionHeaderValue? header = response?.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - clock.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
