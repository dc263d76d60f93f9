using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using CorpusBot.Core;
using CorpusBot.Core.Embeddings;
using CorpusBot.Core.Storage;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.Tokenizers;

namespace CorpusBot.Providers.Embeddings.Onnx;

/// <summary>
/// A local sentence-transformers model (all-MiniLM-L6-v2, bge-small-en, ...) run with ONNX Runtime:
/// BERT WordPiece tokenizer from vocab.txt → model in batches → mean pooling over the attention
/// mask → L2 normalisation. The model id hashes the model file, the vocabulary and the prefixes,
/// so swapping any of them makes the stored vectors stale (and `corpusbot reindex` rebuilds them).
/// </summary>
internal sealed class OnnxEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    private const string HiddenStateOutput = "last_hidden_state";

    private readonly InferenceSession session;
    private readonly BertTokenizer tokenizer;
    private readonly ProviderEmbeddingsOptions options;
    private readonly string outputName;
    private readonly EmbeddingGeneratorMetadata metadata;
    private readonly ILogger logger;

    public OnnxEmbeddingGenerator(ProviderEmbeddingsOptions options, ContentRoot root, ILogger<OnnxEmbeddingGenerator> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(root);
        this.options = options;
        this.logger = logger;
        var modelPath = root.Resolve(options.ModelPath ?? throw new CorpusBotException("Embeddings:ModelPath is required when Embeddings:Provider is Onnx."));
        var vocabPath = root.Resolve(options.VocabPath ?? throw new CorpusBotException("Embeddings:VocabPath is required when Embeddings:Provider is Onnx."));
        try
        {
            tokenizer = BertTokenizer.Create(vocabPath, new BertOptions { LowerCaseBeforeTokenization = options.LowerCase });
            using var sessionOptions = new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL };
            session = new InferenceSession(modelPath, sessionOptions);
        }
        catch (Exception e) when (e is OnnxRuntimeException or IOException or InvalidOperationException or ArgumentException or FormatException)
        {
            throw new CorpusBotException($"Cannot load the ONNX embedding model (Embeddings:ModelPath {modelPath}, Embeddings:VocabPath {vocabPath}): {e.Message}", e);
        }

        outputName = session.OutputMetadata.ContainsKey(HiddenStateOutput) ? HiddenStateOutput : session.OutputMetadata.Keys.First();
        var dims = session.OutputMetadata[outputName].Dimensions;
        Dimensions = dims.Length is 2 or 3 && dims[^1] > 0
            ? dims[^1]
            : throw new CorpusBotException($"The ONNX model at {modelPath} has output {outputName} of shape [{string.Join(", ", dims)}]; expected [batch, tokens, dimensions] or [batch, dimensions].");
        ModelId = $"onnx-{Path.GetFileName(Path.GetDirectoryName(modelPath))}-{Fingerprint(modelPath, vocabPath, options)}";
        metadata = new EmbeddingGeneratorMetadata("onnx", null, ModelId, Dimensions);
        Log.OnnxModelLoaded(logger, ModelId, Dimensions, string.Join(",", session.InputMetadata.Keys));
    }

    public string ModelId { get; }

    public int Dimensions { get; }

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var specific = EmbeddingPurpose.IsQuery(options) ? this.options.QueryPrefix : this.options.PassagePrefix;
        var prefix = string.IsNullOrEmpty(specific) ? this.options.Prefix ?? string.Empty : specific;
        var texts = values.Select(v => prefix + v).ToList();
        var stopwatch = Stopwatch.StartNew();
        var result = new GeneratedEmbeddings<Embedding<float>>();
        foreach (var batch in texts.Chunk(this.options.BatchSize))
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var vector in Run(batch))
            {
                result.Add(new Embedding<float>(vector) { ModelId = ModelId });
            }
        }

        Log.Embedded(logger, texts.Count, ModelId, stopwatch.ElapsedMilliseconds);
        return Task.FromResult(result);
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        EmbeddingGeneratorServices.Resolve(this, metadata, serviceType, serviceKey);

    public void Dispose() => session.Dispose();

    private float[][] Run(IReadOnlyList<string> texts)
    {
        var batch = BertBatch.Create(tokenizer, texts, options.MaxTokens);
        var names = new List<string>();
        var inputs = new List<OrtValue>();
        try
        {
            foreach (var name in session.InputMetadata.Keys)
            {
                var data = name switch
                {
                    "input_ids" => batch.InputIds,
                    "attention_mask" => batch.AttentionMask,
                    "token_type_ids" => batch.TokenTypeIds,
                    _ => throw new CorpusBotException($"The ONNX model wants an input named {name}; only input_ids, attention_mask and token_type_ids (BERT-style models) are supported."),
                };
                names.Add(name);
                inputs.Add(OrtValue.CreateTensorValueFromMemory(data, batch.Shape));
            }

            using var runOptions = new RunOptions();
            using var outputs = session.Run(runOptions, names, inputs, [outputName]);
            var output = outputs[0];
            var shape = output.GetTensorTypeAndShape().Shape;
            var hidden = output.GetTensorDataAsSpan<float>();
            if (shape.Length == 3)
            {
                return MeanPooling.Pool(hidden, batch.AttentionMask, batch.Size, (int)shape[1], Dimensions);
            }

            var pooled = new float[batch.Size][];
            for (var b = 0; b < batch.Size; b++)
            {
                pooled[b] = VectorMath.Normalize(hidden.Slice(b * Dimensions, Dimensions).ToArray());
            }

            return pooled;
        }
        finally
        {
            foreach (var input in inputs)
            {
                input.Dispose();
            }
        }
    }

    private static string Fingerprint(string modelPath, string vocabPath, ProviderEmbeddingsOptions options)
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

        hash.AppendData(Encoding.UTF8.GetBytes($"{options.Prefix}|{options.QueryPrefix}|{options.PassagePrefix}|{options.LowerCase}|{options.MaxTokens}"));
        return Convert.ToHexStringLower(hash.GetHashAndReset())[..12];
    }
}
