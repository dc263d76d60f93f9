using System.Security.Cryptography;
using System.Text;
using CorpusBot.Core.Embeddings.Onnx;
using CorpusBot.Core.Storage;
using Microsoft.Extensions.Logging;

namespace CorpusBot.Providers.Embeddings.Onnx;

/// <summary>
/// Embeddings:Provider = Onnx: a sentence-transformers model the user downloaded (all-MiniLM-L6-v2, bge-small-en, ...),
/// from its model.onnx and vocab.txt, run by the core's <see cref="OnnxEmbeddingModel"/>. The model id hashes the
/// model file, the vocabulary and the settings, so swapping any of them makes the stored vectors stale
/// (and `corpusbot reindex` rebuilds them).
/// </summary>
internal static class OnnxFileEmbedder
{
    public static OnnxEmbeddingGenerator Create(ProviderEmbeddingsOptions options, ContentRoot root, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(root);
        var modelPath = root.Resolve(options.ModelPath ?? throw new CorpusBot.Core.CorpusBotException("Embeddings:ModelPath is required when Embeddings:Provider is Onnx."));
        var vocabPath = root.Resolve(options.VocabPath ?? throw new CorpusBot.Core.CorpusBotException("Embeddings:VocabPath is required when Embeddings:Provider is Onnx."));
        var settings = new OnnxModelSettings(
            options.Pooling,
            options.LowerCase,
            QueryPrefix: NonEmpty(options.QueryPrefix) ?? options.Prefix ?? string.Empty,
            PassagePrefix: NonEmpty(options.PassagePrefix) ?? options.Prefix ?? string.Empty,
            options.MaxTokens,
            options.BatchSize,
            options.Precision is { } precision ? Enum.Parse<EmbeddingPrecision>(precision) : EmbeddingPrecision.Float32);
        var model = OnnxEmbeddingModel.Load(modelPath, vocabPath, settings);
        var modelId = $"onnx-{Path.GetFileName(Path.GetDirectoryName(modelPath))}-{Fingerprint(modelPath, vocabPath, settings)}";
        Log.OnnxModelLoaded(logger, modelId, model.Dimensions, model.Inputs);
        return new OnnxEmbeddingGenerator(model, modelId, "onnx", logger, ownsModel: true);
    }

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static string Fingerprint(string modelPath, string vocabPath, OnnxModelSettings settings)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var path in new[] { modelPath, vocabPath })
        {
            using var stream = File.OpenRead(path);
            var buffer = new byte[1 << 16];
            for (var read = stream.Read(buffer); read > 0; read = stream.Read(buffer))
            {
                hash.AppendData(buffer, 0, read);
            }
        }

        hash.AppendData(Encoding.UTF8.GetBytes(settings.VectorAffectingSettings));
        return Convert.ToHexStringLower(hash.GetHashAndReset())[..12];
    }
}
