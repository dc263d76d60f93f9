using System.Globalization;

namespace CorpusBot.Benchmarks;

/// <summary>
/// What to measure. Parsed from `--docs 1000,10000 --corpus topical,synthetic --vectors 100000 --questions 200 [--int8] [--ivf]
/// [--set Section:Key=value]... [--keep DIR] [--smoke]`.
/// </summary>
/// <param name="Corpora">Generators by name: "topical" (one subject, from the seeds) and/or "synthetic" (made-up words).</param>
/// <param name="Clustered">--ivf: also a row of clustered vectors searched through the k-means lists, as configured.</param>
/// <param name="Settings">Configuration overrides for the engine, e.g. Embeddings:Provider=Lexical.</param>
/// <param name="KeepDirectory">If set, databases are kept there and reused by later runs of the same corpus and size.</param>
internal sealed record BenchmarkSettings(
    IReadOnlyList<int> Docs,
    IReadOnlyList<int> Vectors,
    int Questions,
    int Dimensions,
    bool Int8,
    bool Clustered,
    bool Smoke,
    long BandwidthBytes,
    IReadOnlyList<string> Corpora,
    IReadOnlyDictionary<string, string?> Settings,
    string? KeepDirectory)
{
    public const string Usage =
        "Usage: CorpusBot.Benchmarks [--docs 1000,10000,100000] [--corpus topical,synthetic] [--vectors 100000,1000000] [--questions 200] " +
        "[--dims 384] [--int8] [--ivf] [--set Section:Key=value]... [--keep DIR] [--smoke]";

    private static readonly string[] KnownCorpora = ["topical", "synthetic"];

    /// <summary>Sizes for a seconds-long run that proves the harness works (CI).</summary>
    public static BenchmarkSettings SmokeDefaults { get; } =
        new([200], [20_000], 20, 384, true, false, true, 64L << 20, ["topical"], new Dictionary<string, string?>(), null);

    public static BenchmarkSettings Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var smoke = args.Contains("--smoke");
        var settings = smoke
            ? SmokeDefaults
            : new BenchmarkSettings([1_000, 10_000], [100_000], 200, 384, false, false, false, 1L << 30, ["topical"], new Dictionary<string, string?>(), null);
        var overrides = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < args.Count; i++)
        {
            settings = args[i] switch
            {
                "--smoke" => settings,
                "--int8" => settings with { Int8 = true },
                "--ivf" => settings with { Clustered = true },
                "--docs" => settings with { Docs = Sizes(Value(args, ++i, "--docs")) },
                "--vectors" => settings with { Vectors = Sizes(Value(args, ++i, "--vectors")) },
                "--questions" => settings with { Questions = Size(Value(args, ++i, "--questions")) },
                "--dims" => settings with { Dimensions = Size(Value(args, ++i, "--dims")) },
                "--corpus" => settings with { Corpora = CorpusNames(Value(args, ++i, "--corpus")) },
                "--keep" => settings with { KeepDirectory = Path.GetFullPath(Value(args, ++i, "--keep")) },
                "--set" => Override(settings, overrides, Value(args, ++i, "--set")),
                _ => throw new ArgumentException($"Unknown argument \"{args[i]}\". {Usage}"),
            };
        }

        return settings with { Settings = overrides };
    }

    private static BenchmarkSettings Override(BenchmarkSettings settings, Dictionary<string, string?> overrides, string pair)
    {
        var at = pair.IndexOf('=', StringComparison.Ordinal);
        if (at <= 0 || !pair[..at].Contains(':', StringComparison.Ordinal))
        {
            throw new ArgumentException($"--set needs Section:Key=value, not \"{pair}\". {Usage}");
        }

        overrides[pair[..at]] = pair[(at + 1)..];
        return settings;
    }

    private static string[] CorpusNames(string value)
    {
        var names = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var unknown = names.FirstOrDefault(n => !KnownCorpora.Contains(n, StringComparer.Ordinal));
        return unknown is null && names.Length > 0
            ? names
            : throw new ArgumentException($"Unknown corpus \"{unknown ?? value}\": use topical, synthetic or both. {Usage}");
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
