using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using CorpusBot.Core.Embeddings.Onnx.Graph;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.Tokenizers;

namespace CorpusBot.Core.Embeddings.Onnx;

/// <summary>
/// A loaded BERT-style ONNX embedding model and its WordPiece tokenizer: texts in, unit vectors out.
/// Loading is the expensive part (the session builds and optimises the graph), so load once and share:
/// the session and tokenizer are safe to use from several threads at once.
/// </summary>
public sealed class OnnxEmbeddingModel : IDisposable
{
    private const string HiddenStateOutput = "last_hidden_state";
    private static readonly string[] SupportedInputs = ["input_ids", "attention_mask", "token_type_ids"];

    private readonly InferenceSession session;
    private readonly BertTokenizer tokenizer;
    private readonly string outputName;
    private readonly string[] inputNames;

    /// <summary>Batches run at once: one per core.</summary>
    private static int Workers => Environment.ProcessorCount;

    private OnnxEmbeddingModel(InferenceSession session, BertTokenizer tokenizer, OnnxModelSettings settings, string description)
    {
        this.session = session;
        this.tokenizer = tokenizer;
        Settings = settings;
        inputNames = [.. session.InputMetadata.Keys];
        if (inputNames.FirstOrDefault(n => !SupportedInputs.Contains(n)) is { } unsupported)
        {
            throw new CorpusBotException($"The ONNX model {description} wants an input named {unsupported}; only input_ids, attention_mask and token_type_ids (BERT-style models) are supported.");
        }

        outputName = session.OutputMetadata.ContainsKey(HiddenStateOutput) ? HiddenStateOutput : session.OutputMetadata.Keys.First();
        var dims = session.OutputMetadata[outputName].Dimensions;
        Dimensions = dims.Length is 2 or 3 && dims[^1] > 0
            ? dims[^1]
            : throw new CorpusBotException($"The ONNX model {description} has output {outputName} of shape [{string.Join(", ", dims)}]; expected [batch, tokens, dimensions] or [batch, dimensions].");
    }

    public OnnxModelSettings Settings { get; }

    public int Dimensions { get; }

    /// <summary>The model's input names, for the log.</summary>
    public string Inputs => string.Join(",", inputNames);

    /// <summary>Loads a model from its model.onnx and vocab.txt files.</summary>
    public static OnnxEmbeddingModel Load(string modelPath, string vocabPath, OnnxModelSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var description = $"at {modelPath} (vocabulary {vocabPath})";
        return OnnxModelRewriter.Rewrites(settings)
            ? Load(options => new InferenceSession(OnnxModelRewriter.Prepare(File.ReadAllBytes(modelPath), settings, description), options), () => File.OpenRead(vocabPath), settings, description)
            : Load(options => new InferenceSession(modelPath, options), () => File.OpenRead(vocabPath), settings, description);
    }

