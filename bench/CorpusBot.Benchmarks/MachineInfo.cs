using System.Globalization;
using System.Runtime.InteropServices;

namespace CorpusBot.Benchmarks;

/// <summary>The machine a run was measured on, for the report header.</summary>
internal sealed record MachineInfo(string Cpu, int Cores, double MemoryGiB, string Os, string Runtime, DateTimeOffset Date)
{
    public static MachineInfo Current()
    {
        var cpu = ReadProc("/proc/cpuinfo", "model name") ?? RuntimeInformation.ProcessArchitecture.ToString();
        var memKb = ReadProc("/proc/meminfo", "MemTotal")?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
        var memory = memKb is null ? GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1024.0 / 1024 / 1024
            : double.Parse(memKb, CultureInfo.InvariantCulture) / 1024 / 1024;
        return new MachineInfo(cpu, Environment.ProcessorCount, memory, RuntimeInformation.OSDescription,
            RuntimeInformation.FrameworkDescription, DateTimeOffset.UtcNow);
    }

    private static string? ReadProc(string path, string key)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        var line = File.ReadLines(path).FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal));
        return line?[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
    }
}
