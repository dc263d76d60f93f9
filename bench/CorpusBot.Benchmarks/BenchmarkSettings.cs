using System.Globalization;

namespace CorpusBot.Benchmarks;

/// <summary>What to measure. Parsed from `--docs 1000,10000 --vectors 100000 --questions 200 [--int8] [--smoke]`.</summary>
internal sealed record BenchmarkSettings(
    IReadOnlyList<int> Docs,
    IReadOnlyList<int> Vectors,
    int Questions,
    int Dimensions,
    bool Int8,
    bool Smoke,
    long BandwidthBytes)
{
    public const string Usage =
        "Usage: CorpusBot.Benchmarks [--docs 1000,10000,100000] [--vectors 100000,1000000] [--questions 200] [--dims 384] [--int8] [--smoke]";

    /// <summary>Sizes for a seconds-long run that proves the harness works (CI).</summary>
    public static BenchmarkSettings SmokeDefaults { get; } = new([200], [20_000], 20, 384, true, true, 64L << 20);

    public static BenchmarkSettings Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var smoke = args.Contains("--smoke");
        var settings = smoke ? SmokeDefaults : new BenchmarkSettings([1_000, 10_000], [100_000], 200, 384, false, false, 1L << 30);
        for (var i = 0; i < args.Count; i++)
        {
            settings = args[i] switch
            {
                "--smoke" => settings,
                "--int8" => settings with { Int8 = true },
                "--docs" => settings with { Docs = Sizes(Value(args, ++i, "--docs")) },
                "--vectors" => settings with { Vectors = Sizes(Value(args, ++i, "--vectors")) },
                "--questions" => settings with { Questions = Size(Value(args, ++i, "--questions")) },
                "--dims" => settings with { Dimensions = Size(Value(args, ++i, "--dims")) },
                _ => throw new ArgumentException($"Unknown argument \"{args[i]}\". {Usage}"),
            };
        }

        return settings;
    }

    private static string Value(IReadOnlyList<string> args, int index, string name) =>
        index < args.Count ? args[index] : throw new ArgumentException($"{name} needs a value. {Usage}");

    private static int[] Sizes(string value) =>
        value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(s => s != "0").Select(Size).ToArray();

    private static int Size(string value) =>
        int.TryParse(value.Replace("_", "", StringComparison.Ordinal), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new ArgumentException($"\"{value}\" is not a positive number. {Usage}");
}
