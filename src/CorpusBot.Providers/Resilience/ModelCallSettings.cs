namespace CorpusBot.Providers.Resilience;

/// <summary>Timeouts, attempts and breaker settings of one model endpoint (chat or embeddings).</summary>
internal sealed record ModelCallSettings(
    TimeSpan AttemptTimeout,
    TimeSpan TotalTimeout,
    int MaxAttempts,
    TimeSpan RetryDelay,
    int BreakerMinimumThroughput,
    TimeSpan BreakDuration);
