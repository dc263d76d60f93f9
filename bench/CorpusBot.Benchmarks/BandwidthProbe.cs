using System.Diagnostics;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;

namespace CorpusBot.Benchmarks;

/// <summary>
/// The memory-bandwidth bound of this machine for one thread: the best time of <c>TensorPrimitives.Sum</c> over an
/// array far larger than the caches. A scan of N bytes cannot beat N / this rate.
/// </summary>
internal static class BandwidthProbe
{
    /// <remarks>Native memory, freed at once, so the buffer does not inflate the peak memory of later phases.</remarks>
    public static unsafe double MeasureBytesPerSecond(long bytes)
    {
        var length = (int)Math.Min(bytes / sizeof(float), Array.MaxLength);
        var buffer = NativeMemory.AlignedAlloc((nuint)length * sizeof(float), 64);
        try
        {
            var values = new Span<float>(buffer, length);
            values.Fill(1f); // touch every page before timing
            var best = double.MaxValue;
            var sum = 0f;
            for (var pass = 0; pass < 7; pass++)
            {
                var start = Stopwatch.GetTimestamp();
                sum += TensorPrimitives.Sum(values);
                best = Math.Min(best, Stopwatch.GetElapsedTime(start).TotalSeconds);
            }

            GC.KeepAlive(sum);
            return (double)length * sizeof(float) / best;
        }
        finally
        {
            NativeMemory.AlignedFree(buffer);
        }
    }
}
