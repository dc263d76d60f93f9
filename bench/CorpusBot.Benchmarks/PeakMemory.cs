using System.Diagnostics;

namespace CorpusBot.Benchmarks;

/// <summary>
/// Whole-process peak resident memory (Linux VmHWM). <see cref="Reset"/> clears the high-water mark (writing 5 to
/// /proc/self/clear_refs) so each phase reports its own peak; where that is not possible the peak is since start.
/// </summary>
internal static class PeakMemory
{
    public static bool Reset()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    public static double PeakMiB()
    {
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return process.PeakWorkingSet64 / 1024.0 / 1024;
    }
}
