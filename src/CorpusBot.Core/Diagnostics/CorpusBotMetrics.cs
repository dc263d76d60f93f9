using System.Diagnostics.Metrics;

namespace CorpusBot.Core.Diagnostics;

/// <summary>
/// The bot's own instruments, on one <see cref="Meter"/> named <see cref="MeterName"/>. Code that has
/// something to count takes this class and calls one method; `corpusbot bot` exports the meter in
/// Prometheus format at /metrics (dots become underscores: corpusbot.questions → corpusbot_questions_total).
/// Labels are small closed sets (outcome, reason, mode, kind, method): never question text, user ids or tokens.
/// </summary>
public sealed class CorpusBotMetrics
{
    public const string MeterName = "CorpusBot";

    /// <summary>Answer latency buckets, in seconds: quote-only answers take milliseconds, model answers seconds.</summary>
    private static readonly double[] LatencyBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120];

    /// <summary>Update lag buckets, in seconds: from when Telegram stamped a message to when we recorded it.</summary>
    private static readonly double[] LagBuckets = [0.1, 0.5, 1, 2, 5, 10, 30, 60, 300, 3600];

    private readonly Counter<long> questions;
    private readonly Histogram<double> answerDuration;
    private readonly Counter<long> llmRequests;
    private readonly Counter<long> llmFailures;
    private readonly Counter<long> llmFallbacks;
    private readonly Counter<long> embeddingCalls;
    private readonly Counter<long> embeddingFailures;
    private readonly Counter<long> telegramErrors;
    private readonly Counter<long> telegramRateLimited;
    private readonly Histogram<double> updateLag;
    private readonly Counter<long> backups;

    public CorpusBotMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        Meter = meterFactory.Create(MeterName);
        questions = Meter.CreateCounter<long>("corpusbot.questions", description: "Questions answered or refused, by outcome, refusal reason and answer mode.");
        answerDuration = Meter.CreateHistogram("corpusbot.answer.duration", "s", "Time from question to verified answer.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = LatencyBuckets });
        llmRequests = Meter.CreateCounter<long>("corpusbot.llm.requests", description: "Questions sent to the language model.");
        llmFailures = Meter.CreateCounter<long>("corpusbot.llm.failures", description: "Language model calls that failed (down, timed out, unusable reply).");
        llmFallbacks = Meter.CreateCounter<long>("corpusbot.llm.fallbacks", description: "Answers given with quotes only because the language model failed.");
        embeddingCalls = Meter.CreateCounter<long>("corpusbot.embedding.calls", description: "Calls to the embedding model (one call may embed many texts).");
        embeddingFailures = Meter.CreateCounter<long>("corpusbot.embedding.failures", description: "Embedding calls that failed.");
        telegramErrors = Meter.CreateCounter<long>("corpusbot.telegram.errors", description: "Bot API calls that failed, by method.");
        telegramRateLimited = Meter.CreateCounter<long>("corpusbot.telegram.rate_limited", description: "Bot API calls answered 429 Too Many Requests.");
        updateLag = Meter.CreateHistogram("corpusbot.telegram.update.lag", "s", "From the message's Telegram timestamp to its recording by the bot.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = LagBuckets });
        backups = Meter.CreateCounter<long>("corpusbot.backups", description: "Scheduled backups, by result (ok or failed).");
    }

    /// <summary>For observable instruments (gauges read on each scrape) defined next to their data.</summary>
    public Meter Meter { get; }

    /// <summary>One answer given: counted by outcome, reason and mode, and timed.</summary>
    public void Answered(bool refused, string? reason, string mode, TimeSpan elapsed)
    {
        var outcome = refused ? "refused" : "answered";
        questions.Add(1, new("outcome", outcome), new("reason", reason ?? "none"), new("mode", mode));
        answerDuration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("outcome", outcome), new("mode", mode));
    }

    /// <summary>A question went to the language model; <paramref name="failed"/> when it failed and quotes were given instead.</summary>
    public void LanguageModelUsed(bool failed)
    {
        llmRequests.Add(1);
        if (failed)
        {
            llmFailures.Add(1);
            llmFallbacks.Add(1);
        }
    }

    public void EmbeddingCalled(bool failed)
    {
        embeddingCalls.Add(1);
        if (failed)
        {
            embeddingFailures.Add(1);
        }
    }

    /// <summary>A Bot API call failed; <paramref name="method"/> is the API method name (getUpdates, sendMessage…).</summary>
    public void TelegramCallFailed(string method, int? statusCode)
    {
        telegramErrors.Add(1, new KeyValuePair<string, object?>("method", method));
        if (statusCode == 429)
        {
            telegramRateLimited.Add(1, new KeyValuePair<string, object?>("method", method));
        }
    }

    /// <summary>An update was recorded; <paramref name="lag"/> is null when it carries no timestamp.</summary>
    public void UpdateReceived(TimeSpan? lag)
    {
        if (lag is { } l)
        {
            updateLag.Record(Math.Max(0, l.TotalSeconds));
        }
    }

    public void BackupFinished(bool ok) => backups.Add(1, new KeyValuePair<string, object?>("result", ok ? "ok" : "failed"));
}
