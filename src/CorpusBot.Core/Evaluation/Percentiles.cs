namespace CorpusBot.Core.Evaluation;

/// <summary>Nearest-rank percentiles over a sample of timings.</summary>
public static class Percentiles
{
    /// <param name="percent">0–100.</param>
    /// <returns>0 for an empty sample.</returns>
    public static double Of(IEnumerable<double> values, double percent)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfLessThan(percent, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percent, 100);
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return 0;
        }

        var rank = (int)Math.Ceiling(percent / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}
