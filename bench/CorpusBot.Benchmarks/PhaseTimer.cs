using System.Collections.Concurrent;
using System.Diagnostics;
using CorpusBot.Core.Diagnostics;

namespace CorpusBot.Benchmarks;

/// <summary>
/// Listens to the engine's phase spans (<see cref="CoreActivities"/>) and sums their durations per question, so a
/// question's time splits into embed / keyword / vector / read / terms / verify and the rest ("other").
/// </summary>
internal sealed class PhaseTimer : IDisposable
{
    public static readonly string[] Phases =
        [CoreActivities.Embed, CoreActivities.Keyword, CoreActivities.Vector, CoreActivities.Read, CoreActivities.Terms, CoreActivities.Verify];

    private readonly ActivityListener listener;
    private readonly ConcurrentDictionary<string, double> current = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<double>> samples = Phases.Append("other").Append("total").Append("cpu").ToDictionary(p => p, _ => new List<double>());
    private TimeSpan cpuAtBegin;

    public PhaseTimer()
    {
        listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == CoreActivities.SourceName,
            Sample = static (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = activity => current.AddOrUpdate(activity.OperationName, activity.Duration.TotalMilliseconds, (_, sum) => sum + activity.Duration.TotalMilliseconds),
        };
        ActivitySource.AddActivityListener(listener);
    }

    public void Begin()
    {
        current.Clear();
        cpuAtBegin = Environment.CpuUsage.TotalTime;
    }

    /// <summary>
    /// Records one question whose whole call took <paramref name="totalMs"/>, and the process CPU time it took ("cpu": all
    /// threads; the questions run one at a time, so that is the question's own work, and unlike wall time it hardly
    /// moves with the machine's load).
    /// </summary>
    public void End(double totalMs)
    {
        samples["cpu"].Add((Environment.CpuUsage.TotalTime - cpuAtBegin).TotalMilliseconds);
        var phases = 0.0;
        foreach (var phase in Phases)
        {
            var ms = current.GetValueOrDefault(phase);
            samples[phase].Add(ms);
            phases += ms;
        }

        samples["other"].Add(Math.Max(0, totalMs - phases));
        samples["total"].Add(totalMs);
    }

    public IReadOnlyDictionary<string, (double P50, double P95)> Summary() =>
        samples.ToDictionary(s => s.Key, s => (Core.Evaluation.Percentiles.Of(s.Value, 50), Core.Evaluation.Percentiles.Of(s.Value, 95)));

    public void Dispose() => listener.Dispose();
}
