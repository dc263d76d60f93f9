using CorpusBot.Benchmarks;

namespace CorpusBot.Tests.Benchmarks;

/// <summary>The benchmark harness is built in CI but run there only in its seconds-long smoke mode.</summary>
public class BenchmarkSmokeTests
{
    [Fact]
    public async Task Smoke_TinySizes_PrintsEveryTableAndTheTargets()
    {
        using var output = new StringWriter();

        var exitCode = await BenchmarkProgram.RunAsync(["--smoke", "--docs", "60", "--vectors", "5000", "--questions", "10"], output, CancellationToken.None);

        Assert.Equal(0, exitCode);
        var report = output.ToString();
        Assert.Contains("| topical | 60 |", report, StringComparison.Ordinal);
        Assert.Contains("| 5000 | 384 | float32 |", report, StringComparison.Ordinal);
        Assert.Contains("| 5000 | 384 | int8 + rerank |", report, StringComparison.Ordinal);
        Assert.Contains("| 1.00 |", report, StringComparison.Ordinal); // recall of the exact scan
        Assert.Contains("topical: database ≤ 5× the text", report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownArgument_ExitsWithUsage()
    {
        using var output = new StringWriter();
        Assert.Equal(2, await BenchmarkProgram.RunAsync(["--bogus"], output, CancellationToken.None));
    }
}