    /// <summary>Loads a model held in memory (the built-in one, read from its carrier's resources).</summary>
    public static OnnxEmbeddingModel Load(byte[] model, byte[] vocabulary, OnnxModelSettings settings, string description)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(vocabulary);
        ArgumentNullException.ThrowIfNull(settings);
        return Load(options => new InferenceSession(OnnxModelRewriter.Prepare(model, settings, description), options), () => new MemoryStream(vocabulary, writable: false), settings, description);
    }

    /// <summary>
    /// Embeds texts as they are (prefixes are the caller's) and returns them in the order given. Texts are tokenised
    /// once and sorted by length, so each batch pads only to its own longest (Int8: each text is a batch of its own,
    /// see <see cref="OnnxModelSettings.BatchSize"/>); the batches run side by side, one per core, each on a single
    /// thread (<see cref="Partition"/>).
    /// </summary>
    public float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var encoded = new IReadOnlyList<int>[texts.Count];
        var result = new float[texts.Count][];
        var batches = Partition(texts.Count, Settings.Precision == EmbeddingPrecision.Int8 ? 1 : Settings.BatchSize, Workers);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Workers, CancellationToken = cancellationToken };
        try
        {
            Parallel.For(0, texts.Count, parallel, i => encoded[i] = Encode(texts[i]));
            var order = Enumerable.Range(0, texts.Count).OrderByDescending(i => encoded[i].Count).ToArray();

            // Longest batches first and handed out one at a time, so the two cores finish together.
            Parallel.ForEach(Partitioner.Create(batches, EnumerablePartitionerOptions.NoBuffering), parallel, range =>
            {
                var batch = order[range];
                var vectors = Run(BertBatch.Create([.. batch.Select(i => encoded[i])], tokenizer.PaddingTokenId));
                for (var j = 0; j < batch.Length; j++)
                {
                    result[batch[j]] = vectors[j];
                }
            });
        }
        catch (AggregateException e) when (e.InnerExceptions.Count == 1)
        {
            ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }

        return result;
    }

    /// <summary>
    /// Cuts <paramref name="count"/> length-sorted texts into consecutive batches of at most <paramref name="batchSize"/>,
    /// and into at least one batch per worker when there are enough texts, so a small call (one document's passages)
    /// still keeps every core busy. Sizes differ by at most one.
    /// </summary>
    internal static Range[] Partition(int count, int batchSize, int workers)
    {
        if (count == 0)
        {
            return [];
        }

        var batches = Math.Min(count, Math.Max(workers, (count + batchSize - 1) / batchSize));
        var ranges = new Range[batches];
        for (int b = 0, start = 0; b < batches; b++)
        {
            var size = (count / batches) + (b < count % batches ? 1 : 0);
            ranges[b] = start..(start + size);
            start += size;
        }

        return ranges;
    }

    public void Dispose() => session.Dispose();

    private static OnnxEmbeddingModel Load(Func<SessionOptions, InferenceSession> createSession, Func<Stream> openVocabulary, OnnxModelSettings settings, string description)
    {
        InferenceSession? session = null;
        try
        {
            BertTokenizer tokenizer;
            using (var vocabulary = openVocabulary())
            {
                // As Hugging Face does for uncased vocabularies: lower-case and strip accents together.
                tokenizer = BertTokenizer.Create(vocabulary, new BertOptions { LowerCaseBeforeTokenization = settings.LowerCase, RemoveNonSpacingMarks = settings.LowerCase });
            }

            using var sessionOptions = CreateSessionOptions();
            session = createSession(sessionOptions);
            return new OnnxEmbeddingModel(session, tokenizer, settings, description);
        }
        catch (Exception e) when (e is OnnxRuntimeException or IOException or InvalidOperationException or ArgumentException or FormatException or CorpusBotException)
        {
            session?.Dispose();
            throw e as CorpusBotException ?? new CorpusBotException($"Cannot load the ONNX embedding model {description}: {e.Message}", e);
        }
    }

    /// <summary>
    /// All graph optimisations; each run on the calling thread alone. <see cref="Embed"/> runs one batch per core
    /// instead of spreading one batch over the cores: measured on 2 cores, that gives 10–20 % more passages per
    /// CPU-second, and under load far more, since no core waits at ONNX Runtime's per-operator barriers for another
    /// that the scheduler took away (docs/BENCHMARKS.md).
    /// </summary>
    private static SessionOptions CreateSessionOptions() => new()
    {
        GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
        IntraOpNumThreads = 1,
        InterOpNumThreads = 1,
    };

    /// <summary>[CLS] text [SEP]; a text longer than MaxTokens keeps its beginning and still ends with [SEP].</summary>
    private IReadOnlyList<int> Encode(string text)
    {
        var ids = tokenizer.EncodeToIds(text, addSpecialTokens: true);
        return ids.Count <= Settings.MaxTokens ? ids : [.. ids.Take(Settings.MaxTokens - 1), tokenizer.SeparatorTokenId];
    }

    private float[][] Run(BertBatch batch)
    {
        var inputs = new OrtValue[inputNames.Length];
        try
        {
            for (var i = 0; i < inputNames.Length; i++)
            {
                var data = inputNames[i] switch
                {
                    "input_ids" => batch.InputIds,
                    "attention_mask" => batch.AttentionMask,
                    _ => batch.TokenTypeIds,
                };
                inputs[i] = OrtValue.CreateTensorValueFromMemory(data, batch.Shape);
            }

            using var runOptions = new RunOptions();
            using var outputs = session.Run(runOptions, inputNames, inputs, [outputName]);
            var output = outputs[0];
            var shape = output.GetTensorTypeAndShape().Shape;
            var values = output.GetTensorDataAsSpan<float>();
            return shape.Length == 3
                ? Pooling.Pool(Settings.Pooling, values, batch.AttentionMask, batch.Size, (int)shape[1], Dimensions)
                : Pooling.Normalized(values, batch.Size, Dimensions);
        }
        finally
        {
            foreach (var input in inputs)
            {
                input?.Dispose();
            }
        }
    }
}
