using System.Diagnostics;

namespace CorpusBot.Core.Diagnostics;

/// <summary>
/// The engine's trace spans, one per phase of a question (embed the question, keyword search, vector search, read the
/// candidate passages, term statistics, verify the quotes). Free when nobody listens; the benchmark harness listens to
/// split a question's time by phase, and an OpenTelemetry exporter can subscribe to <see cref="SourceName"/>.
/// </summary>
public static class CoreActivities
{
    public const string SourceName = "CorpusBot.Core";

    public const string Embed = "embed";
    public const string Keyword = "keyword";
    public const string Vector = "vector";
    public const string Read = "read";
    public const string Terms = "terms";
    public const string Verify = "verify";

    public static ActivitySource Source { get; } = new(SourceName);

    /// <summary>Starts a span for <paramref name="phase"/>, or returns null (no cost) when nobody listens.</summary>
    public static Activity? Start(string phase) => Source.StartActivity(phase, ActivityKind.Internal);
}
