using System.Diagnostics;
using System.Numerics.Tensors;

namespace CorpusBot.Benchmarks;

/// <summary>
/// The memory-bandwidth bound of this machine for one thread: the best time of <c>TensorPrimitives.Sum</c> over an
/// array far larger than the caches. A scan of N bytes cannot beat N / this rate.
/// </summary>
internal static class BandwidthProbe
{
    public static double MeasureBytesPerSecond(long bytes)
    {
        var values = new float[bytes / sizeof(float)];
        values.AsSpan().Fill(1f); // touch every page before timing
        var best = double.MaxValue;
        var sum = 0f;
        for (var pass = 0; pass < 7; pass++)
        {
            var start = Stopwatch.GetTimestamp();
            sum += TensorPrimitives.Sum(values);
            best = Math.Min(best, Stopwatch.GetElapsedTime(start).TotalSeconds);
        }

        GC.KeepAlive(sum);
        return values.LongLength * sizeof(float) / best;
    }
}
